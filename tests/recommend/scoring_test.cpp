// Scoring parts: each gives points with a reason an advisor can read out,
// and nothing when it does not apply.
#include "recommend/scoring.h"

#include <gtest/gtest.h>

#include "recommend/recommend_params.h"
#include "test_support.h"

namespace tec::recommend {
namespace {

const territory::Territories& reference() {
  static const auto territories = territory::Territories::load(test_support::source_dir() / "corpus/territories");
  return territories;
}

class ScoringTest : public ::testing::Test {
 protected:
  ScoringTest() {
    profile.territory_type = "commune";
    profile.population = 1000;
    profile.departement = "34";
    profile.departement_name = "Hérault";
    profile.region = "76";
    profile.region_name = "Occitanie";
    profile.territory_codes = {"34", "r76"};
  }
  ScoringContext context() { return {profile, "2026-11-27", &reference(), analyzer}; }

  CollectivityProfile profile;
  analysis::FrenchAnalyzer analyzer;
};

SessionFacts session(std::string date, bool online, std::string departement = "", std::string location = "") {
  SessionFacts s;
  s.start = date;
  s.date = date;
  s.online = online;
  s.departement = std::move(departement);
  s.location = std::move(location);
  return s;
}

TEST_F(ScoringTest, ThemesCountAsAShareOfTheProfileThemes) {
  profile.themes = {"Éclairage public", "mobilités"};
  ResourceFacts facts;
  facts.themes = {"éclairage public", "énergie"};
  const ScorePart one = theme_part(facts, context());
  EXPECT_DOUBLE_EQ(one.points, kThemePoints / 2);
  EXPECT_EQ(one.reason, "Thème : éclairage public");
  facts.themes.push_back("mobilités");
  const ScorePart both = theme_part(facts, context());
  EXPECT_DOUBLE_EQ(both.points, kThemePoints);
  EXPECT_EQ(both.reason, "Thèmes : éclairage public, mobilités");
  // A theme within the other counts for part.
  profile.themes = {"éclairage"};
  EXPECT_DOUBLE_EQ(theme_part(facts, context()).points, kThemePoints * kThemePartialShare);
  profile.themes = {"santé"};
  EXPECT_EQ(theme_part(facts, context()).points, 0);
  EXPECT_TRUE(theme_part(facts, context()).reason.empty());
}

TEST_F(ScoringTest, NeedNamesTheWordsFound) {
  const ScorePart part = need_part({{"extinction", "éclairage"}, 0.5, 1.0});
  EXPECT_DOUBLE_EQ(part.points, kNeedWordsPoints * 0.5 + kNeedWeightPoints);
  EXPECT_EQ(part.reason, "Répond au besoin exprimé : extinction, éclairage");
  EXPECT_EQ(need_part({}).points, 0);
}

TEST_F(ScoringTest, ExactLevelBeatsAdjacentRung) {
  profile.participation_level = "consulter";
  ResourceFacts facts;
  facts.participation_levels = {"consulter"};
  EXPECT_DOUBLE_EQ(level_part(facts, context()).points, kLevelExactPoints);
  EXPECT_EQ(level_part(facts, context()).reason, "Niveau de participation visé : consulter");
  facts.participation_levels = {"concerter"};
  EXPECT_DOUBLE_EQ(level_part(facts, context()).points, kLevelAdjacentPoints);
  EXPECT_EQ(level_part(facts, context()).reason, "Niveau de participation voisin : concerter (visé : consulter)");
  facts.participation_levels = {"co-decider"};
  EXPECT_EQ(level_part(facts, context()).points, 0);
}

TEST_F(ScoringTest, SharedAudiences) {
  profile.audiences = {"habitants", "Élus"};
  ResourceFacts facts;
  facts.audiences = {"elus", "agents"};
  EXPECT_DOUBLE_EQ(audience_part(facts, context()).points, kAudiencePoints);
  EXPECT_EQ(audience_part(facts, context()).reason, "Public : elus");
}

TEST_F(ScoringTest, MaturityFollowsTheLadder) {
  ResourceFacts first_steps;
  first_steps.participation_levels = {"informer", "consulter"};
  ResourceFacts advanced;
  advanced.participation_levels = {"co-decider"};
  profile.maturity = "debutant";
  EXPECT_GT(maturity_part(first_steps, context()).points, 0);
  EXPECT_EQ(maturity_part(advanced, context()).points, 0);
  profile.maturity = "avance";
  EXPECT_EQ(maturity_part(first_steps, context()).points, 0);
  EXPECT_EQ(maturity_part(advanced, context()).reason, "Pour une collectivité déjà expérimentée");
}

TEST_F(ScoringTest, SizeReasonSaysTheRange) {
  ResourceFacts facts;
  facts.territory_types = {"commune"};
  facts.population_max = 2000;
  const ScorePart part = size_part(facts, context());
  EXPECT_DOUBLE_EQ(part.points, kSizePoints);
  EXPECT_EQ(part.reason, "Adapté aux communes jusqu'à 2\u202f000 habitants");
  facts.population_min = 500;
  EXPECT_EQ(size_part(facts, context()).reason, "Adapté aux communes de 500 à 2\u202f000 habitants");
  EXPECT_EQ(size_part(ResourceFacts{}, context()).points, 0);
}

TEST_F(ScoringTest, TerritoryTieNamesThePlace) {
  ResourceFacts facts;
  facts.territories = {"34"};
  EXPECT_DOUBLE_EQ(territory_part(facts, context()).points, kTerritoryPoints);
  EXPECT_EQ(territory_part(facts, context()).reason, "Propre à votre territoire : Hérault");
  facts.territories = {"r76"};
  EXPECT_DOUBLE_EQ(territory_part(facts, context()).points, kRegionPoints);
  EXPECT_EQ(territory_part(facts, context()).reason, "Propre à votre territoire : Occitanie");
}

TEST_F(ScoringTest, SessionsNearbyBeforeOnlineBeforeFar) {
  ResourceFacts atelier;
  atelier.type = "atelier";
  atelier.sessions = {session("2027-01-10", false, "34", "Montpellier")};
  const ScorePart same_departement = session_part(atelier, context());
  EXPECT_EQ(same_departement.reason, "Session près de chez vous : Montpellier le 10 janvier 2027");
  atelier.sessions = {session("2027-01-10", false, "31", "Toulouse")};
  const ScorePart same_region = session_part(atelier, context());
  EXPECT_EQ(same_region.reason, "Session dans votre région : Toulouse le 10 janvier 2027");
  atelier.sessions = {session("2026-12-03", true)};
  const ScorePart online = session_part(atelier, context());
  EXPECT_EQ(online.reason, "Prochaine session en ligne le 3 décembre 2026");
  atelier.sessions = {session("2027-01-10", false, "73", "Chambéry")};
  const ScorePart far = session_part(atelier, context());
  EXPECT_GT(same_departement.points, same_region.points);
  EXPECT_GT(same_region.points, online.points);
  EXPECT_GT(online.points, far.points);
  // Past sessions give nothing.
  atelier.sessions = {session("2026-01-10", false, "34", "Montpellier")};
  EXPECT_EQ(session_part(atelier, context()).points, 0);
}

TEST_F(ScoringTest, PreferringOnlineLiftsOnlineSessions) {
  ResourceFacts atelier;
  atelier.type = "atelier";
  atelier.sessions = {session("2026-12-03", true)};
  const double usual = session_part(atelier, context()).points;
  profile.prefers_online = true;
  EXPECT_GT(session_part(atelier, context()).points, usual);
  ResourceFacts remote;
  remote.type = "outil";
  remote.format = "distanciel";
  EXPECT_EQ(online_part(remote, context()).reason, "Accessible à distance");
}

TEST_F(ScoringTest, TotalIsTheSumOfItsExplainedParts) {
  profile.themes = {"éclairage public"};
  profile.participation_level = "consulter";
  ResourceFacts facts;
  facts.themes = {"éclairage public"};
  facts.participation_levels = {"consulter"};
  facts.territories = {"34"};
  const Score s = score(facts, {{"extinction"}, 1.0, 1.0}, context());
  double sum = 0;
  for (const ScorePart& part : s.parts) {
    EXPECT_FALSE(part.reason.empty());
    sum += part.points;
  }
  EXPECT_DOUBLE_EQ(s.total, sum);
  ASSERT_EQ(s.parts.size(), 4u);
  EXPECT_EQ(s.parts.front().reason, "Répond au besoin exprimé : extinction");
}

TEST(FrenchFormatTest, DatesAndNumbers) {
  EXPECT_EQ(french_date("2026-12-03"), "3 décembre 2026");
  EXPECT_EQ(french_date("2027-01-01T10:00"), "1er janvier 2027");
  EXPECT_EQ(french_number(950), "950");
  EXPECT_EQ(french_number(1234567), "1\u202f234\u202f567");
}

}  // namespace
}  // namespace tec::recommend
