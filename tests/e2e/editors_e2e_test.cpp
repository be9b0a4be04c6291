// End to end, the editors' loop: the queries the public typed, read at
// /v1/stats/queries with the administrators' token (and kept across a
// restart), then groups of synonyms set with `tec-index thesaurus` that the
// running daemon uses from its next request, and that a later sync keeps;
// printed back to be carried into a rebuilt index.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <string>

#include "e2e/child_process.h"
#include "test_support.h"

namespace tec {
namespace {

std::string new_token(const std::vector<std::string>& args) {
  std::string output;
  EXPECT_EQ(run_indexer(args, &output), 0);
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output;
}

rapidjson::Document parse(const httplib::Result& res) {
  rapidjson::Document doc;
  if (res) doc.Parse(res->body.c_str());
  return doc;
}

// The count of `query` in the list `key` of a statistics answer, 0 when absent.
std::uint64_t count_in(const rapidjson::Document& stats, const char* key, const std::string& query) {
  for (const auto& entry : stats[key].GetArray()) {
    if (entry["query"].GetString() == query) return entry["count"].GetUint64();
  }
  return 0;
}

class EditorsE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_indexer({"--index", dir_.str("index"), test_support::test_corpus_path()}), 0);
    partner_token_ = new_token({"token", "--tokens", dir_.str("tokens"), "--source", "test"});
    admin_token_ = new_token({"token", "--tokens", dir_.str("tokens"), "--admin"});
    start();
  }

  void start() {
    server_ =
        std::make_unique<Child>(std::vector<std::string>{TEC_SEARCHD_BIN, "--index", dir_.str("index"), "--listen",
                                                         "127.0.0.1:0", "--tokens", dir_.str("tokens"), "--spool",
                                                         dir_.str("spool"), "--stats", dir_.str("state/stats.tsv")},
                                dir_.str("stderr.log"));
    port_ = read_port(*server_);
  }

  httplib::Result get(const std::string& path, const std::string& token = "") {
    httplib::Client client("127.0.0.1", port_);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client.Get(path.c_str(), headers);
  }

  unsigned total(const std::string& query) {
    httplib::Client client("127.0.0.1", port_);
    const auto doc =
        parse(client.Get("/v1/search", httplib::Params{{"q", query}}, httplib::Headers{}, httplib::Progress{}));
    return doc.IsObject() && doc.HasMember("total") ? doc["total"].GetUint() : 9999;
  }

  test_support::TempDir dir_;
  std::string partner_token_, admin_token_;
  std::unique_ptr<Child> server_;
  int port_ = 0;
};

TEST_F(EditorsE2eTest, StatsNeedTheAdministratorsToken) {
  const auto anonymous = get("/v1/stats/queries");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  const auto error = parse(anonymous);
  ASSERT_TRUE(error.IsObject() && error.HasMember("error"));
  EXPECT_EQ(std::string(error["error"]["code"].GetString()), "authentification_requise");

  const auto partner = get("/v1/stats/queries", partner_token_);
  EXPECT_EQ(partner->status, 401);
  EXPECT_EQ(std::string(parse(partner)["error"]["code"].GetString()), "jeton_invalide");
  EXPECT_EQ(get("/v1/stats/queries", "tec_inconnu")->status, 401);

  EXPECT_EQ(get("/v1/stats/queries", admin_token_)->status, 200);
  EXPECT_EQ(get("/v1/stats/queries?days=0", admin_token_)->status, 400);
  EXPECT_EQ(get("/v1/stats/queries?days=91", admin_token_)->status, 400);
  // The administrators' token pushes no feed.
  httplib::Client client("127.0.0.1", port_);
  const auto push = client.Put("/v1/sources/test/feed", httplib::Headers{{"Authorization", "Bearer " + admin_token_}},
                               "", "application/x-ndjson");
  EXPECT_EQ(push->status, 403);
}

TEST_F(EditorsE2eTest, StatsCountQueriesZeroResultsCorrectionsAndSurviveARestart) {
  for (const char* query :
       {"Éclairage public", "eclairage  PUBLIC", "éclairage public", "zorglubzz", "Zorglubzz", "budjet"}) {
    total(query);
  }
  EXPECT_EQ(get("/v1/search?q=eclairage%20public&page=2")->status, 200);  // the same question: not counted again
  EXPECT_EQ(get("/v1/suggest?q=eclai")->status, 200);                     // typing: not counted

  const auto check = [&](const char* moment) {
    SCOPED_TRACE(moment);
    const auto res = get("/v1/stats/queries?days=7", admin_token_);
    ASSERT_EQ(res->status, 200);
    const auto stats = parse(res);
    ASSERT_TRUE(stats.IsObject()) << res->body;
    EXPECT_EQ(stats["period"]["days"].GetUint(), 7u);
    EXPECT_EQ(stats["searches"].GetUint64(), 6u);
    EXPECT_EQ(count_in(stats, "top", "eclairage public"), 3u);
    EXPECT_EQ(count_in(stats, "zero_results", "zorglubzz"), 2u);
    EXPECT_EQ(count_in(stats, "zero_results", "eclairage public"), 0u);
    ASSERT_EQ(stats["corrections"].Size(), 1u) << res->body;
    EXPECT_EQ(std::string(stats["corrections"][0]["typed"].GetString()), "budjet");
    EXPECT_EQ(std::string(stats["corrections"][0]["corrected"].GetString()), "budget");
    EXPECT_EQ(stats["corrections"][0]["count"].GetUint64(), 1u);
  };
  check("running");
  EXPECT_EQ(server_->stop(SIGTERM), 0);
  const std::string saved = test_support::read_file(dir_.path() / "state" / "stats.tsv");
  EXPECT_NE(saved.find("zorglubzz"), std::string::npos);
  EXPECT_EQ(saved.find("127.0.0.1"), std::string::npos);
  EXPECT_EQ(saved.find("Zorglubzz"), std::string::npos);  // only the normalised form
  start();
  check("restarted");
}

TEST_F(EditorsE2eTest, AThesaurusSetOnTheLiveIndexIsUsedAtTheNextRequestAndKeptBySyncs) {
  ASSERT_EQ(total("zorglubisme"), 0u);

  // A bad file: every bad line named, nothing applied.
  const std::string bad =
      test_support::write_file(dir_.path() / "mauvais.txt", "zorglubisme | éclairage public\nseul\n | vide\n");
  Child refused({TEC_INDEX_BIN, "thesaurus", "--index", dir_.str("index"), bad}, dir_.str("refused.log"));
  EXPECT_EQ(refused.wait(), 2);
  const std::string errors = test_support::read_file(dir_.path() / "refused.log");
  EXPECT_NE(errors.find(bad + ":2: "), std::string::npos) << errors;
  EXPECT_NE(errors.find(bad + ":3: "), std::string::npos) << errors;
  EXPECT_EQ(total("zorglubisme"), 0u);

  const std::string groups = test_support::write_file(
      dir_.path() / "editeurs.txt", "# ajoutés par l'équipe éditoriale\nzorglubisme | éclairage public\n");
  std::string output;
  ASSERT_EQ(run_indexer({"thesaurus", "--index", dir_.str("index"), groups}, &output), 0);
  EXPECT_NE(output.find("1 groupe des éditeurs"), std::string::npos) << output;
  EXPECT_GT(total("zorglubisme"), 0u);  // same daemon, no restart

  // A partner's sync rewrites the synonym table: the editors' group stays.
  const std::string feed = test_support::write_file(
      dir_.path() / "partenaire.jsonl",
      R"({"id":"g1","source":"partenaire","type":"guide","title":"Guide de la balade urbaine"})"
      "\n");
  ASSERT_EQ(run_indexer({"sync", "--index", dir_.str("index"), "--source", "partenaire", feed}), 0);
  EXPECT_EQ(get("/v1/resources/partenaire/g1")->status, 200);  // the sync is served
  EXPECT_GT(total("zorglubisme"), 0u);
}

TEST_F(EditorsE2eTest, ThePrintedGroupsCarryIntoARebuiltIndex) {
  const std::string index = dir_.str("index");
  std::string printed;
  ASSERT_EQ(run_indexer({"thesaurus", "--index", index, "--print"}, &printed), 0);
  EXPECT_EQ(printed, "");  // none set yet

  const std::string text =
      "# ajoutés par l'équipe éditoriale\nzorglubisme | éclairage public\n\nfête des voisins | repas de quartier\n";
  const std::string groups = test_support::write_file(dir_.path() / "editeurs.txt", text);
  ASSERT_EQ(run_indexer({"thesaurus", "--index", index, groups}), 0);
  ASSERT_EQ(run_indexer({"thesaurus", "--index", index, "--print"}, &printed), 0);
  EXPECT_EQ(printed, text);

  // A rebuild starts without them; the printed file sets them again.
  const std::string rebuilt = dir_.str("index.new");
  ASSERT_EQ(run_indexer({"--index", rebuilt, test_support::test_corpus_path()}), 0);
  ASSERT_EQ(run_indexer({"thesaurus", "--index", rebuilt, "--print"}, &printed), 0);
  EXPECT_EQ(printed, "");
  const std::string carried = test_support::write_file(dir_.path() / "carried.txt", text);
  ASSERT_EQ(run_indexer({"thesaurus", "--index", rebuilt, carried}), 0);
  ASSERT_EQ(run_indexer({"thesaurus", "--index", rebuilt, "--print"}, &printed), 0);
  EXPECT_EQ(printed, text);

  // No index, or a file as well as --print, or neither: refused.
  Child absent({TEC_INDEX_BIN, "thesaurus", "--index", dir_.str("absent"), "--print"}, dir_.str("absent.log"));
  EXPECT_EQ(absent.read_all(), "");
  EXPECT_EQ(absent.wait(), 2);
  EXPECT_NE(test_support::read_file(dir_.path() / "absent.log").find("aucun index dans " + dir_.str("absent")),
            std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "absent"));
  Child both({TEC_INDEX_BIN, "thesaurus", "--index", index, "--print", groups}, dir_.str("both.log"));
  EXPECT_EQ(both.wait(), 2);
  const std::string refused = test_support::read_file(dir_.path() / "both.log");
  EXPECT_NE(refused.find("s'excluent"), std::string::npos) << refused;
  EXPECT_NE(refused.find("Aide : tec-index --help"), std::string::npos) << refused;
  EXPECT_EQ(refused.find("Run with"), std::string::npos) << refused;
  Child neither({TEC_INDEX_BIN, "thesaurus", "--index", index}, dir_.str("neither.log"));
  EXPECT_EQ(neither.wait(), 2);
  EXPECT_NE(test_support::read_file(dir_.path() / "neither.log").find("un fichier de groupes ou --print est requis"),
            std::string::npos);
}

}  // namespace
}  // namespace tec
