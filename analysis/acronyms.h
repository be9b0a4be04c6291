// Acronyms: what looks like one when typed, and the acronyms a text defines
// itself, "plan climat-air-énergie territorial (PCAET)" or "CCAS (centre
// communal d'action sociale)", so that each partner's jargon is understood
// without anyone editing a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/french_analyzer.h"

namespace tec::analysis {

// Typed like an acronym: two capitals or more, no fewer capitals than small
// letters, nothing but letters, digits, "'" and "-", 2 to 12 bytes
// ("PLUi", "CCAS", "SCoT", "Ad'AP"; not "Paris", not "IL Y A").
bool looks_like_acronym(std::string_view typed);

struct AcronymDefinition {
  std::string acronym;    // as written
  std::string long_form;  // as written
};

// The definitions `text` states: an acronym in parentheses after its long
// form, or a long form in parentheses after its acronym, where the acronym's
// letters are, in order, initials of the long form's words or word parts (the
// first letter that of its first word). At most `limit`, each pair once.
std::vector<AcronymDefinition> acronym_definitions(std::string_view text, const FrenchAnalyzer& analyzer,
                                                   std::size_t limit = 20);

}  // namespace tec::analysis
