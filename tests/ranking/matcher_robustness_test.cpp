// Every judged query of the bundled relevance set, over the bundled corpus,
// through the matcher at every result count from 1 to 30 and without an
// exact-count floor: the way suggest and the recommender run it, where the
// matcher prunes the most. Xapian 1.4.22's OP_MAX crashed there on some of
// these queries ("mini-public délibératif" among them).
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>

#include "ranking/lexicon.h"
#include "ranking/query_builder.h"
#include "ranking/ranking_params.h"
#include "ranking/searcher.h"
#include "test_support.h"

namespace tec::ranking {
namespace {

std::vector<std::string> judged_queries() {
  std::vector<std::string> queries;
  std::ifstream in(test_support::source_dir() / "bench" / "relevance" / "bundled.jsonl");
  for (std::string line; std::getline(in, line);) {
    rapidjson::Document record;
    record.Parse(line.c_str());
    if (!record.HasParseError() && record.HasMember("query")) queries.push_back(record["query"].GetString());
  }
  return queries;
}

TEST(MatcherRobustness, JudgedQueriesRunAtEveryResultCount) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  test_support::TempDir dir;
  ASSERT_EQ(test_support::index_files(dir.str("index"), test_support::bundled_corpus_files()), 0u);
  const std::vector<std::string> queries = judged_queries();
  ASSERT_GE(queries.size(), 80u);

  // In a child process, so that a crash fails this test alone.
  EXPECT_EXIT(
      {
        Xapian::Database db(dir.str("index"));
        analysis::FrenchAnalyzer analyzer;
        const Lexicon lexicon(db, analyzer);
        Searcher searcher(db, analyzer, &lexicon);
        for (const std::string& text : queries) {
          for (const std::string& typed : {text, text + " "}) {
            const BuiltQuery built = QueryBuilder(analyzer, db, &lexicon).build(typed);
            for (Xapian::doccount count = 1; count <= 30; ++count) {
              Xapian::Enquire enquire(db);
              enquire.set_weighting_scheme(bm25_weight());
              enquire.set_query(built.query);
              enquire.get_mset(0, count);
            }
            searcher.suggest(typed, 8);
          }
        }
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace tec::ranking
