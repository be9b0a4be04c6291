// Recommender end to end through the library, on resources written to
// exercise each rule: who gets what, in which order, and why.
#include "recommend/recommender.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "recommend/profile_resolver.h"
#include "test_support.h"

namespace tec::recommend {
namespace {

class RecommenderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(test_support::index_files(dir_->str("index"), {test_support::recommend_corpus_path()}), 0u);
    territories_ =
        new territory::Territories(territory::Territories::load(test_support::source_dir() / "corpus/territories"));
  }
  static void TearDownTestSuite() {
    delete territories_;
    delete dir_;
  }
  void SetUp() override {
    db_ = Xapian::Database(dir_->str("index"));
    lexicon_ = std::make_unique<ranking::Lexicon>(db_, analyzer_);
  }

  Recommendation recommend(const ProfileRequest& request, const std::string& today = "2026-11-27") {
    const CollectivityProfile profile = ProfileResolver(territories_).resolve(request);
    return Recommender(db_, analyzer_, lexicon_.get(), territories_)
        .recommend(profile, {.today = today, .resources = 10, .workshops = 10});
  }

  static std::vector<std::string> ids(const std::vector<RecommendedItem>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(item.id);
    return out;
  }
  static bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static test_support::TempDir* dir_;
  static territory::Territories* territories_;
  Xapian::Database db_;
  analysis::FrenchAnalyzer analyzer_;
  std::unique_ptr<ranking::Lexicon> lexicon_;
};

test_support::TempDir* RecommenderTest::dir_ = nullptr;
territory::Territories* RecommenderTest::territories_ = nullptr;

TEST_F(RecommenderTest, SmallHeraultVillageGetsWhatSuitsIt) {
  const auto result = recommend({.insee = "34164",
                                 .themes = {"éclairage public"},
                                 .need = "consulter les habitants sur l'extinction de l'éclairage la nuit"});
  const auto resources = ids(result.resources);
  EXPECT_TRUE(has(resources, "methode-consulter-eclairage"));
  EXPECT_TRUE(has(resources, "rex-herault-eclairage"));
  EXPECT_TRUE(has(resources, "outil-carte-participative"));
  EXPECT_FALSE(has(resources, "rex-petit-village")) << "capped at 800 inhabitants";
  EXPECT_FALSE(has(resources, "rex-grande-ville")) << "from 20 000 inhabitants";
  EXPECT_FALSE(has(resources, "guide-regional-eclairage")) << "for régions";
  EXPECT_FALSE(has(resources, "rex-reunion-eclairage")) << "tied to La Réunion";
  for (const auto& item : result.resources) EXPECT_NE(item.type, "atelier");
  // Off the themes, met by one common word of the need: listed last.
  ASSERT_TRUE(has(resources, "financement-budget-participatif"));
  EXPECT_EQ(resources.back(), "financement-budget-participatif");
  const auto herault = std::find_if(result.resources.begin(), result.resources.end(),
                                    [](const RecommendedItem& item) { return item.id == "rex-herault-eclairage"; });
  ASSERT_NE(herault, result.resources.end());
  EXPECT_TRUE(has(herault->reasons, "Propre à votre territoire : Hérault"));
  EXPECT_TRUE(has(herault->reasons, "Thème : éclairage public"));
  EXPECT_TRUE(has(herault->reasons, "Adapté aux communes jusqu'à 3\u202f500 habitants"));
}

TEST_F(RecommenderTest, AThemeBringsWhatHoldsAllItsWordsNotOneOfThem) {
  const auto resources = ids(recommend({.insee = "34164", .themes = {"éclairage public"}}).resources);
  EXPECT_TRUE(has(resources, "methode-consulter-eclairage"));
  EXPECT_FALSE(has(resources, "guide-marches-publics")) << "shares \"public\" with the theme, nothing else";
}

TEST_F(RecommenderTest, WorkshopsOnlyWithSessionsStillToCome) {
  const auto result = recommend({.insee = "34164", .themes = {"éclairage public"}});
  const auto workshops = ids(result.workshops);
  EXPECT_FALSE(has(workshops, "atelier-passe"));
  ASSERT_TRUE(has(workshops, "atelier-a-venir"));
  EXPECT_TRUE(has(workshops, "formation-savoie"));
  for (const auto& item : result.workshops) {
    ASSERT_FALSE(item.sessions.empty()) << item.id;
    for (const auto& session : item.sessions) EXPECT_GE(session.date, "2026-11-27") << item.id;
  }
  // Montpellier (same département) before Chambéry (far away).
  EXPECT_EQ(workshops.front(), "atelier-a-venir");
  const auto& near = result.workshops.front();
  EXPECT_EQ(near.sessions.size(), 2u) << "the October session is past";
  EXPECT_TRUE(has(near.reasons, "Session près de chez vous : Montpellier le 14 janvier 2027"));
}

TEST_F(RecommenderTest, PreferringOnlinePutsTheOnlineSessionForward) {
  const auto result = recommend({.insee = "34164", .themes = {"éclairage public"}, .prefers_online = true});
  ASSERT_FALSE(result.workshops.empty());
  EXPECT_TRUE(has(result.workshops.front().reasons, "Prochaine session en ligne le 3 décembre 2026"));
}

TEST_F(RecommenderTest, LaterDateLeavesOnlyLaterSessions) {
  const auto result = recommend({.insee = "34164", .themes = {"éclairage public"}}, "2027-02-01");
  EXPECT_EQ(ids(result.workshops), std::vector<std::string>{"formation-savoie"});
  EXPECT_TRUE(recommend({.insee = "34164", .themes = {"éclairage public"}}, "2027-03-01").workshops.empty());
}

TEST_F(RecommenderTest, EachTerritoryGetsItsOwn) {
  const auto reunion = ids(recommend({.insee = "97411", .themes = {"éclairage public"}}).resources);
  EXPECT_TRUE(has(reunion, "rex-reunion-eclairage"));
  EXPECT_FALSE(has(reunion, "rex-herault-eclairage"));
  EXPECT_FALSE(has(reunion, "rex-petit-village"));
  const auto region = ids(recommend({.region = "76", .themes = {"éclairage public"}}).resources);
  EXPECT_TRUE(has(region, "guide-regional-eclairage"));
  EXPECT_FALSE(has(region, "methode-consulter-eclairage")) << "for communes and EPCI";
}

TEST_F(RecommenderTest, NeedAloneFindsThroughTheSameAnalysisAsSearch) {
  // No accents, a typo, a plural: the need is read like a search.
  const auto result = recommend({.insee = "29256", .need = "finacer un budjet participatif"});
  ASSERT_FALSE(result.resources.empty());
  EXPECT_EQ(result.resources.front().id, "financement-budget-participatif");
}

TEST_F(RecommenderTest, ReasonsNameNeedWordsPastTheQueryCap) {
  // An advisor's long note: its last word lies past the query's word cap
  // (kMaxQueryWords), yet the resource holding it is said to meet it.
  std::string need;
  for (int i = 0; i < 40; ++i) need += "commune ";
  need += "extinction";
  const auto result = recommend({.insee = "34164", .themes = {"éclairage public"}, .need = need});
  const auto method = std::find_if(result.resources.begin(), result.resources.end(), [](const RecommendedItem& item) {
    return item.id == "methode-consulter-eclairage";
  });
  ASSERT_NE(method, result.resources.end());
  const bool named = std::any_of(method->reasons.begin(), method->reasons.end(), [](const std::string& reason) {
    return reason.starts_with("Répond au besoin exprimé : ") && reason.find("extinction") != std::string::npos;
  });
  EXPECT_TRUE(named);
}

TEST_F(RecommenderTest, EveryItemExplainsItsScore) {
  const auto result = recommend({.insee = "34164",
                                 .themes = {"éclairage public"},
                                 .participation_level = "consulter",
                                 .audiences = {"habitants"},
                                 .maturity = "debutant"});
  for (const auto* list : {&result.resources, &result.workshops}) {
    ASSERT_FALSE(list->empty());
    for (std::size_t i = 0; i < list->size(); ++i) {
      EXPECT_FALSE((*list)[i].reasons.empty()) << (*list)[i].id;
      EXPECT_GT((*list)[i].score, 0) << (*list)[i].id;
    }
  }
}

}  // namespace
}  // namespace tec::recommend
