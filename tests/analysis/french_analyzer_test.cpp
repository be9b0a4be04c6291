// FrenchAnalyzer rules, one test per rule, on ordinary French phrases.
#include "analysis/french_analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace tec::analysis {
namespace {

class FrenchAnalyzerTest : public ::testing::Test {
 protected:
  // Terms of Word tokens, in order.
  std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : analyzer.analyze(text)) {
      if (t.kind == Token::Kind::Word) out.push_back(t.term);
    }
    return out;
  }
  std::vector<std::string> all_terms(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : analyzer.analyze(text)) out.push_back(t.term);
    return out;
  }
  std::vector<std::string> stems(std::string_view word) {
    const auto tokens = analyzer.analyze(word);
    EXPECT_EQ(tokens.size(), 1u) << word;
    return tokens.empty() ? std::vector<std::string>{} : tokens.front().stems;
  }
  // True when the two words share a stem key, i.e. find each other.
  bool conflate(std::string_view a, std::string_view b) {
    const auto sa = stems(a), sb = stems(b);
    return std::any_of(sa.begin(), sa.end(),
                       [&](const std::string& s) { return std::find(sb.begin(), sb.end(), s) != sb.end(); });
  }
  FrenchAnalyzer analyzer;
};

using Terms = std::vector<std::string>;

TEST_F(FrenchAnalyzerTest, FoldsCaseAndAccentsForMatching) {
  EXPECT_EQ(words("éclairage"), Terms{"eclairage"});
  EXPECT_EQ(words("ÉCLAIRAGE"), Terms{"eclairage"});
  EXPECT_EQ(words("Eclairage"), Terms{"eclairage"});
  EXPECT_EQ(words("Réunion publique à Saint-Étienne"), (Terms{"reunion", "publique", "a", "saint", "etienne"}));
}

TEST_F(FrenchAnalyzerTest, AppliesNfkcSoCompatibilityFormsMatch) {
  EXPECT_EQ(words("ﬁnancement"), Terms{"financement"});  // fi ligature U+FB01
  EXPECT_EQ(words("Ｍairie"), Terms{"mairie"});          // full-width M
}

TEST_F(FrenchAnalyzerTest, DropsElisionsWithBothApostrophes) {
  EXPECT_EQ(words("L’atelier d’habitants"), (Terms{"atelier", "habitants"}));
  EXPECT_EQ(words("l'atelier d'habitants"), (Terms{"atelier", "habitants"}));
  EXPECT_EQ(words("qu’il s’engage jusqu’à l’été"), (Terms{"il", "engage", "a", "ete"}));
  EXPECT_EQ(words("lorsqu'on m'écrit, puisqu’elle n’est pas là, c'est qu'on t’attend et j’y vais"),
            (Terms{"on", "ecrit", "elle", "est", "pas", "la", "est", "on", "attend", "et", "y", "vais"}));
  EXPECT_EQ(words("QU’IL"), Terms{"il"});
}

TEST_F(FrenchAnalyzerTest, KeepsApostropheWordsThatAreNotElisions) {
  EXPECT_EQ(words("aujourd’hui"), Terms{"aujourd'hui"});
  EXPECT_EQ(words("aujourd'hui"), Terms{"aujourd'hui"});
}

TEST_F(FrenchAnalyzerTest, ElisionIsLeftOutOfTheHighlightRange) {
  const std::string text = "Voir l’atelier";
  const auto tokens = analyzer.analyze(text);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "atelier");
}

TEST_F(FrenchAnalyzerTest, ExpandsLigatures) {
  EXPECT_EQ(words("mise en œuvre"), (Terms{"mise", "en", "oeuvre"}));
  EXPECT_EQ(words("ŒUVRE"), Terms{"oeuvre"});
  EXPECT_EQ(words("OEUVRE"), Terms{"oeuvre"});
  EXPECT_EQ(words("cœur de village"), (Terms{"coeur", "de", "village"}));
  EXPECT_EQ(words("ex æquo"), (Terms{"ex", "aequo"}));
}

TEST_F(FrenchAnalyzerTest, ReadsInclusiveWritingAsMasculinePluralWithFeminineVariant) {
  EXPECT_EQ(all_terms("habitant·e·s"), (Terms{"habitants", "habitantes"}));
  EXPECT_EQ(all_terms("élu·es"), (Terms{"elus", "elues"}));
  EXPECT_EQ(all_terms("citoyen.ne.s"), (Terms{"citoyens", "citoyennes"}));
  EXPECT_EQ(all_terms("d’usager·ère·s"), (Terms{"usagers", "usagereres"}));
  const auto tokens = analyzer.analyze("les habitant·e·s votent");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].position, tokens[2].position);  // the variant sits on the word
  EXPECT_EQ(tokens[2].kind, Token::Kind::Variant);
  EXPECT_EQ(tokens[3].position, 2u);
}

TEST_F(FrenchAnalyzerTest, SplitsDottedWordsThatAreNotInclusiveWriting) {
  EXPECT_EQ(words("www.ville.fr"), (Terms{"www", "ville", "fr"}));
}

TEST_F(FrenchAnalyzerTest, TreatsNoBreakSpacesAsSpaces) {
  EXPECT_EQ(words("budget\u00A0participatif"), (Terms{"budget", "participatif"}));
  EXPECT_EQ(words("Pourquoi\u202F?\u00A0Comment"), (Terms{"pourquoi", "comment"}));
}

TEST_F(FrenchAnalyzerTest, HyphenatedWordsGiveTheirPartsAndTheJoinedForm) {
  const auto tokens = analyzer.analyze("la co-construction");
  EXPECT_EQ(all_terms("la co-construction"), (Terms{"la", "co", "construction", "coconstruction"}));
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[3].kind, Token::Kind::Compound);
  EXPECT_EQ(tokens[3].position, 1u);
  EXPECT_EQ(tokens[3].span, 2u);
  EXPECT_EQ(all_terms("porte-à-porte"), (Terms{"porte", "a", "porte", "porteaporte"}));
  EXPECT_EQ(all_terms("co‑décision"), (Terms{"co", "decision", "codecision"}));  // non-breaking hyphen
  EXPECT_EQ(all_terms("co - construction"), (Terms{"co", "construction"}));      // a dash, not a hyphen
}

TEST_F(FrenchAnalyzerTest, StemsSoInflectedFormsMeet) {
  EXPECT_TRUE(conflate("concertée", "concertation"));
  EXPECT_TRUE(conflate("concertée", "concerter"));
  EXPECT_TRUE(conflate("consultés", "consulter"));
  EXPECT_TRUE(conflate("jurys", "jury"));
  EXPECT_TRUE(conflate("habitantes", "habitants"));
  EXPECT_TRUE(conflate("jeux", "jeu"));
  EXPECT_TRUE(conflate("élus", "élu"));
  EXPECT_TRUE(conflate("français", "française"));
  EXPECT_TRUE(conflate("ateliers", "atelier"));
  EXPECT_TRUE(conflate("participatifs", "participative"));
}

// Snowball expects accented input ("concertée" -> concert) but a user may type
// "concertee" (-> concerte): stems from both the accented and the folded form
// are kept, so accent-less typing meets accented text.
TEST_F(FrenchAnalyzerTest, StemsTheAccentedAndTheFoldedForm) {
  EXPECT_EQ(stems("concertée"), (Terms{"concert", "concerte"}));
  EXPECT_TRUE(conflate("concertee", "concertée"));
  EXPECT_TRUE(conflate("consultes", "consultés"));
  EXPECT_TRUE(conflate("francaise", "française"));
  EXPECT_TRUE(conflate("eclairage", "éclairage"));
  EXPECT_TRUE(conflate("elus", "élus"));
}

TEST_F(FrenchAnalyzerTest, StemsCapitalisedWords) {
  EXPECT_TRUE(conflate("Ateliers", "atelier"));
  EXPECT_TRUE(conflate("CONCERTATION", "concertée"));
}

TEST_F(FrenchAnalyzerTest, NumbersAreTermsWithoutStems) {
  const auto tokens = analyzer.analyze("2026");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].term, "2026");
  EXPECT_TRUE(tokens[0].stems.empty());
}

TEST_F(FrenchAnalyzerTest, PositionsContinueFromTheGivenStart) {
  const auto tokens = analyzer.analyze("jury citoyen", 10);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].position, 10u);
  EXPECT_EQ(tokens[1].position, 11u);
}

TEST_F(FrenchAnalyzerTest, FoldsShortKeys) {
  EXPECT_EQ(analyzer.fold("Éclairage Public"), "eclairage public");
  EXPECT_EQ(analyzer.fold("Transition ÉCOLOGIQUE"), "transition ecologique");
}

TEST_F(FrenchAnalyzerTest, EmptyAndPunctuationOnlyTextGiveNoTokens) {
  EXPECT_TRUE(analyzer.analyze("").empty());
  EXPECT_TRUE(analyzer.analyze(" … — « » ! ").empty());
}

}  // namespace
}  // namespace tec::analysis
