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
  const Xapian::Query query = QueryBuilder(analyzer, db, nullptr).build("\"budget participatif\" ", {.titles_only = true}).query;
  EXPECT_EQ(query.get_description().find("PHRASE"), std::string::npos) << query.get_description();
  EXPECT_NE(query.get_description().find("Sbudget AND Sparticipatif"), std::string::npos) << query.get_description();
  const Xapian::Query whole_text = QueryBuilder(analyzer, db, nullptr).build("\"budget participatif\" ").query;
  EXPECT_NE(whole_text.get_description().find("PHRASE"), std::string::npos) << whole_text.get_description();
}

}  // namespace
}  // namespace tec::ranking
