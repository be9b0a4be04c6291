// End to end: the advisors' routes of the real tec-searchd, with the
// territory reference data of corpus/territories/ and the recommender's test
// resources.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>

#include "e2e/child_process.h"
#include "test_support.h"

namespace tec {
namespace {

class RecommendE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(run_indexer({"--index", dir_->str("index"), test_support::recommend_corpus_path(),
                           test_support::test_corpus_path()}),
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

  static std::vector<std::string> ids(const rapidjson::Value& list) {
    std::vector<std::string> out;
    for (const auto& item : list.GetArray()) out.emplace_back(item["id"].GetString());
    return out;
  }
  static bool has(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
  }

  static test_support::TempDir* dir_;
  static Child* server_;
  static int port_;
};

test_support::TempDir* RecommendE2eTest::dir_ = nullptr;
Child* RecommendE2eTest::server_ = nullptr;
int RecommendE2eTest::port_ = 0;

TEST_F(RecommendE2eTest, ProfileGivenOnlyAsAnInseeCode) {
  const auto doc = get("/v1/recommend?insee=34164&now=2026-11-27", 200);
  const auto& profile = doc["profile"];
  EXPECT_STREQ(profile["name"].GetString(), "Montaud");
  EXPECT_STREQ(profile["territory_type"].GetString(), "commune");
  EXPECT_STREQ(profile["departement_name"].GetString(), "Hérault");
  EXPECT_STREQ(profile["region_name"].GetString(), "Occitanie");
  EXPECT_TRUE(profile["population"].IsInt64());
  EXPECT_STREQ(doc["now"].GetString(), "2026-11-27");
  const auto resources = ids(doc["resources"]);
  EXPECT_TRUE(has(resources, "rex-herault-eclairage"));
  EXPECT_FALSE(has(resources, "rex-reunion-eclairage"));
  EXPECT_FALSE(has(resources, "rex-petit-village"));
  for (const auto& item : doc["resources"].GetArray()) {
    EXPECT_TRUE(item["score"].IsNumber());
    EXPECT_GT(item["reasons"].Size(), 0u) << item["id"].GetString();
  }
}

TEST_F(RecommendE2eTest, GetWithThemesExplainsItsChoices) {
  const auto doc =
      get("/v1/recommend?insee=34164&themes=%C3%A9clairage%20public&participation_level=consulter&now=2026-11-27", 200);
  ASSERT_GT(doc["resources"].Size(), 0u);
  bool theme_reason = false;
  for (const auto& item : doc["resources"].GetArray()) {
    for (const auto& reason : item["reasons"].GetArray())
      theme_reason |= std::string(reason.GetString()) == "Thème : éclairage public";
  }
  EXPECT_TRUE(theme_reason);
  EXPECT_EQ(doc["profile"]["themes"][0], "éclairage public");
}

TEST_F(RecommendE2eTest, PastOnlyWorkshopsAreLeftOut) {
  const auto doc = post("/v1/recommend?now=2026-11-27", R"({"insee": "34164", "themes": ["éclairage public"]})", 200);
  const auto workshops = ids(doc["workshops"]);
  EXPECT_FALSE(has(workshops, "atelier-passe"));
  EXPECT_TRUE(has(workshops, "atelier-a-venir"));
  for (const auto& workshop : doc["workshops"].GetArray()) {
    ASSERT_GT(workshop["sessions"].Size(), 0u);
    for (const auto& session : workshop["sessions"].GetArray()) {
      EXPECT_GE(std::string(session["start"].GetString()).substr(0, 10), "2026-11-27");
    }
  }
  const auto later = post("/v1/recommend?now=2027-03-01", R"({"insee": "34164", "themes": ["éclairage public"]})", 200);
  EXPECT_EQ(later["workshops"].Size(), 0u);
}

TEST_F(RecommendE2eTest, UnknownCodeIsA404JsonError) {
  const auto doc = get("/v1/recommend?insee=34999", 404);
  EXPECT_STREQ(doc["error"]["code"].GetString(), "territoire_inconnu");
  EXPECT_NE(std::string(doc["error"]["message"].GetString()).find("34999"), std::string::npos);
  EXPECT_STREQ(post("/v1/recommend", R"({"siren": "123456789"})", 404)["error"]["code"].GetString(),
               "territoire_inconnu");
}

TEST_F(RecommendE2eTest, BadProfilesAre400WithTheFieldAtFault) {
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"insee": 34164})", "insee"},
           {R"({"theme": ["x"]})", "theme"},
           {R"({"participation_level": "voter"})", "participation_level"},
           {R"({"population": -3, "territory_type": "commune"})", "population"},
           {R"([1, 2])", "objet"},
           {R"({"insee": "34164")", "JSON"}}) {
    const auto doc = post("/v1/recommend", body, 400);
    EXPECT_STREQ(doc["error"]["code"].GetString(), "profil_invalide") << body;
    EXPECT_NE(std::string(doc["error"]["message"].GetString()).find(field), std::string::npos) << body;
  }
  EXPECT_STREQ(get("/v1/recommend?insee=34164&now=demain", 400)["error"]["code"].GetString(), "parametre_invalide");
}

TEST_F(RecommendE2eTest, TerritoriesCompleteAndLookUp) {
  const auto found = get("/v1/territories?q=montaud&type=commune&limit=5", 200);
  bool montaud = false;
  for (const auto& t : found["territories"].GetArray()) {
    montaud |=
        std::string(t["code"].GetString()) == "34164" && std::string(t["departement_name"].GetString()) == "Hérault";
  }
  EXPECT_TRUE(montaud);
  const auto chambery = get("/v1/territories?q=CHAMBERY&limit=1", 200);
  ASSERT_EQ(chambery["territories"].Size(), 1u);
  EXPECT_STREQ(chambery["territories"][0]["code"].GetString(), "73065");

  EXPECT_STREQ(get("/v1/territories/34164", 200)["name"].GetString(), "Montaud");
  const auto epci = get("/v1/territories/200040293", 200);
  EXPECT_STREQ(epci["type"].GetString(), "epci");
  EXPECT_GT(epci["member_communes"].GetUint(), 30u);
  EXPECT_STREQ(get("/v1/territories/01", 200)["name"].GetString(), "Ain");
  EXPECT_STREQ(get("/v1/territories/01?type=region", 200)["name"].GetString(), "Guadeloupe");
  EXPECT_STREQ(get("/v1/territories/r76", 200)["name"].GetString(), "Occitanie");
  EXPECT_STREQ(get("/v1/territories/99999", 404)["error"]["code"].GetString(), "territoire_inconnu");
}

TEST_F(RecommendE2eTest, SimilarResourcesLeaveTheResourceOut) {
  const auto doc = get("/v1/resources/reco/rex-herault-eclairage/similar?limit=5", 200);
  const auto similar = ids(doc["results"]);
  ASSERT_FALSE(similar.empty());
  EXPECT_FALSE(has(similar, "rex-herault-eclairage"));
  EXPECT_LE(similar.size(), 5u);
  // The closest resources speak of the same thing.
  EXPECT_TRUE(has(similar, "rex-petit-village") || has(similar, "methode-consulter-eclairage") ||
              has(similar, "atelier-passe"));
  EXPECT_STREQ(get("/v1/resources/reco/inconnue/similar", 404)["error"]["code"].GetString(), "ressource_introuvable");
}

}  // namespace
}  // namespace tec
