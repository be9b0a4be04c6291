// Hard rules: each rule on its own, and the Xapian prefilter agreeing with
// the rules as stated on every document of the test corpus.
#include "recommend/hard_rules.h"

#include <gtest/gtest.h>

#include <set>

#include "recommend/profile_resolver.h"
#include "test_support.h"

namespace tec::recommend {
namespace {

CollectivityProfile commune(std::int64_t population, std::string departement = "34", std::string region = "76") {
  CollectivityProfile profile;
  profile.territory_type = "commune";
  profile.population = population;
  profile.departement = departement;
  profile.region = region;
  profile.territory_codes = {departement, "r" + region};
  return profile;
}

ResourceFacts resource(std::string type = "methode") {
  ResourceFacts facts;
  facts.id = "r";
  facts.type = std::move(type);
  return facts;
}

SessionFacts session(std::string start) {
  SessionFacts s;
  s.start = start;
  s.date = start.substr(0, 10);
  return s;
}

TEST(HardRulesTest, WorkshopNeedsASessionStillToCome) {
  ResourceFacts atelier = resource("atelier");
  EXPECT_EQ(exclusion(atelier, commune(1000), "2026-11-27"), "aucune session à venir");
  atelier.sessions = {session("2026-03-01"), session("2026-11-26T18:00")};
  EXPECT_TRUE(exclusion(atelier, commune(1000), "2026-11-27"));
  atelier.sessions.push_back(session("2026-11-27T09:00"));
  EXPECT_FALSE(exclusion(atelier, commune(1000), "2026-11-27")) << "a session on the day itself is still to come";
  EXPECT_TRUE(exclusion(atelier, commune(1000), "2026-11-28"));
  // Other types need no session.
  EXPECT_FALSE(exclusion(resource("guide"), commune(1000), "2026-11-27"));
}

TEST(HardRulesTest, UpcomingSessionsAreSortedAndFuture) {
  ResourceFacts formation = resource("formation");
  formation.sessions = {session("2027-02-01"), session("2026-01-10"), session("2026-12-03T10:00")};
  const auto upcoming = upcoming_sessions(formation, "2026-11-27");
  ASSERT_EQ(upcoming.size(), 2u);
  EXPECT_EQ(upcoming[0]->start, "2026-12-03T10:00");
  EXPECT_EQ(upcoming[1]->start, "2027-02-01");
}

TEST(HardRulesTest, PopulationBoundsExclude) {
  ResourceFacts small = resource();
  small.population_max = 2000;
  EXPECT_FALSE(exclusion(small, commune(2000), "2026-11-27"));
  EXPECT_TRUE(exclusion(small, commune(2001), "2026-11-27"));
  ResourceFacts large = resource();
  large.population_min = 10000;
  EXPECT_TRUE(exclusion(large, commune(9999), "2026-11-27"));
  EXPECT_FALSE(exclusion(large, commune(10000), "2026-11-27"));
  // Unknown population: the bounds cannot be checked and do not exclude.
  CollectivityProfile unknown = commune(0);
  unknown.population.reset();
  EXPECT_FALSE(exclusion(small, unknown, "2026-11-27"));
}

TEST(HardRulesTest, TerritoryTypesExclude) {
  ResourceFacts regional = resource();
  regional.territory_types = {"region"};
  EXPECT_TRUE(exclusion(regional, commune(1000), "2026-11-27"));
  regional.territory_types = {"commune", "region"};
  EXPECT_FALSE(exclusion(regional, commune(1000), "2026-11-27"));
}

TEST(HardRulesTest, ResourcesOfOtherTerritoriesAreLeftOut) {
  ResourceFacts reunion = resource();
  reunion.territories = {"974"};
  EXPECT_TRUE(exclusion(reunion, commune(1000), "2026-11-27"));
  EXPECT_FALSE(exclusion(reunion, commune(150000, "974", "04"), "2026-11-27"));
  ResourceFacts occitanie = resource();
  occitanie.territories = {"r76"};
  EXPECT_FALSE(exclusion(occitanie, commune(1000, "34", "76"), "2026-11-27"));
  EXPECT_TRUE(exclusion(occitanie, commune(1000, "73", "84"), "2026-11-27"));
}

// The prefilter must keep exactly the documents the stated rules keep.
TEST(HardRulesTest, PrefilterAgreesWithTheRules) {
  test_support::TempDir dir;
  ASSERT_EQ(test_support::index_files(dir.str("index"),
                                      {test_support::test_corpus_path(), test_support::recommend_corpus_path()}),
            0u);
  const Xapian::Database db(dir.str("index"));
  analysis::FrenchAnalyzer analyzer;
  const auto territories = territory::Territories::load(test_support::source_dir() / "corpus/territories");
  const ProfileResolver resolver(&territories);
  const std::vector<CollectivityProfile> profiles = {resolver.resolve({.insee = "34164"}),
                                                     resolver.resolve({.insee = "97411"}),
                                                     resolver.resolve({.insee = "73065"}),
                                                     resolver.resolve({.siren = "200040293"}),
                                                     resolver.resolve({.region = "53"}),
                                                     resolver.resolve({.departement = "34"}),
                                                     resolver.resolve({.territory_type = "commune", .population = 300}),
                                                     CollectivityProfile{}};
  for (const std::string today : {"2026-01-01", "2026-11-27", "2027-01-15", "2030-01-01"}) {
    for (const CollectivityProfile& profile : profiles) {
      for (const bool workshops : {false, true}) {
        Xapian::Enquire enquire(db);
        enquire.set_query(prefilter(profile, today, workshops, analyzer));
        const Xapian::MSet kept = enquire.get_mset(0, db.get_doccount());
        std::set<Xapian::docid> kept_ids;
        for (auto it = kept.begin(); it != kept.end(); ++it) kept_ids.insert(*it);
        for (Xapian::docid id = 1; id <= db.get_lastdocid(); ++id) {
          const auto facts = facts_of(db.get_document(id).get_data());
          ASSERT_TRUE(facts);
          const bool stated = is_workshop(facts->type) == workshops && !exclusion(*facts, profile, today);
          EXPECT_EQ(kept_ids.contains(id), stated) << facts->id << " for " << profile.name << " on " << today;
        }
      }
    }
  }
}

}  // namespace
}  // namespace tec::recommend
