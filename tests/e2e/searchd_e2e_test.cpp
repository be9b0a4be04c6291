// End to end: the real binaries. tec-index builds an index from the test
// corpus, tec-searchd serves it on an ephemeral port, and the tests query it
// over HTTP as the public site would.

#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include <chrono>
#include <thread>

#include "e2e/child_process.h"
#include "test_support.h"

namespace tec {
namespace {

class SearchdTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(run_indexer({"--index", dir_->str("index"), test_support::test_corpus_path()}), 0);
    server_ = new Child({TEC_SEARCHD_BIN, "--index", dir_->str("index"), "--listen", "127.0.0.1:0", "--threads", "4"});
    port_ = read_port(*server_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    return client.Get(path.c_str());
  }

  rapidjson::Document get_json(const std::string& path, int expected_status) {
    auto res = get(path);
    rapidjson::Document doc;
    EXPECT_TRUE(res) << path;
    if (!res) return doc;
    EXPECT_EQ(res->status, expected_status) << path << " " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
    doc.Parse(res->body.c_str());
    EXPECT_FALSE(doc.HasParseError()) << res->body;
    return doc;
  }

  std::vector<std::string> result_ids(const std::string& query) {
    const auto doc = get_json("/v1/search?q=" + httplib::detail::encode_query_param(query), 200);
    std::vector<std::string> ids;
    if (!doc.IsObject()) return ids;
    for (const auto& hit : doc["results"].GetArray()) ids.emplace_back(hit["id"].GetString());
    return ids;
  }

  static test_support::TempDir* dir_;
  static Child* server_;
  static int port_;
};

test_support::TempDir* SearchdTest::dir_ = nullptr;
Child* SearchdTest::server_ = nullptr;
int SearchdTest::port_ = 0;

TEST_F(SearchdTest, SearchAnswersWithRankedHighlightedResults) {
  const auto doc = get_json("/v1/search?q=eclairage&per_page=5", 200);
  EXPECT_STREQ(doc["query"].GetString(), "eclairage");
  EXPECT_GE(doc["total"].GetUint(), 1u);
  EXPECT_TRUE(doc["took_ms"].IsNumber());
  const auto& first = doc["results"][0];
  EXPECT_STREQ(first["id"].GetString(), "eclairage-extinction");
  EXPECT_STREQ(first["source"].GetString(), "test");
  EXPECT_STREQ(first["type"].GetString(), "retour_experience");
  EXPECT_STREQ(first["title"].GetString(), "Éclairage public : consulter les habitants avant l’extinction nocturne");
  EXPECT_TRUE(first["score"].IsNumber());
  for (const char* field : {"summary", "url", "snippet", "title_html"}) EXPECT_TRUE(first[field].IsString()) << field;
  EXPECT_NE(std::string(first["title_html"].GetString()).find("<mark>Éclairage</mark>"), std::string::npos);
}

TEST_F(SearchdTest, AccentlessAndElidedQueriesFindTheSameDocuments) {
  EXPECT_EQ(result_ids("réunion publique"), result_ids("reunion publique"));
  const auto elided = result_ids("l’atelier");
  EXPECT_NE(std::find(elided.begin(), elided.end(), "rencontre-quartier"), elided.end());
  EXPECT_EQ(elided, result_ids("atelier"));
  EXPECT_EQ(result_ids("l'atelier"), result_ids("atelier"));
}

TEST_F(SearchdTest, CapitalisedHyphenatedAndPluralQueries) {
  EXPECT_EQ(result_ids("Co-Construction").front(), "parc-coconstruction");
  EXPECT_EQ(result_ids("Jurys Citoyens").front(), "jurys-tires");
  EXPECT_EQ(result_ids("porte a porte").front(), "porte-a-porte");
}

TEST_F(SearchdTest, PaginationParameters) {
  const auto doc = get_json("/v1/search?q=&page=2&per_page=5", 200);
  EXPECT_EQ(doc["page"].GetUint(), 2u);
  EXPECT_EQ(doc["per_page"].GetUint(), 5u);
  EXPECT_EQ(doc["results"].Size(), 5u);
}

TEST_F(SearchdTest, BadParametersAreJson400s) {
  for (const char* path : {"/v1/search?q=x&per_page=abc", "/v1/search?q=x&per_page=0", "/v1/search?q=x&per_page=101",
                           "/v1/search?q=x&page=-1", "/v1/search?q=x&page=1e3", "/v1/search?q=%FF%FE"}) {
    const auto doc = get_json(path, 400);
    ASSERT_TRUE(doc.IsObject()) << path;
    EXPECT_STREQ(doc["error"]["code"].GetString(), "parametre_invalide") << path;
    EXPECT_TRUE(doc["error"]["message"].IsString());
  }
}

TEST_F(SearchdTest, OverlongQueryIsRefused) {
  const auto at_limit = get_json("/v1/search?q=" + std::string(1000, 'a'), 200);
  const auto doc = get_json("/v1/search?q=" + std::string(1001, 'a'), 400);
  EXPECT_STREQ(doc["error"]["message"].GetString(), "paramètre q : 1001 caractères, 1000 au plus");
  // Characters, not bytes: 1000 "é" are 2000 bytes and still accepted.
  std::string accents;
  for (int i = 0; i < 1000; ++i) accents += "%C3%A9";
  get_json("/v1/search?q=" + accents, 200);
}

TEST_F(SearchdTest, ResourceByIdAndJson404s) {
  const auto doc = get_json("/v1/resources/test/atelier-session", 200);
  EXPECT_STREQ(doc["id"].GetString(), "atelier-session");
  EXPECT_TRUE(doc["sessions"].IsArray());
  EXPECT_TRUE(doc["unknown_partner_field"]["kept"].GetBool());
  const auto missing = get_json("/v1/resources/test/absent", 404);
  EXPECT_STREQ(missing["error"]["code"].GetString(), "ressource_introuvable");
  const auto no_route = get_json("/v1/nothing-here", 404);
  EXPECT_STREQ(no_route["error"]["code"].GetString(), "route_inconnue");
}

TEST_F(SearchdTest, TypoIsCorrectedAndSaidSo) {
  const auto doc = get_json("/v1/search?q=budjet%20participatif", 200);
  EXPECT_STREQ(doc["corrected_query"].GetString(), "budget participatif");
  EXPECT_STREQ(doc["results"][0]["id"].GetString(), "oeuvre-budget");
  EXPECT_FALSE(doc["partial"].GetBool());
  EXPECT_TRUE(get_json("/v1/search?q=budget", 200)["corrected_query"].IsNull());
}

TEST_F(SearchdTest, IgnoredWordsAreSaidAndAloneFindNothing) {
  // A pasted blob of 70 letters: not searched, said so, and no longer the whole base.
  const std::string blob(70, 'a');
  const auto alone = get_json("/v1/search?q=" + blob, 200);
  EXPECT_EQ(alone["total"].GetUint(), 0u);
  EXPECT_EQ(alone["results"].Size(), 0u);
  ASSERT_EQ(alone["ignored"].Size(), 1u);
  EXPECT_EQ(std::string(alone["ignored"][0]["word"].GetString()), std::string(24, 'a') + "…");
  EXPECT_STREQ(alone["ignored"][0]["reason"].GetString(), "trop_long");
  // Beside a real word, the word is searched and the blob still listed.
  const auto beside = get_json("/v1/search?q=budget%20" + blob, 200);
  EXPECT_GT(beside["total"].GetUint(), 0u);
  EXPECT_EQ(beside["ignored"].Size(), 1u);
  // Little words alone are listed and find nothing; inside a query they are not listed.
  const auto little = get_json("/v1/search?q=de%20la", 200);
  EXPECT_EQ(little["total"].GetUint(), 0u);
  ASSERT_EQ(little["ignored"].Size(), 2u);
  EXPECT_STREQ(little["ignored"][0]["word"].GetString(), "de");
  EXPECT_STREQ(little["ignored"][1]["reason"].GetString(), "mot_vide");
  const auto ordinary = get_json("/v1/search?q=budget%20de%20la%20commune", 200);
  EXPECT_GT(ordinary["total"].GetUint(), 0u);
  EXPECT_EQ(ordinary["ignored"].Size(), 0u);
  // Nothing typed still browses everything.
  EXPECT_GT(get_json("/v1/search?q=", 200)["total"].GetUint(), 0u);
}

TEST_F(SearchdTest, SynonymsPrefixesPhrasesExclusions) {
  EXPECT_EQ(result_ids("BP").front(), "oeuvre-budget");
  EXPECT_EQ(result_ids("budget partic").front(), "oeuvre-budget");
  EXPECT_EQ(result_ids("\"budget participatif\""), std::vector<std::string>{"oeuvre-budget"});
  const auto excluded = result_ids("budget -participatif");
  EXPECT_EQ(std::find(excluded.begin(), excluded.end(), "oeuvre-budget"), excluded.end());
}

TEST_F(SearchdTest, FiltersFacetsAndSort) {
  const auto doc = get_json("/v1/search?q=&type=guide&theme=budget&theme=d%C3%A9mocratie%20locale&sort=date", 200);
  EXPECT_EQ(doc["total"].GetUint(), 4u);
  EXPECT_STREQ(doc["results"][0]["id"].GetString(), "mobiliser-inclusif");  // 2026-01-20, the newest guide
  const auto& types = doc["facets"]["type"];
  ASSERT_TRUE(types.IsArray());
  bool guide_seen = false;
  for (const auto& value : types.GetArray())
    guide_seen = guide_seen || std::string(value["value"].GetString()) == "guide";
  EXPECT_TRUE(guide_seen);
  for (const char* facet : {"type", "theme", "source", "level", "audience", "format", "territory"}) {
    EXPECT_TRUE(doc["facets"][facet].IsArray()) << facet;
  }
  EXPECT_STREQ(get_json("/v1/search?q=x&sort=popularity", 400)["error"]["code"].GetString(), "parametre_invalide");
}

TEST_F(SearchdTest, SuggestCompletesTheBox) {
  const auto doc = get_json("/v1/suggest?q=budget%20partic&limit=3", 200);
  ASSERT_GE(doc["completions"].Size(), 1u);
  EXPECT_STREQ(doc["completions"][0]["text"].GetString(), "budget participatif");
  ASSERT_GE(doc["titles"].Size(), 1u);
  EXPECT_STREQ(doc["titles"][0]["id"].GetString(), "oeuvre-budget");
  EXPECT_LE(doc["titles"].Size(), 3u);
  get_json("/v1/suggest?q=x&limit=21", 400);
}

TEST_F(SearchdTest, PathologicalQueriesAnswerFlaggedPartial) {
  std::string many;  // 499 one-letter words: within the 1,000 characters allowed
  for (int i = 0; i < 499; ++i) many += std::string(1, static_cast<char>('b' + i % 24)) + "%20";
  EXPECT_TRUE(get_json("/v1/search?q=" + many, 200)["partial"].GetBool());
  get_json("/v1/search?q=a*%20b*%20c*%20d*%20e*%20f*%20g*%20h*", 200);
}

TEST_F(SearchdTest, HealthGivesCountAndRevision) {
  const auto doc = get_json("/healthz", 200);
  EXPECT_EQ(doc["documents"].GetUint(), 12u);
  EXPECT_GE(doc["revision"].GetUint64(), 1u);
}

TEST_F(SearchdTest, SeesANewCommitWithoutRestart) {
  EXPECT_TRUE(result_ids("Toponymie").empty());
  const std::string feed = test_support::write_file(
      dir_->path() / "more.jsonl", R"({"id":"ajout","source":"test","type":"guide","title":"Toponymie participative"})"
                                   "\n");
  ASSERT_EQ(run_indexer({"--index", dir_->str("index"), feed}), 0);
  EXPECT_EQ(result_ids("toponymie"), std::vector<std::string>{"ajout"});
}

TEST(TecIndex, ExitStatusSaysWhatHappened) {
  test_support::TempDir dir;
  const std::string good =
      test_support::write_file(dir.path() / "good.jsonl", R"({"id":"a","source":"anct","type":"guide","title":"Bon"})"
                                                          "\n");
  const std::string mixed =
      test_support::write_file(dir.path() / "mixed.jsonl", R"({"id":"b","source":"anct","type":"guide","title":"Bon"})"
                                                           "\n"
                                                           R"({"id":"c","source":"anct"})"
                                                           "\n");
  std::string output;
  EXPECT_EQ(run_indexer({"--index", dir.str("index"), good}, &output), 0);
  EXPECT_NE(output.find("1 documents indexés, 0 rejetés"), std::string::npos) << output;
  EXPECT_EQ(run_indexer({"--index", dir.str("index"), mixed}, &output), 1);
  EXPECT_NE(output.find("1 documents indexés, 1 rejetés"), std::string::npos) << output;
  EXPECT_EQ(Xapian::Database(dir.str("index")).get_doccount(), 2u);
  {
    Xapian::WritableDatabase holder(dir.str("index"), Xapian::DB_OPEN);
    EXPECT_EQ(run_indexer({"--index", dir.str("index"), good}), 2);
  }
  EXPECT_EQ(run_indexer({"--index", dir.str("index"), good, dir.str("absent.jsonl")}), 2);
}

TEST(TecSearchd, StopsCleanlyOnSigint) {
  test_support::TempDir dir;
  const std::string feed =
      test_support::write_file(dir.path() / "f.jsonl", R"({"id":"a","source":"anct","type":"guide","title":"Bon"})"
                                                       "\n");
  ASSERT_EQ(run_indexer({"--index", dir.str("index"), feed}), 0);
  Child server({TEC_SEARCHD_BIN, "--index", dir.str("index"), "--listen", "127.0.0.1:0"});
  ASSERT_NE(server.read_line().find("écoute sur"), std::string::npos);
  EXPECT_EQ(server.stop(SIGINT), 0);
}

TEST(TecSearchd, RefusesAMissingIndex) {
  Child server({TEC_SEARCHD_BIN, "--index", "/nonexistent/index", "--listen", "127.0.0.1:0"});
  EXPECT_EQ(server.wait(), 2);
}

}  // namespace
}  // namespace tec
