// End to end, the nightly path: partners pushing feeds over HTTP with their
// tokens, a 10,000-document sync while queries keep coming, and a sync
// killed with SIGKILL at random moments.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "e2e/child_process.h"
#include "schema/index_schema.h"
#include "test_support.h"

namespace tec {
namespace {

std::string token_for(const std::string& tokens_file, const std::string& source) {
  std::string output;
  EXPECT_EQ(run_indexer({"token", "--tokens", tokens_file, "--source", source}, &output), 0);
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output;
}

// The bundled corpus copied under `source` until it holds `count` records,
// with ids r0, r1, ...
std::string bulk_feed(const std::filesystem::path& path, const std::string& source, std::size_t count) {
  std::vector<std::string> records;
  for (const auto& entry : std::filesystem::directory_iterator(test_support::source_dir() / "corpus" / "resources")) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) records.push_back(line);
  }
  std::ofstream out(path);
  for (std::size_t i = 0; i < count; ++i) {
    rapidjson::Document record;
    record.Parse(records[i % records.size()].c_str());
    const std::string id = "r" + std::to_string(i);
    record["id"].SetString(id.c_str(), static_cast<rapidjson::SizeType>(id.size()), record.GetAllocator());
    record["source"].SetString(source.c_str(), static_cast<rapidjson::SizeType>(source.size()), record.GetAllocator());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    record.Accept(writer);
    out << buffer.GetString() << '\n';
  }
  return path.string();
}

class PushTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run_indexer({"--index", dir_.str("index"), test_support::test_corpus_path()}), 0);
    test_token_ = token_for(dir_.str("tokens"), "test");
    anct_token_ = token_for(dir_.str("tokens"), "anct");
    server_ = std::make_unique<Child>(
        std::vector<std::string>{TEC_SEARCHD_BIN, "--index", dir_.str("index"), "--listen", "127.0.0.1:0", "--tokens",
                                 dir_.str("tokens"), "--spool", dir_.str("spool"), "--max-upload-mb", "1"});
    port_ = read_port(*server_);
  }

  httplib::Result put(const std::string& source, const std::string& body, const std::string& token,
                      const std::string& query = "") {
    httplib::Client client("127.0.0.1", port_);
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client.Put(("/v1/sources/" + source + "/feed" + query).c_str(), headers, body, "application/x-ndjson");
  }

  rapidjson::Document get(const std::string& path) {
    httplib::Client client("127.0.0.1", port_);
    auto res = client.Get(path.c_str());
    rapidjson::Document doc;
    if (res) doc.Parse(res->body.c_str());
    return doc;
  }

  // Polls the sync's status until it has run (bounded: 60 s).
  rapidjson::Document finished(const std::string& status_url) {
    for (int i = 0; i < 600; ++i) {
      rapidjson::Document status = get(status_url);
      const std::string state = status.IsObject() ? status["state"].GetString() : "";
      if (state != "en_attente" && state != "en_cours") return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "sync still running after 60 s";
    return {};
  }

  Xapian::doccount documents() { return get("/healthz")["documents"].GetUint(); }

  test_support::TempDir dir_;
  std::string test_token_, anct_token_;
  std::unique_ptr<Child> server_;
  int port_ = 0;
};

const std::string kAnctFeed = R"({"id":"a1","type":"guide","title":"Toponymie participative"})"
                              "\n"
                              R"({"id":"a2","type":"methode","title":"Cartographie des usages"})"
                              "\n"
                              R"({"id":"a3","type":"outil","title":"Questionnaire en ligne","themes":"pas une liste"})"
                              "\n";

TEST_F(PushTest, WithoutAValidTokenNothingChanges) {
  auto none = put("anct", kAnctFeed, "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_NE(none->body.find("authentification_requise"), std::string::npos);
  EXPECT_EQ(put("anct", kAnctFeed, "tec_faux")->status, 401);
  auto other = put("anct", kAnctFeed, test_token_);
  EXPECT_EQ(other->status, 403);
  EXPECT_NE(other->body.find("source_interdite"), std::string::npos);
  EXPECT_EQ(documents(), 12u);
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path() / "spool"));
}

TEST_F(PushTest, APushIsSyncedAndReported) {
  // Asked before the sync, so that a cached answer would show if the sync's
  // revision did not replace it.
  EXPECT_EQ(get("/v1/search?q=toponymie")["total"].GetUint(), 0u);
  auto res = put("anct", kAnctFeed, anct_token_);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 202) << res->body;
  rapidjson::Document accepted;
  accepted.Parse(res->body.c_str());
  const std::string status_url = accepted["status_url"].GetString();
  EXPECT_EQ(res->get_header_value("Location"), status_url);

  const rapidjson::Document status = finished(status_url);
  ASSERT_TRUE(status.IsObject());
  EXPECT_STREQ(status["state"].GetString(), "terminee");
  const auto& report = status["report"];
  EXPECT_EQ(report["added"].GetUint(), 2u);
  ASSERT_EQ(report["rejected"].Size(), 1u);
  EXPECT_EQ(report["rejected"][0]["line"].GetUint(), 3u);
  EXPECT_STREQ(report["rejected"][0]["reason"].GetString(), "themes : type chaîne au lieu de array");
  // The upload is named, not the server's spool file.
  EXPECT_STREQ(report["rejected"][0]["file"].GetString(), "envoi anct");
  ASSERT_EQ(report["files"].Size(), 1u);
  EXPECT_STREQ(report["files"][0].GetString(), "envoi anct");
  EXPECT_EQ(std::string(res->body).find(dir_.str()), std::string::npos);

  const rapidjson::Document search = get("/v1/search?q=toponymie");
  ASSERT_EQ(search["results"].Size(), 1u);
  EXPECT_STREQ(search["results"][0]["id"].GetString(), "a1");
  const rapidjson::Document sources = get("/v1/sources");
  bool listed = false;
  for (const auto& source : sources["sources"].GetArray()) {
    if (std::string(source["source"].GetString()) != "anct") continue;
    listed = true;
    EXPECT_EQ(source["documents"].GetUint(), 2u);
    EXPECT_STREQ(source["last_sync"]["outcome"].GetString(), "ok_avec_rejets");
    EXPECT_EQ(std::string(source["last_sync"]["files"][0].GetString()).find('/'), std::string::npos);
  }
  EXPECT_TRUE(listed);
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path() / "spool"));
}

TEST_F(PushTest, AnEmptyPushIsRefusedByTheGuard) {
  auto res = put("test", "", test_token_);
  ASSERT_EQ(res->status, 202);
  rapidjson::Document accepted;
  accepted.Parse(res->body.c_str());
  const rapidjson::Document status = finished(accepted["status_url"].GetString());
  EXPECT_STREQ(status["state"].GetString(), "refusee");
  // Over HTTP the way on is the query parameter, not tec-index's flag.
  const std::string refused = status["report"]["refused"].GetString();
  EXPECT_NE(refused.find("renvoyez-le avec ?allow_mass_delete=true si c'est voulu"), std::string::npos) << refused;
  EXPECT_EQ(refused.find("--allow-mass-delete"), std::string::npos) << refused;
  EXPECT_EQ(documents(), 12u);
}

TEST_F(PushTest, RejectionsNameTheUploadAsThePartnerNamedIt) {
  auto res = put("anct", kAnctFeed, anct_token_, "?name=catalogue-anct.jsonl");
  ASSERT_EQ(res->status, 202) << res->body;
  rapidjson::Document accepted;
  accepted.Parse(res->body.c_str());
  const rapidjson::Document status = finished(accepted["status_url"].GetString());
  ASSERT_EQ(status["report"]["rejected"].Size(), 1u);
  EXPECT_STREQ(status["report"]["rejected"][0]["file"].GetString(), "catalogue-anct.jsonl");
}

TEST_F(PushTest, UploadsAreBounded) {
  auto res = put("anct", std::string(2 * 1024 * 1024, ' '), anct_token_);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
  EXPECT_EQ(documents(), 12u);
}

TEST_F(PushTest, UnknownSyncIs404AndCsvNeedsAMapping) {
  httplib::Client client("127.0.0.1", port_);
  EXPECT_EQ(client.Get("/v1/sources/anct/syncs/nope")->status, 404);
  httplib::Headers headers{{"Authorization", "Bearer " + anct_token_}};
  EXPECT_EQ(client.Put("/v1/sources/anct/feed", headers, "id,title\n", "text/csv")->status, 415);
}

TEST(SearchStaysUp, QueriesNeverFailDuringATenThousandDocumentSync) {
  test_support::TempDir dir;
  ASSERT_EQ(run_indexer({"--index", dir.str("index"), test_support::test_corpus_path()}), 0);
  const std::string feed = bulk_feed(dir.path() / "bulk.jsonl", "partenaire", 10000);
  Child server({TEC_SEARCHD_BIN, "--index", dir.str("index"), "--listen", "127.0.0.1:0", "--threads", "4"});
  const int port = read_port(server);

  std::atomic<bool> syncing{true};
  std::atomic<int> answered{0};
  std::vector<std::string> failures;
  std::thread client([&] {
    httplib::Client http("127.0.0.1", port);
    // Generous: the machine is busy indexing, and sanitizers slow both sides.
    http.set_read_timeout(60, 0);
    const char* queries[] = {"/v1/search?q=budget", "/v1/search?q=jury%20citoyen", "/v1/suggest?q=concert", "/healthz"};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
    for (int i = 0; syncing && std::chrono::steady_clock::now() < deadline; ++i) {
      auto res = http.Get(queries[i % 4]);
      if (res && res->status == 200) ++answered;
      else
        failures.push_back(std::string(queries[i % 4]) + " -> " +
                           (res ? std::to_string(res->status) + " " + res->body : httplib::to_string(res.error())));
    }
  });
  EXPECT_EQ(run_indexer({"sync", "--index", dir.str("index"), "--source", "partenaire", feed}), 0);
  // Queries go on a little after the commit, so that some meet the new revision.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  syncing = false;
  client.join();

  EXPECT_TRUE(failures.empty()) << failures.size() << " failed, first: " << failures.front();
  EXPECT_GT(answered.load(), 10);
  httplib::Client http("127.0.0.1", port);
  auto health = http.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_NE(health->body.find(R"("documents":10012)"), std::string::npos) << health->body;
  auto found = http.Get("/v1/resources/partenaire/r9999");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->status, 200);
}

TEST(KilledSync, LeavesThePreviousOrTheNewStateNeverAMix) {
  test_support::TempDir dir;
  ASSERT_EQ(run_indexer({"--index", dir.str("index"), test_support::test_corpus_path()}), 0);
  const std::string feed = bulk_feed(dir.path() / "bulk.jsonl", "partenaire", 5000);
  for (const int delay_ms : {50, 300, 900}) {
    Child sync(
        {TEC_INDEX_BIN, "sync", "--index", dir.str("index"), "--source", "partenaire", "--allow-mass-delete", feed});
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    sync.stop(SIGKILL);
    Xapian::Database db(dir.str("index"));
    const Xapian::doccount partner = db.get_termfreq(schema::prefixed(schema::kPrefixSource, "partenaire"));
    EXPECT_TRUE(partner == 0 || partner == 5000) << "after " << delay_ms << " ms: " << partner;
    EXPECT_EQ(db.get_termfreq(schema::prefixed(schema::kPrefixSource, "test")), 12u);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("budget"));
    EXPECT_GT(enquire.get_mset(0, 10).size(), 0u);
  }
  // And the index takes the next sync.
  EXPECT_EQ(run_indexer({"sync", "--index", dir.str("index"), "--source", "partenaire", "--allow-mass-delete", feed}),
            0);
  EXPECT_EQ(Xapian::Database(dir.str("index")).get_termfreq(schema::prefixed(schema::kPrefixSource, "partenaire")),
            5000u);
}

}  // namespace
}  // namespace tec
