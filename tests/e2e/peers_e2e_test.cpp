// End to end: the shared-projects routes of the real tec-searchd
// (GET /v1/territories/{code}/peers, POST /v1/cohorts) over the peers' test
// resources, with the territory reference data of corpus/territories/.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>

#include "e2e/child_process.h"
#include "test_support.h"

namespace tec {
namespace {

class PeersE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(run_indexer({"--index", dir_->str("index"),
                           (test_support::source_dir() / "tests/data/peers_corpus.jsonl").string()}),
              0);
    server_ = new Child({TEC_SEARCHD_BIN, "--index", dir_->str("index"), "--listen", "127.0.0.1:0", "--territories",
                         (test_support::source_dir() / "corpus/territories").string()});
    port_ = read_port(*server_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }

  rapidjson::Document parse(const httplib::Result& res, int expected_status, const std::string& what) {
    rapidjson::Document doc;
    EXPECT_TRUE(res) << what;
    if (!res) return doc;
    EXPECT_EQ(res->status, expected_status) << what << " " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8") << what;
    doc.Parse(res->body.c_str());
    EXPECT_FALSE(doc.HasParseError()) << res->body;
    return doc;
  }
  rapidjson::Document get(const std::string& path, int expected_status) {
    httplib::Client client("127.0.0.1", port_);
    return parse(client.Get(path.c_str()), expected_status, path);
  }
  rapidjson::Document post(const std::string& path, const std::string& body, int expected_status) {
    httplib::Client client("127.0.0.1", port_);
    return parse(client.Post(path.c_str(), body, "application/json"), expected_status, path);
  }

  static test_support::TempDir* dir_;
  static Child* server_;
  static int port_;
};

test_support::TempDir* PeersE2eTest::dir_ = nullptr;
Child* PeersE2eTest::server_ = nullptr;
int PeersE2eTest::port_ = 0;

TEST_F(PeersE2eTest, PeersOfAVillage) {
  const auto doc = get("/v1/territories/34164/peers?themes=%C3%A9clairage%20public&limit=2", 200);
  EXPECT_STREQ(doc["territory"]["name"].GetString(), "Montaud");
  EXPECT_STREQ(doc["territory"]["type"].GetString(), "commune");
  ASSERT_EQ(doc["peers"].Size(), 2u);
  const auto& first = doc["peers"][0];
  EXPECT_STREQ(first["code"].GetString(), "34173");
  EXPECT_STREQ(first["name"].GetString(), "Montpeyroux");
  EXPECT_STREQ(first["type"].GetString(), "commune");
  EXPECT_EQ(first["population"].GetInt64(), 1449);
  EXPECT_TRUE(first["distance_km"].IsInt64());
  ASSERT_EQ(first["resources"].Size(), 1u);
  const auto& resource = first["resources"][0];
  EXPECT_STREQ(resource["source"].GetString(), "anct");
  EXPECT_STREQ(resource["id"].GetString(), "rex-montpeyroux-eclairage");
  EXPECT_TRUE(resource["title"].IsString());
  EXPECT_EQ(resource["year"].GetInt(), 2024);
  ASSERT_GE(first["reasons"].Size(), 2u);
  EXPECT_EQ(std::string(first["reasons"][0].GetString()).rfind("Commune de 1 449 habitants à ", 0), 0u);
}

TEST_F(PeersE2eTest, NeedAloneAndNoMatch) {
  EXPECT_EQ(get("/v1/territories/34164/peers?need=jardins%20partag%C3%A9s", 200)["peers"].Size(), 1u);
  EXPECT_EQ(get("/v1/territories/34164/peers?themes=astronautique", 200)["peers"].Size(), 0u);
}

TEST_F(PeersE2eTest, PeersErrors) {
  EXPECT_STREQ(get("/v1/territories/99999/peers", 404)["error"]["code"].GetString(), "territoire_inconnu");
  EXPECT_STREQ(get("/v1/territories/34164/peers?limit=0", 400)["error"]["code"].GetString(), "parametre_invalide");
  EXPECT_STREQ(get("/v1/territories/34164/peers?limit=abc", 400)["error"]["code"].GetString(), "parametre_invalide");
}

TEST_F(PeersE2eTest, CohortsGroupTheVillagesAndSetApartTheOthers) {
  const auto doc =
      post("/v1/cohorts?now=2026-11-27",
           R"({"themes": ["éclairage public"], "codes": ["34164", "34242", "34248", "34296", "29261", "34172"]})", 200);
  ASSERT_EQ(doc["cohorts"].Size(), 1u);
  const auto& cohort = doc["cohorts"][0];
  EXPECT_EQ(cohort["codes"].Size(), 4u);
  EXPECT_EQ(cohort["members"].Size(), 4u);
  EXPECT_STREQ(cohort["reasons"][0].GetString(), "4 communes de 984 à 1 246 habitants");
  bool guide = false;
  for (const auto& r : cohort["resources"].GetArray()) {
    guide |= std::string(r["id"].GetString()) == "guide-extinction-eclairage";
    EXPECT_STRNE(r["id"].GetString(), "guide-eclairage-grandes-villes");
  }
  EXPECT_TRUE(guide);
  ASSERT_EQ(doc["unassigned"].Size(), 2u);
  EXPECT_TRUE(doc["unassigned"][0]["reason"].IsString());
}

TEST_F(PeersE2eTest, CohortsErrors) {
  EXPECT_STREQ(
      post("/v1/cohorts", R"({"themes": ["éclairage public"], "codes": ["34164", "99999"]})", 404)["error"]["code"]
          .GetString(),
      "territoire_inconnu");
  EXPECT_STREQ(post("/v1/cohorts", R"({"codes": ["34164"]})", 400)["error"]["code"].GetString(), "requete_invalide");
  EXPECT_STREQ(post("/v1/cohorts", R"({"themes": ["éclairage public"]})", 400)["error"]["code"].GetString(),
               "requete_invalide");
  EXPECT_STREQ(
      post("/v1/cohorts", R"({"themes": "éclairage public", "codes": ["34164"]})", 400)["error"]["code"].GetString(),
      "requete_invalide");
  EXPECT_STREQ(post("/v1/cohorts", R"({"theme": ["x"], "codes": ["34164"]})", 400)["error"]["code"].GetString(),
               "requete_invalide");
  EXPECT_STREQ(post("/v1/cohorts", "pas du json", 400)["error"]["code"].GetString(), "requete_invalide");
}

}  // namespace
}  // namespace tec
