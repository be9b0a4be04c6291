// DocumentBuilder: a validated Resource becomes a Xapian::Document laid out
// as schema/index_schema.h says (terms, values, stored data).
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "indexer/resource.h"

namespace tec::indexer {

struct IndexedDocument {
  Xapian::Document document;
  std::map<std::string, Xapian::termcount, std::less<>> spellings;  // lower-case words with accents, and their counts
};

class DocumentBuilder {
 public:
  explicit DocumentBuilder(analysis::FrenchAnalyzer& analyzer) : analyzer_(analyzer) {}

  IndexedDocument build(const Resource& resource);

 private:
  // Indexes `text` as free text; returns the next free position.
  unsigned index_text(IndexedDocument& out, std::string_view text, Xapian::termcount wdf, unsigned position,
                      bool title);

  analysis::FrenchAnalyzer& analyzer_;
};

}  // namespace tec::indexer
