// The little syntax of the search box: "quoted phrases", -exclusions and OR
// between words. Everything else is plain words. Parsing here only splits the
// text; QueryBuilder analyses each part with the FrenchAnalyzer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tec::ranking {

struct QueryClause {
  std::string text;               // without the quotes and the leading '-'
  std::size_t offset = 0;         // byte offset of `text` in the query
  bool phrase = false;            // between double quotes
  bool excluded = false;          // preceded by '-'
  bool or_with_previous = false;  // joined to the previous clause by OR
};

struct QuerySyntax {
  std::vector<QueryClause> clauses;
  // The last clause is a plain word still being typed (no space after it).
  bool last_word_open = false;
};

QuerySyntax parse_query_syntax(std::string_view text);

}  // namespace tec::ranking
