// QueryBuilder: a search-box query becomes a Xapian::Query through the same
// FrenchAnalyzer as indexing, so accents, elisions, inclusive writing,
// hyphens and plurals meet the indexed terms.
//
// Each word matches its exact folded form or its stems (an exact form scores
// more, since it matches both). Hyphenated words match the parts as a phrase
// or the joined form. Documents holding every word rank before documents
// holding only some, which still appear rather than an empty page.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include <xapian.h>

#include "analysis/french_analyzer.h"

namespace tec::ranking {

// What a query looks for, to mark it in titles and snippets.
struct QueryTerms {
  std::unordered_set<std::string> terms;  // folded words
  std::unordered_set<std::string> stems;

  bool empty() const { return terms.empty(); }
  bool matches(const analysis::Token& token) const;
};

struct BuiltQuery {
  Xapian::Query query;  // empty (MatchNothing) when the text holds no word
  QueryTerms terms;
};

class QueryBuilder {
 public:
  explicit QueryBuilder(analysis::FrenchAnalyzer& analyzer) : analyzer_(analyzer) {}

  BuiltQuery build(std::string_view text);

 private:
  analysis::FrenchAnalyzer& analyzer_;
};

}  // namespace tec::ranking
