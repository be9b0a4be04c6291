// Splitting of the search-box text into clauses.
#include "ranking/query_syntax.h"

namespace tec::ranking {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

QuerySyntax parse_query_syntax(std::string_view text) {
  QuerySyntax syntax;
  bool pending_or = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    QueryClause clause;
    if (text[i] == '-' && i + 1 < text.size() && !is_space(text[i + 1]) && text[i + 1] != '-') {
      clause.excluded = true;
      ++i;
    }
    if (text[i] == '"') {
      const std::size_t close = text.find('"', i + 1);
      const std::size_t end = close == std::string_view::npos ? text.size() : close;
      clause.phrase = true;
      clause.offset = i + 1;
      clause.text = std::string(text.substr(i + 1, end - i - 1));
      i = close == std::string_view::npos ? text.size() : close + 1;
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end]) && text[end] != '"') ++end;
      clause.offset = i;
      clause.text = std::string(text.substr(i, end - i));
      i = end;
      if (clause.text == "OR" && !clause.excluded && !syntax.clauses.empty()) {
        pending_or = true;
        continue;
      }
    }
    clause.or_with_previous = pending_or;
    pending_or = false;
    syntax.clauses.push_back(std::move(clause));
  }
  if (!syntax.clauses.empty()) {
    const QueryClause& last = syntax.clauses.back();
    syntax.last_word_open = !last.phrase && !last.excluded && !text.empty() && !is_space(text.back());
  }
  return syntax;
}

}  // namespace tec::ranking
