// Keys of the synonym table: an expression's words reduced to their first
// stem key (their folded form when they have none), joined by spaces, so that
// "Budgets participatifs", "budget participatif" and "BUDGET PARTICIPATIF"
// share the key "budget particip". The indexer writes thesaurus entries under
// these keys; the query builder looks query word sequences up the same way.
#pragma once

#include <string>
#include <vector>

#include "analysis/french_analyzer.h"

namespace tec::schema {

inline std::string synonym_key_word(const analysis::Token& token) {
  return token.stems.empty() ? token.term : token.stems.front();
}

inline std::string synonym_key(const std::vector<const analysis::Token*>& words) {
  std::string key;
  for (const analysis::Token* word : words) {
    if (!key.empty()) key += ' ';
    key += synonym_key_word(*word);
  }
  return key;
}

}  // namespace tec::schema
