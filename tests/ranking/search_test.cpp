// Search end to end through the library: the test corpus indexed, then queried
// the way people type (no accents, elisions, capitals, plurals, hyphens).
#include "ranking/searcher.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace tec::ranking {
namespace {

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    ASSERT_EQ(testing::index_files(dir_->str("index"), {testing::test_corpus_path()}), 0u);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  void SetUp() override { db_ = Xapian::Database(dir_->str("index")); }

  SearchResponse search(const std::string& text, unsigned per_page = 20) {
    Searcher searcher(db_, analyzer_);
    return searcher.search({text, 1, per_page});
  }

  std::vector<std::string> ids(const std::string& text) {
    std::vector<std::string> out;
    for (const SearchHit& hit : search(text).hits) out.push_back(hit.id);
    return out;
  }

  bool finds(const std::string& text, const std::string& id) {
    const auto found = ids(text);
    return std::find(found.begin(), found.end(), id) != found.end();
  }

  static testing::TempDir* dir_;
  Xapian::Database db_;
  analysis::FrenchAnalyzer analyzer_;
};

testing::TempDir* SearchTest::dir_ = nullptr;

TEST_F(SearchTest, AccentsDoNotMatter) {
  for (const char* q : {"éclairage", "eclairage", "ÉCLAIRAGE", "Eclairage"}) {
    ASSERT_FALSE(ids(q).empty()) << q;
    EXPECT_EQ(ids(q).front(), "eclairage-extinction") << q;
  }
}

TEST_F(SearchTest, ElidedWordsAreFoundAndElidedQueriesWork) {
  EXPECT_TRUE(finds("atelier", "rencontre-quartier"));  // its text says only "L’atelier"
  EXPECT_TRUE(finds("l’atelier", "rencontre-quartier"));
  EXPECT_TRUE(finds("l'atelier", "rencontre-quartier"));
  EXPECT_TRUE(finds("extinction", "eclairage-extinction"));  // "l’extinction" in the title
}

TEST_F(SearchTest, CapitalisedAndPluralQueriesAreStemmed) {
  EXPECT_TRUE(finds("Ateliers", "rencontre-quartier"));
  EXPECT_TRUE(finds("Jury", "jurys-tires"));
  EXPECT_TRUE(finds("jeu", "jeux-role"));
  EXPECT_TRUE(finds("francais", "democratie-francaise"));
  EXPECT_TRUE(finds("concertee", "demarche-html"));
  EXPECT_TRUE(finds("concertation", "demarche-html"));
}

TEST_F(SearchTest, HyphenatedWordsAreFoundThreeWays) {
  for (const char* q : {"co-construction", "co construction", "coconstruction", "Co-Construction"}) {
    EXPECT_TRUE(finds(q, "parc-coconstruction")) << q;
  }
  for (const char* q : {"porte-à-porte", "porte a porte", "porteaporte"}) {
    EXPECT_TRUE(finds(q, "porte-a-porte")) << q;
  }
}

TEST_F(SearchTest, InclusiveWritingIsFoundByPlainWords) {
  EXPECT_TRUE(finds("habitants", "mobiliser-inclusif"));
  EXPECT_TRUE(finds("habitantes", "mobiliser-inclusif"));
  EXPECT_TRUE(finds("élus", "mobiliser-inclusif"));
  EXPECT_TRUE(finds("citoyens", "mobiliser-inclusif"));
}

TEST_F(SearchTest, LigaturesMatchTheirSpelledOutForm) {
  EXPECT_TRUE(finds("oeuvre", "oeuvre-budget"));
  EXPECT_TRUE(finds("œuvre", "oeuvre-budget"));
  EXPECT_TRUE(finds("OEUVRE", "oeuvre-budget"));
}

TEST_F(SearchTest, HtmlIsSearchedAsTextNotAsMarkup) {
  EXPECT_TRUE(finds("démarche concertée", "demarche-html"));
  EXPECT_FALSE(finds("strong", "demarche-html"));
  EXPECT_FALSE(finds("tracking", "demarche-html"));  // inside <script>
}

TEST_F(SearchTest, DocumentsWithEveryWordComeFirstButOthersStillShow) {
  const auto found = ids("budget participatif");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found.front(), "oeuvre-budget");
  EXPECT_NE(std::find(found.begin(), found.end(), "budget-commune"), found.end());
}

TEST_F(SearchTest, TitleMatchesOutrankBodyMatches) {
  // "quartier": in the title of rencontre-quartier, in the body of democratie-francaise.
  const auto found = ids("quartier");
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found.front(), "rencontre-quartier");
}

TEST_F(SearchTest, HitsCarryStoredFieldsAndHighlights) {
  const SearchResponse response = search("l’eclairage la nuit");
  ASSERT_FALSE(response.hits.empty());
  const SearchHit& hit = response.hits.front();
  EXPECT_EQ(hit.id, "eclairage-extinction");
  EXPECT_EQ(hit.source, "test");
  EXPECT_EQ(hit.type, "retour_experience");
  EXPECT_EQ(hit.title_html, "<mark>Éclairage</mark> public : consulter les habitants avant l’extinction nocturne");
  EXPECT_GT(hit.score, 0);
  EXPECT_EQ(hit.snippet.find("<p>"), std::string::npos);
}

TEST_F(SearchTest, EmptyQueryListsEverythingNewestFirst) {
  const SearchResponse response = search("");
  EXPECT_EQ(response.total, 12u);
  ASSERT_FALSE(response.hits.empty());
  ASSERT_GE(response.hits.size(), 2u);
  EXPECT_EQ(response.hits[0].id, "atelier-session");  // published 2026-09-01
  EXPECT_EQ(response.hits[1].id, "demarche-html");    // published 2026-06-30
}

TEST_F(SearchTest, PaginatesWithoutOverlap) {
  Searcher searcher(db_, analyzer_);
  const auto first = searcher.search({"", 1, 5});
  const auto second = searcher.search({"", 2, 5});
  const auto third = searcher.search({"", 3, 5});
  EXPECT_EQ(first.hits.size(), 5u);
  EXPECT_EQ(second.hits.size(), 5u);
  EXPECT_EQ(third.hits.size(), 2u);
  for (const auto& a : first.hits) {
    for (const auto& b : second.hits) EXPECT_NE(a.id, b.id);
  }
}

TEST_F(SearchTest, WordsNobodyWroteFindNothing) {
  EXPECT_TRUE(ids("zzzyyyxxx").empty());
  EXPECT_EQ(search("zzzyyyxxx").total, 0u);
}

TEST_F(SearchTest, ReturnsTheStoredRecord) {
  Searcher searcher(db_, analyzer_);
  const auto json = searcher.resource_json("test", "atelier-session");
  ASSERT_TRUE(json);
  EXPECT_NE(json->find(R"("unknown_partner_field":{"kept":true})"), std::string::npos);
  EXPECT_FALSE(searcher.resource_json("test", "absent"));
  EXPECT_FALSE(searcher.resource_json("anct", "atelier-session"));
}

}  // namespace
}  // namespace tec::ranking
