// AcronymSynonyms: the acronyms an index's synonym table holds, both ways
// (an acronym matches its long form, a long form its acronym): those the
// index's own texts define (schema::kSlotAcronyms), and the meanings of the
// reference corpus/acronyms/sigles.tsv (compiled in) that the texts decide
// on, their long form being in the index, or their acronym when it cannot be
// read as an ordinary word. An acronym that is also an ordinary French word
// ("PLU", "SAGE") is written under a key looked up only when typed in
// capitals (schema::kCapitalsOnlyKeyPrefix).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"

namespace tec::indexer {

struct AcronymMeaning {
  std::string acronym;    // as written: "PLUi"
  std::string long_form;  // "Plan local d'urbanisme intercommunal"
};

// The reference compiled into tec-index (sigles.tsv: acronym, long form, ...).
std::string_view bundled_acronyms();
std::vector<AcronymMeaning> parse_acronyms(std::string_view tsv);

// The meanings worth writing for `db`: the texts' definitions, then the
// reference's meanings the texts decide on; each pair once.
std::vector<AcronymMeaning> acronyms_of(const Xapian::Database& db, const std::vector<AcronymMeaning>& reference,
                                        analysis::FrenchAnalyzer& analyzer);

// schema::kCapitalsOnlyKeyPrefix for an expression of one word written as an
// acronym that is also an ordinary word ("PLU", "SAGE"), else empty.
std::string acronym_key_prefix(std::string_view expression);

// Adds `meanings` to the synonym table of `db`, both ways.
void add_acronym_synonyms(Xapian::WritableDatabase& db, const std::vector<AcronymMeaning>& meanings,
                          analysis::FrenchAnalyzer& analyzer);

}  // namespace tec::indexer
