// WordHeads and the analyzer's reading of the words a reader wants: stems
// begin like their word, and a filtered reading keeps every token.
#include "analysis/word_heads.h"

#include <gtest/gtest.h>

#include "analysis/french_analyzer.h"
#include "test_support.h"

namespace tec::analysis {
namespace {

bool same_head(std::string_view a, std::string_view b) {
  WordHeads heads;
  heads.add(a);
  return heads.wants(b);
}

// What the snippets rely on: a word's stems share its head, so a word whose
// head is not wanted cannot match a wanted stem.
TEST(WordHeadsTest, StemsBeginLikeTheirWord) {
  FrenchAnalyzer analyzer;
  std::vector<std::string> texts = test_support::real_feed_texts();
  texts.push_back(
      "chevaux yeux évidemment œuvres Œuvre parlaient a y eu ai as ou où pétitions colonies tapisseries parlement "
      "quatrièmement aïeux Ærø ﬁnancement ÉLUS co-construction habitant·e·s aujourd'hui");
  std::size_t stems = 0;
  for (const std::string& text : texts) {
    analyzer.analyze(text, 0, [&](const TokenView& token) {
      for (const std::string& stem : token.stems) {
        EXPECT_TRUE(same_head(stem, token.term)) << token.term << " -> " << stem;
        ++stems;
      }
    });
  }
  EXPECT_GT(stems, 10000u);
}

// "es" stems to "e": a one-byte stem wants the two-letter word ending in
// "s" that it can come from, and no other longer word.
TEST(WordHeadsTest, OneByteStemsWantTheirTwoLetterWords) {
  EXPECT_TRUE(same_head("e", "es"));
  EXPECT_TRUE(same_head("a", "a"));
  EXPECT_FALSE(same_head("a", "au"));
  EXPECT_FALSE(same_head("e", "eau"));
  EXPECT_FALSE(same_head("au", "a"));
  EXPECT_TRUE(same_head("budget", "bu"));
  EXPECT_FALSE(same_head("budget", "habitant"));
}

TEST(WordHeadsTest, PrefixesWantEveryWordTheyBegin) {
  WordHeads one;
  one.add_prefix("p");
  EXPECT_TRUE(one.wants("p"));
  EXPECT_TRUE(one.wants("participation"));
  EXPECT_TRUE(one.wants("plu"));
  EXPECT_FALSE(one.wants("quartier"));

  WordHeads two;
  two.add_prefix("pa");
  EXPECT_TRUE(two.wants("participation"));
  EXPECT_FALSE(two.wants("pi"));

  WordHeads none;
  none.add_prefix("");
  EXPECT_TRUE(none.wants("quartier"));
  EXPECT_TRUE(none.wants("x"));
}

// A reading for a few words hands over the same tokens at the same places;
// only the stems of unwanted ASCII words are left out.
TEST(WordHeadsTest, FilteredReadingKeepsEveryToken) {
  FrenchAnalyzer analyzer;
  WordHeads wanted;
  wanted.add("budget");
  wanted.add("particip");
  for (const std::string& text : test_support::real_feed_texts()) {
    const std::vector<Token> full = analyzer.analyze(text);
    std::vector<Token> filtered;
    std::size_t without_stems = 0;
    analyzer.analyze(
        text, 0,
        [&](const TokenView& view) {
          filtered.push_back(Token{std::string(view.term), std::string(view.lowered),
                                   std::vector<std::string>(view.stems.begin(), view.stems.end()), view.position,
                                   view.span, view.begin, view.end, view.kind});
        },
        {}, &wanted);
    ASSERT_EQ(filtered.size(), full.size());
    for (std::size_t i = 0; i < full.size(); ++i) {
      const Token &a = full[i], &b = filtered[i];
      ASSERT_EQ(a.term, b.term);
      ASSERT_EQ(a.position, b.position);
      ASSERT_EQ(a.span, b.span);
      ASSERT_EQ(a.begin, b.begin);
      ASSERT_EQ(a.end, b.end);
      ASSERT_EQ(a.kind, b.kind);
      if (wanted.wants(a.term)) {
        ASSERT_EQ(a.stems, b.stems) << a.term;
      } else if (b.stems.empty() && !a.stems.empty()) {
        ++without_stems;
      }
    }
    EXPECT_GT(without_stems, full.size() / 2);
  }
}

TEST(WordHeadsTest, OnlyWantedWordsKeepTheirStems) {
  FrenchAnalyzer analyzer;
  WordHeads wanted;
  wanted.add("budget");
  wanted.add("election");
  std::vector<Token> tokens;
  analyzer.analyze(
      "Budgets participatifs des écoles et Élections", 0,
      [&](const TokenView& view) {
        tokens.push_back(Token{std::string(view.term), {}, {view.stems.begin(), view.stems.end()}});
      },
      {}, &wanted);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_FALSE(tokens[0].stems.empty());  // wanted
  EXPECT_TRUE(tokens[1].stems.empty());   // unwanted, ASCII: no lookup
  EXPECT_TRUE(tokens[2].stems.empty());
  EXPECT_EQ(tokens[3].term, "ecoles");  // unwanted, accented: folded, no lookup
  EXPECT_TRUE(tokens[3].stems.empty());
  EXPECT_EQ(tokens[5].term, "elections");  // wanted, accented
  EXPECT_FALSE(tokens[5].stems.empty());
}

}  // namespace
}  // namespace tec::analysis
