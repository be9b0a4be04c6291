// Acronyms: what looks like one when typed, and the definitions a text states.
#include "analysis/acronyms.h"

#include <gtest/gtest.h>

namespace tec::analysis {
namespace {

std::vector<std::pair<std::string, std::string>> definitions(std::string_view text) {
  FrenchAnalyzer analyzer;
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const AcronymDefinition& d : acronym_definitions(text, analyzer)) pairs.emplace_back(d.acronym, d.long_form);
  return pairs;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(AcronymsTest, LooksLikeAnAcronymWhenTypedInCapitals) {
  for (const char* typed : {"CCAS", "PLUi", "SCoT", "Ad'AP", "PCAET", "3DS", "QPV"})
    EXPECT_TRUE(looks_like_acronym(typed)) << typed;
  for (const char* typed : {"Paris", "plu", "A", "budget", "CCAS,", "IL Y A", "Élus"})
    EXPECT_FALSE(looks_like_acronym(typed)) << typed;
}

TEST(AcronymsTest, FindsTheLongFormBeforeTheAcronym) {
  EXPECT_EQ(definitions("La commune élabore son plan climat-air-énergie territorial (PCAET) avec les habitants."),
            (Pairs{{"PCAET", "plan climat-air-énergie territorial"}}));
  EXPECT_EQ(definitions("Le centre communal d'action sociale (CCAS) accueille les familles."),
            (Pairs{{"CCAS", "centre communal d'action sociale"}}));
  EXPECT_EQ(definitions("Les habitants des quartiers prioritaires de la politique de la ville (QPV) votent."),
            (Pairs{{"QPV", "quartiers prioritaires de la politique de la ville"}}));
}

TEST(AcronymsTest, FindsTheLongFormAfterTheAcronym) {
  EXPECT_EQ(definitions("Le CESER (conseil économique, social et environnemental régional) rend un avis."),
            (Pairs{{"CESER", "conseil économique, social et environnemental régional"}}));
}

TEST(AcronymsTest, IgnoresParenthesesThatDefineNothing) {
  EXPECT_TRUE(definitions("Une réunion (en mairie) a eu lieu.").empty());
  EXPECT_TRUE(definitions("Voir le rapport annuel (RA) du syndicat.").size() <= 1u);
  EXPECT_TRUE(definitions("Le budget de la ville (BP) est voté.").empty()) << "B and P are not the initials";
  EXPECT_TRUE(definitions("Saint-Denis (974)").empty());
  EXPECT_TRUE(definitions("texte (ouvert").empty());
}

TEST(AcronymsTest, EachDefinitionOnce) {
  EXPECT_EQ(definitions("plan local d'urbanisme (PLU) puis plan local d'urbanisme (PLU)"),
            (Pairs{{"PLU", "plan local d'urbanisme"}}));
}

}  // namespace
}  // namespace tec::analysis
