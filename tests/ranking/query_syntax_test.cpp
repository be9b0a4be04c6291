// The search box's syntax: phrases, exclusions, OR, and the word being typed.
#include "ranking/query_syntax.h"

#include <gtest/gtest.h>

namespace tec::ranking {
namespace {

TEST(QuerySyntax, PlainWords) {
  const QuerySyntax s = parse_query_syntax("jury  citoyen");
  ASSERT_EQ(s.clauses.size(), 2u);
  EXPECT_EQ(s.clauses[0].text, "jury");
  EXPECT_EQ(s.clauses[1].text, "citoyen");
  EXPECT_EQ(s.clauses[1].offset, 6u);
  EXPECT_TRUE(s.last_word_open);
  EXPECT_FALSE(parse_query_syntax("jury citoyen ").last_word_open);
}

TEST(QuerySyntax, QuotedPhrasesEvenUnclosed) {
  const QuerySyntax s = parse_query_syntax("\"budget participatif\" commune \"tirage au");
  ASSERT_EQ(s.clauses.size(), 3u);
  EXPECT_TRUE(s.clauses[0].phrase);
  EXPECT_EQ(s.clauses[0].text, "budget participatif");
  EXPECT_EQ(s.clauses[0].offset, 1u);
  EXPECT_FALSE(s.clauses[1].phrase);
  EXPECT_TRUE(s.clauses[2].phrase);
  EXPECT_EQ(s.clauses[2].text, "tirage au");
  EXPECT_FALSE(s.last_word_open);
}

TEST(QuerySyntax, ExclusionsNeedALeadingDash) {
  const QuerySyntax s = parse_query_syntax("budget -formation -\"en ligne\" co-construction - x");
  ASSERT_EQ(s.clauses.size(), 6u);
  EXPECT_TRUE(s.clauses[1].excluded);
  EXPECT_EQ(s.clauses[1].text, "formation");
  EXPECT_TRUE(s.clauses[2].excluded);
  EXPECT_TRUE(s.clauses[2].phrase);
  EXPECT_FALSE(s.clauses[3].excluded);
  EXPECT_EQ(s.clauses[3].text, "co-construction");
  EXPECT_EQ(s.clauses[4].text, "-");  // a lone dash is a word, the analyzer drops it
  EXPECT_FALSE(s.clauses[4].excluded);
}

TEST(QuerySyntax, OrJoinsNeighboursOnlyInCapitals) {
  const QuerySyntax s = parse_query_syntax("forum OR world café or");
  ASSERT_EQ(s.clauses.size(), 4u);
  EXPECT_FALSE(s.clauses[0].or_with_previous);
  EXPECT_TRUE(s.clauses[1].or_with_previous);
  EXPECT_EQ(s.clauses[1].text, "world");
  EXPECT_FALSE(s.clauses[2].or_with_previous);
  EXPECT_EQ(s.clauses[3].text, "or");
  EXPECT_EQ(parse_query_syntax("OR jury").clauses.size(), 2u);  // a leading OR is a word
}

}  // namespace
}  // namespace tec::ranking
