// Thesaurus parsing, and the bundled thesaurus text.
#include "indexer/thesaurus.h"

#include <stdexcept>

#include "analysis/utf8.h"
#include "indexer/bundled_thesaurus.h"

namespace tec::indexer {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<SynonymGroup> parse_thesaurus(std::string_view text, const std::string& name) {
  std::vector<SynonymGroup> groups;
  std::string errors;  // every bad line, so that one run shows them all
  const auto bad = [&](std::size_t line, const char* reason) {
    if (!errors.empty()) errors += '\n';
    errors += name + ":" + std::to_string(line) + ": " + reason;
  };
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = trim(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    if (analysis::first_invalid_utf8(line)) {
      bad(line_number, "texte UTF-8 invalide");
      continue;
    }

    SynonymGroup group;
    bool empty_expression = false;
    std::string_view rest = line;
    while (true) {
      const std::size_t bar = rest.find('|');
      const std::string_view expression = trim(rest.substr(0, bar));
      if (expression.empty()) empty_expression = true;
      else group.emplace_back(expression);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    if (empty_expression) bad(line_number, "expression vide");
    else if (group.size() < 2) bad(line_number, "un groupe demande au moins deux expressions");
    else groups.push_back(std::move(group));
  }
  if (!errors.empty()) throw std::runtime_error(errors);
  return groups;
}

std::string_view bundled_thesaurus() { return kBundledThesaurus; }

}  // namespace tec::indexer
