// RecordValidator: turns one feed line into a Resource, or into a reason why
// not. The contract is corpus/schema.json (compiled into the program, checked
// with RapidJSON's SchemaValidator); what JSON Schema cannot say (real
// calendar dates, population_min <= population_max) is checked here too.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "indexer/resource.h"

namespace tec::indexer {

// Deepest nesting of arrays and objects accepted in a record; a legitimate
// resource needs 3.
inline constexpr int kMaxNesting = 32;

struct ValidationOutcome {
  std::optional<Resource> resource;
  std::string error;    // French, for the FILE:LINE: report; set when resource is empty
  std::string warning;  // French: what was accepted but left out (empty optional values)
  std::string source;   // the record's source when it could be read, kept or not
};

class RecordValidator {
 public:
  RecordValidator();
  ~RecordValidator();
  RecordValidator(const RecordValidator&) = delete;
  RecordValidator& operator=(const RecordValidator&) = delete;

  // `default_source` fills `source` when the record has none; a record whose
  // own source differs from a non-empty default is refused.
  ValidationOutcome validate(std::string_view line, std::string_view default_source);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tec::indexer
