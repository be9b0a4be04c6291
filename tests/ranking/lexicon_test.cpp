// Lexicon: typo candidates by edit distance, completions, display forms and
// the thesaurus, read from a real index of the test corpus.
#include "ranking/lexicon.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tec::ranking {
namespace {

class LexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(test_support::index_files(dir_->str("index"), {test_support::test_corpus_path()}), 0u);
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    db_ = Xapian::Database(dir_->str("index"));
    lexicon_ = std::make_unique<Lexicon>(db_, analyzer_);
  }
  std::vector<std::string> corrected(const std::string& word, unsigned distance) {
    bool cut = false;
    std::vector<std::string> terms;
    for (const auto& c : lexicon_->corrections(word, distance, 5, 1000000, &cut)) terms.push_back(c.term);
    EXPECT_FALSE(cut);
    return terms;
  }

  static test_support::TempDir* dir_;
  Xapian::Database db_;
  analysis::FrenchAnalyzer analyzer_;
  std::unique_ptr<Lexicon> lexicon_;
};

test_support::TempDir* LexiconTest::dir_ = nullptr;

TEST_F(LexiconTest, FindsWordsOneEditAway) {
  EXPECT_EQ(corrected("budjet", 1), std::vector<std::string>{"budget"});   // substitution
  EXPECT_EQ(corrected("budgett", 1), std::vector<std::string>{"budget"});  // insertion
  EXPECT_EQ(corrected("bdget", 1), std::vector<std::string>{"budget"});    // deletion
  EXPECT_EQ(corrected("bugdet", 1), std::vector<std::string>{"budget"});   // swap of neighbours
}

TEST_F(LexiconTest, TwoEditsOnlyWhenAllowed) {
  EXPECT_TRUE(corrected("bugdett", 1).empty());
  EXPECT_EQ(corrected("bugdett", 2), std::vector<std::string>{"budget"});
}

TEST_F(LexiconTest, ClosestThenMostFrequentFirst) {
  bool cut = false;
  const auto found = lexicon_->corrections("dee", 1, 5, 1000000, &cut);
  ASSERT_GE(found.size(), 2u);
  EXPECT_EQ(found[0].term, "de");  // "de" and "des" are both one edit away; "de" is in more documents
  EXPECT_EQ(found[1].term, "des");
  EXPECT_GT(found[0].frequency, found[1].frequency);
}

TEST_F(LexiconTest, RunsOutOfBudgetAndSaysSo) {
  bool cut = false;
  lexicon_->corrections("participation", 2, 3, 5, &cut);
  EXPECT_TRUE(cut);
}

TEST_F(LexiconTest, CompletesPrefixesMostFrequentFirst) {
  const auto completions = lexicon_->completions("parti", 10, 1000);
  ASSERT_FALSE(completions.empty());
  for (std::size_t i = 0; i < completions.size(); ++i) {
    EXPECT_TRUE(completions[i].first.starts_with("parti")) << completions[i].first;
    if (i > 0) {
      EXPECT_GE(completions[i - 1].second, completions[i].second);
    }
  }
  const auto has = [&](const std::string& term) {
    return std::any_of(completions.begin(), completions.end(), [&](const auto& c) { return c.first == term; });
  };
  EXPECT_TRUE(has("participatif"));
  EXPECT_TRUE(has("participative"));
  EXPECT_EQ(lexicon_->completions("parti", 1, 1000).size(), 1u);
}

TEST_F(LexiconTest, KnowsFrequenciesAndAccentedForms) {
  EXPECT_EQ(lexicon_->frequency("budget"), 2u);
  EXPECT_EQ(lexicon_->frequency("absent"), 0u);
  EXPECT_EQ(lexicon_->display("eclairage"), "éclairage");
  EXPECT_EQ(lexicon_->display("budget"), "budget");
}

// A word is shown as the texts write it most often, without accents too:
// "des" stays "des" where "dès" is rarer, "ou" stays "ou" beside "où".
TEST(LexiconDisplayTest, TheMostFrequentSpellingWinsAccentedOrNot) {
  test_support::TempDir dir;
  const std::string feed = test_support::write_file(
      dir.path() / "feed.jsonl",
      R"j({"id":"a","source":"test","type":"guide","title":"Des ateliers ou des balades","body":"Des habitants, des élus."})j"
      "\n"
      R"j({"id":"b","source":"test","type":"guide","title":"Dès demain, où aller ?","body":"Des idées ou des envies."})j"
      "\n");
  ASSERT_EQ(test_support::index_files(dir.str("index"), {feed}), 0u);
  const Xapian::Database db(dir.str("index"));
  analysis::FrenchAnalyzer analyzer;
  const Lexicon lexicon(db, analyzer);
  EXPECT_EQ(lexicon.display("des"), "des");
  EXPECT_EQ(lexicon.display("ou"), "ou");
  EXPECT_EQ(lexicon.display("elus"), "élus");
}

TEST_F(LexiconTest, LoadsTheThesaurusFromTheIndex) {
  const auto* synonyms = lexicon_->synonyms("bp");
  ASSERT_NE(synonyms, nullptr);
  EXPECT_NE(std::find(synonyms->begin(), synonyms->end(), "budget participatif"), synonyms->end());
  EXPECT_GE(lexicon_->longest_synonym_key(), 2u);
}

}  // namespace
}  // namespace tec::ranking
