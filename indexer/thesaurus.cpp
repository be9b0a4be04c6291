// Thesaurus parsing, and the bundled thesaurus text.
#include "indexer/thesaurus.h"

#include <stdexcept>

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
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = trim(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;

    SynonymGroup group;
    std::string_view rest = line;
    while (true) {
      const std::size_t bar = rest.find('|');
      const std::string_view expression = trim(rest.substr(0, bar));
      if (expression.empty()) {
        throw std::runtime_error(name + ":" + std::to_string(line_number) + ": expression vide");
      }
      group.emplace_back(expression);
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    if (group.size() < 2) {
      throw std::runtime_error(name + ":" + std::to_string(line_number) + ": un groupe demande au moins deux expressions");
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

std::string_view bundled_thesaurus() { return kBundledThesaurus; }

}  // namespace tec::indexer
