// Searches on the bundled resource base as people type them: singular and
// plural, typed without accents, find the same resources (over the corpus's
// most frequent words that it also holds in the plural, whether the word is
// still being typed or finished); a typo is corrected into the closest word;
// only what was typed is highlighted.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "ranking/searcher.h"
#include "test_support.h"

namespace tec::ranking {
namespace {

class BundledSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(test_support::index_files(dir_->str("index"), test_support::bundled_corpus_files()), 0u);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    db_ = Xapian::Database(dir_->str("index"));
    lexicon_ = std::make_unique<Lexicon>(db_, analyzer_);
  }

  // The resources found (all of them: the bundled corpus has fewer than 200).
  SearchResponse search(const std::string& text, const std::map<std::string, std::vector<std::string>>& filters = {}) {
    SearchRequest request;
    request.text = text;
    request.per_page = 100;
    request.filters = filters;
    return Searcher(db_, analyzer_, lexicon_.get()).search(request);
  }

  std::set<std::string> found(const std::string& text) {
    std::set<std::string> ids;
    SearchRequest request;
    request.text = text;
    request.per_page = 100;
    for (request.page = 1;; ++request.page) {
      const SearchResponse response = Searcher(db_, analyzer_, lexicon_.get()).search(request);
      for (const SearchHit& hit : response.hits) ids.insert(hit.id);
      if (response.hits.size() < request.per_page) break;
    }
    return ids;
  }

  // The most frequent words of the index that it also holds with an "s" or
  // an "x" added, as (singular, plural).
  std::vector<std::pair<std::string, std::string>> frequent_plurals(std::size_t count) const {
    std::vector<std::pair<Xapian::doccount, std::pair<std::string, std::string>>> pairs;
    for (auto it = db_.allterms_begin(); it != db_.allterms_end(); ++it) {
      const std::string word = *it;
      if (word.size() < 4 || !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        continue;
      for (const char* ending : {"s", "x"}) {
        if (db_.term_exists(word + ending)) pairs.push_back({it.get_termfreq(), {word, word + ending}});
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::pair<std::string, std::string>> words;
    for (std::size_t i = 0; i < pairs.size() && i < count; ++i) words.push_back(pairs[i].second);
    return words;
  }

  static test_support::TempDir* dir_;
  Xapian::Database db_;
  analysis::FrenchAnalyzer analyzer_;
  std::unique_ptr<Lexicon> lexicon_;
};

test_support::TempDir* BundledSearchTest::dir_ = nullptr;

TEST_F(BundledSearchTest, FrequentWordsFindTheSameResourcesInThePlural) {
  const auto words = frequent_plurals(40);
  ASSERT_EQ(words.size(), 40u);
  for (const auto& [singular, plural] : words) {
    for (const char* after : {"", " "}) {
      EXPECT_EQ(found(singular + after), found(plural + after))
          << "« " << singular << after << " » / « " << plural << after << " »";
    }
  }
}

TEST_F(BundledSearchTest, AnExpressionTypedInThePluralWithoutAccents) {
  const auto singular = found("éclairage public");
  EXPECT_GE(singular.size(), 10u);
  EXPECT_EQ(found("eclairages publics"), singular);
}

TEST_F(BundledSearchTest, ATypoIsReadAsTheClosestWordNotAFartherOne) {
  // "budjet" is one edit from "budget", two from "sujet".
  const SearchResponse response = search("budjet", {{"type", {"methode"}}});
  EXPECT_EQ(response.corrected_query, "budget");
  ASSERT_FALSE(response.hits.empty());
  EXPECT_EQ(response.hits.front().id, "methode-budget-participatif-communes-rurales");
  for (const SearchHit& hit : response.hits) EXPECT_EQ(hit.title_html.find("<mark>sujet"), std::string::npos) << hit.id;
}

TEST_F(BundledSearchTest, CorrectWordsAndAcronymsTheIndexLacksAreSearchedAsTyped) {
  // Correct French (Debian's hunspell dictionary), typed with or without its
  // accents, is not a typo, though the index holds words one or two edits
  // away ("mefient" was read as "retient").
  for (const char* text : {"fauteuil roulant", "fauteuil roulant ", "ils se mefient ", "les habitants se méfient "}) {
    const SearchResponse response = search(text);
    EXPECT_TRUE(response.corrected_query.empty()) << text << " → " << response.corrected_query;
  }
  // Typed in capitals, a word the index lacks is an acronym ("PETR" was
  // read as "peur").
  for (const char* text : {"PETR ", "OPAH ", "ANAH ", "ZRR "}) {
    const SearchResponse response = search(text);
    EXPECT_TRUE(response.corrected_query.empty()) << text << " → " << response.corrected_query;
  }
  // A misspelling still is one.
  EXPECT_EQ(search("concertasion ").corrected_query, "concertation ");
}

TEST_F(BundledSearchTest, AQuestionsScaffoldingWeighsNothing) {
  const auto ranked = [&](const std::string& text) {
    std::vector<std::string> ids;
    for (const SearchHit& hit : search(text).hits) ids.push_back(hit.id);
    return ids;
  };
  const auto plain = ranked("budget participatif ");
  ASSERT_GE(plain.size(), 10u);
  for (const char* question : {"est-ce que le budget participatif ", "qu'est-ce qu'un budget participatif ",
                               "comment faire un budget participatif ", "peut-on faire un budget participatif ",
                               "faut-il un budget participatif ", "y a-t-il un budget participatif "}) {
    EXPECT_EQ(ranked(question), plain) << question;
  }
}

// The stems of the words marked in `html`, one set per <mark>.
std::vector<std::vector<std::string>> marked(const std::string& html, analysis::FrenchAnalyzer& analyzer) {
  std::vector<std::vector<std::string>> marks;
  for (std::size_t at = html.find("<mark>"); at != std::string::npos; at = html.find("<mark>", at + 1)) {
    const std::size_t from = at + 6, to = html.find("</mark>", from);
    std::vector<std::string> words;
    for (const analysis::Token& token : analyzer.analyze(html.substr(from, to - from))) {
      if (token.kind == analysis::Token::Kind::Word)
        words.push_back(token.stems.empty() ? token.term : token.stems.front());
    }
    marks.push_back(std::move(words));
  }
  return marks;
}

TEST_F(BundledSearchTest, MarksTheWordsTypedAndWholeEquivalentsOnly) {
  // The thesaurus makes "mini-public" and "assemblée citoyenne tirée au sort"
  // equivalents of "jury citoyen": "public" or "sort" alone is never marked.
  const SearchResponse response = search("jury citoyen");
  std::size_t expressions = 0, marks = 0;
  for (const SearchHit& hit : response.hits) {
    for (const auto& words : marked(hit.title_html + " " + hit.snippet, analyzer_)) {
      ++marks;
      if (words.size() > 1) {
        ++expressions;
        continue;
      }
      ASSERT_EQ(words.size(), 1u) << hit.id;
      EXPECT_TRUE(words.front() == "jury" || words.front() == "citoyen") << hit.id << " : " << words.front();
    }
  }
  EXPECT_GT(marks, 20u);
  EXPECT_GT(expressions, 0u) << "an equivalent found whole is marked whole";
}

// A question of four words or more is ranked with the stems its first
// results share (pseudo-relevance feedback): taken from the first results
// whatever page is asked, so that the pages follow each other, and only
// adding weight, so that every result holds a word typed and is counted.
TEST_F(BundledSearchTest, PagesOfAQuestionFollowEachOtherAndHoldItsWords) {
  for (const std::string question : {"organiser une réunion publique avec les habitants du quartier",
                                     "trouver un financement pour un projet associatif des jeunes"}) {
    SearchRequest request;
    request.text = question;
    request.per_page = 10;
    const SearchResponse whole = Searcher(db_, analyzer_, lexicon_.get()).search(request);
    ASSERT_EQ(whole.hits.size(), 10u) << question;
    request.per_page = 5;
    std::vector<std::string> paged;
    for (request.page = 1; request.page <= 2; ++request.page) {
      for (const SearchHit& hit : Searcher(db_, analyzer_, lexicon_.get()).search(request).hits)
        paged.push_back(hit.id);
    }
    std::vector<std::string> expected;
    for (const SearchHit& hit : whole.hits) expected.push_back(hit.id);
    EXPECT_EQ(paged, expected) << question;

    request.per_page = 100;
    request.page = 1;
    const SearchResponse all = Searcher(db_, analyzer_, lexicon_.get()).search(request);
    EXPECT_EQ(all.hits.size(), std::min<std::size_t>(all.total, 100)) << question;
  }
}

}  // namespace
}  // namespace tec::ranking
