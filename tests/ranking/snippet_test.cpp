// Snippets: the passage with the query words, marked, and safe to put in HTML.
#include "ranking/snippet.h"

#include <gtest/gtest.h>

#include "ranking/query_builder.h"

namespace tec::ranking {
namespace {

class SnippetTest : public ::testing::Test {
 protected:
  // Terms of the query as the builder sees it, on an empty index (no lexicon).
  QueryTerms terms(const std::string& query) { return QueryBuilder(analyzer, db, nullptr).build(query + " ").terms; }
  static std::string mark_all(std::string_view text, const QueryTerms& query, analysis::FrenchAnalyzer& analyzer) {
    return Highlighter(query).mark_all(text, analyzer);
  }
  static std::string make_snippet(std::string_view text, const QueryTerms& query, analysis::FrenchAnalyzer& analyzer,
                                  unsigned max_words) {
    return Highlighter(query).snippet(text, analyzer, max_words);
  }
  analysis::FrenchAnalyzer analyzer;
  Xapian::Database db{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(SnippetTest, MarksMatchedWordsWhateverTheirForm) {
  EXPECT_EQ(mark_all("Les Ateliers d’habitants", terms("atelier habitant"), analyzer),
            "Les <mark>Ateliers</mark> d’<mark>habitants</mark>");
}

TEST_F(SnippetTest, EscapesHtml) {
  EXPECT_EQ(mark_all("Budget <script> & \"vote\"", terms("vote"), analyzer),
            "Budget &lt;script&gt; &amp; &quot;<mark>vote</mark>&quot;");
}

TEST_F(SnippetTest, PicksThePassageWithTheMostQueryWords) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "remplissage ";
  text += "le jury citoyen rend son avis ";
  for (int i = 0; i < 40; ++i) text += "suite ";
  const std::string snippet = make_snippet(text, terms("jury citoyen"), analyzer, 12);
  EXPECT_EQ(snippet,
            "… remplissage remplissage remplissage le <mark>jury</mark> <mark>citoyen</mark> rend son avis suite suite "
            "suite …");
}

TEST_F(SnippetTest, MarksHyphenatedAndInclusiveForms) {
  EXPECT_EQ(mark_all("La co-construction avec les habitant·e·s", terms("coconstruction habitants"), analyzer),
            "La <mark>co-construction</mark> avec les <mark>habitant·e·s</mark>");
}

TEST_F(SnippetTest, LeavesLittleWordsUnmarkedNextToRealOnes) {
  EXPECT_EQ(mark_all("Conférence de citoyens", terms("conference de citoyens"), analyzer),
            "<mark>Conférence</mark> de <mark>citoyens</mark>");
}

TEST_F(SnippetTest, AMarkCutByTheWindowStaysInsideIt) {
  std::string text = "jury citoyen un deux trois co-construction";
  for (int i = 0; i < 200; ++i) text += " suite";
  // The six-word window ends on "co": the compound's mark goes beyond it.
  EXPECT_EQ(make_snippet(text, terms("jury coconstruction"), analyzer, 6),
            "<mark>jury</mark> citoyen un deux trois <mark>co</mark> …");
}

TEST_F(SnippetTest, ShortTextWithoutMatchIsShownWhole) {
  EXPECT_EQ(make_snippet("Rien à voir ici.", terms("jury"), analyzer, 30), "Rien à voir ici.");
}

}  // namespace
}  // namespace tec::ranking
