// DocumentBuilder: a validated Resource becomes a Xapian::Document laid out
// as schema/index_schema.h says (terms, values, stored data).
#pragma once

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "indexer/resource.h"

namespace tec::indexer {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(analysis::FrenchAnalyzer& analyzer) : analyzer_(analyzer) {}

  Xapian::Document build(const Resource& resource);

 private:
  // Indexes `text` as free text; returns the next free position.
  unsigned index_text(Xapian::Document& doc, std::string_view text, Xapian::termcount wdf, unsigned position,
                      bool title);

  analysis::FrenchAnalyzer& analyzer_;
};

}  // namespace tec::indexer
