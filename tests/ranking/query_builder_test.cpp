// QueryBuilder's options, read off the terms of the query it builds.
#include "ranking/query_builder.h"

#include <gtest/gtest.h>

#include <set>

#include "schema/index_schema.h"

namespace tec::ranking {
namespace {

std::set<std::string> terms_of(const Xapian::Query& query) {
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

class QueryBuilderTest : public ::testing::Test {
 protected:
  analysis::FrenchAnalyzer analyzer;
  Xapian::Database db{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(QueryBuilderTest, SaysWhichWordsItIgnoredAndWhenNothingIsLeft) {
  QueryBuilder builder(analyzer, db, nullptr);
  const std::string blob = "é" + std::string(80, 'b');  // cut after 24 characters, not inside "é"
  const BuiltQuery too_long = builder.build(blob + " ");
  EXPECT_TRUE(too_long.nothing_left);
  ASSERT_EQ(too_long.ignored.size(), 1u);
  EXPECT_EQ(too_long.ignored[0].word, "é" + std::string(23, 'b') + "…");
  EXPECT_EQ(too_long.ignored[0].reason, IgnoredWord::Reason::TooLong);

  const BuiltQuery little = builder.build("est-ce que la ");
  EXPECT_TRUE(little.nothing_left);
  EXPECT_TRUE(little.query.empty());
  ASSERT_EQ(little.ignored.size(), 3u);
  EXPECT_EQ(little.ignored[0].word, "est-ce");
  EXPECT_EQ(little.ignored[0].reason, IgnoredWord::Reason::Stopword);

  const BuiltQuery ordinary = builder.build("budget de la commune ");
  EXPECT_FALSE(ordinary.nothing_left);
  EXPECT_TRUE(ordinary.ignored.empty());
  EXPECT_FALSE(builder.build("\"de la\"").nothing_left);
  EXPECT_FALSE(builder.build("-budget").nothing_left);  // exclusions alone still list the rest
  EXPECT_FALSE(builder.build("").nothing_left);
}

TEST_F(QueryBuilderTest, ExactFormsComeWithTheStemsByDefault) {
  const std::set<std::string> terms = terms_of(QueryBuilder(analyzer, db, nullptr).build("budgets 2024 ").query);
  EXPECT_TRUE(terms.contains("budgets"));
  EXPECT_TRUE(terms.contains(schema::prefixed(schema::kPrefixStem, "budget")));
  EXPECT_TRUE(terms.contains("2024"));
}

TEST_F(QueryBuilderTest, WithoutExactFormsWordsAreMatchedByTheirStemsAndNumbersAsTheyAre) {
  const BuiltQuery built = QueryBuilder(analyzer, db, nullptr).build("budgets 2024 ", {.exact_forms = false});
  const std::set<std::string> terms = terms_of(built.query);
  EXPECT_FALSE(terms.contains("budgets"));
  EXPECT_TRUE(terms.contains(schema::prefixed(schema::kPrefixStem, "budget")));
  EXPECT_TRUE(terms.contains("2024"));
  // Highlighting still knows the word as typed.
  EXPECT_TRUE(built.terms.terms.contains("budgets"));
}

TEST_F(QueryBuilderTest, InTitlesOnlyWordsAreTitleWordsAndTitleStemsButExclusionsCoverTheWholeText) {
  const BuiltQuery built = QueryBuilder(analyzer, db, nullptr).build("budgets -vote ", {.titles_only = true});
  const std::set<std::string> terms = terms_of(built.query);
  EXPECT_TRUE(terms.contains(schema::prefixed(schema::kPrefixTitle, "budgets")));
  EXPECT_TRUE(terms.contains(schema::prefixed(schema::kPrefixTitleStem, "budget")));
  EXPECT_FALSE(terms.contains("budgets"));
  EXPECT_FALSE(terms.contains(schema::prefixed(schema::kPrefixStem, "budget")));
  EXPECT_TRUE(terms.contains("vote"));
  EXPECT_TRUE(built.terms.terms.contains("budgets"));
}

TEST_F(QueryBuilderTest, InTitlesOnlyAPhraseNeedsItsWordsInAnyOrder) {
  // Title words are indexed without positions: a phrase of them would match nothing.
  const Xapian::Query query =
      QueryBuilder(analyzer, db, nullptr).build("\"budget participatif\" ", {.titles_only = true}).query;
  EXPECT_EQ(query.get_description().find("PHRASE"), std::string::npos) << query.get_description();
  EXPECT_NE(query.get_description().find("Sbudget AND Sparticipatif"), std::string::npos) << query.get_description();
  const Xapian::Query whole_text = QueryBuilder(analyzer, db, nullptr).build("\"budget participatif\" ").query;
  EXPECT_NE(whole_text.get_description().find("PHRASE"), std::string::npos) << whole_text.get_description();
}

}  // namespace
}  // namespace tec::ranking
