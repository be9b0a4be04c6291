// Cohorts: groups of 4 or 5 of one kind, close in size and place; what fits
// no group is set apart; the reasons say why they belong together.
#include "peers/cohorts.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace tec::peers {
namespace {

using territory::Territory;
using territory::TerritoryKind;

const territory::Territories& reference() {
  static const auto territories = territory::Territories::load(test_support::source_dir() / "corpus/territories");
  return territories;
}

std::vector<const Territory*> places(std::initializer_list<const char*> codes) {
  std::vector<const Territory*> out;
  for (const char* code : codes) out.push_back(reference().find_code(code));
  return out;
}

std::vector<std::string> codes_of(const std::vector<const Territory*>& list) {
  std::vector<std::string> out;
  for (const Territory* t : list) out.push_back(t->code);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CohortsTest, GroupsCloseVillagesAndSetsApartTheOthers) {
  // Four Hérault villages of about 1,000 inhabitants within 10 km of each
  // other; a Breton village of 223; Montpellier; an EPCI alone of its kind.
  const auto plan = group_cohorts(places({"34164", "34242", "34248", "34296", "29261", "34172", "200040293"}),
                                  reference(), {"éclairage public"});
  ASSERT_EQ(plan.cohorts.size(), 1u);
  EXPECT_EQ(codes_of(plan.cohorts[0].members), (std::vector<std::string>{"34164", "34242", "34248", "34296"}));
  EXPECT_EQ(codes_of(plan.unassigned), (std::vector<std::string>{"200040293", "29261", "34172"}));
  const auto& reasons = plan.cohorts[0].reasons;
  ASSERT_GE(reasons.size(), 3u);
  EXPECT_EQ(reasons[0], "4 communes de 984 à 1 246 habitants");
  EXPECT_EQ(reasons[1].rfind("Au plus ", 0), 0u);
  EXPECT_EQ(reasons[2], "Même département : Hérault");
  EXPECT_EQ(reasons.back(), "Thème commun : éclairage public");
}

TEST(CohortsTest, NeverMixesKinds) {
  // Four EPCI and four communes: two groups, each of one kind, or none.
  const auto plan =
      group_cohorts(places({"34164", "34242", "34248", "34296", "243400694", "243400017", "200017341", "200066355"}),
                    reference(), {});
  EXPECT_FALSE(plan.cohorts.empty());
  for (const Cohort& cohort : plan.cohorts) {
    for (const Territory* t : cohort.members) EXPECT_EQ(t->kind, cohort.members.front()->kind);
  }
}

TEST(CohortsTest, TwoClustersMakeTwoCohorts) {
  // Four Hérault villages of about 1,000 inhabitants and four villages of
  // 1,300 to 1,900 around Lapoutroie (Haut-Rhin), each within 15 km.
  const auto plan =
      group_cohorts(places({"34164", "34242", "34248", "34296", "68175", "68097", "68005", "68026"}), reference(), {});
  ASSERT_EQ(plan.cohorts.size(), 2u);
  EXPECT_TRUE(plan.unassigned.empty());
  for (const Cohort& cohort : plan.cohorts) {
    for (const Territory* t : cohort.members) EXPECT_EQ(t->departement, cohort.members.front()->departement);
  }
}

TEST(CohortsTest, FewerThanFourFitNoGroup) {
  const auto plan = group_cohorts(places({"34164", "34242", "34248"}), reference(), {});
  EXPECT_TRUE(plan.cohorts.empty());
  EXPECT_EQ(plan.unassigned.size(), 3u);
}

TEST(CohortsTest, AGroupHoldsAtMostFive) {
  // Eight villages of 750 to 1,400 inhabitants within 8 km of Montaud.
  const auto plan =
      group_cohorts(places({"34164", "34242", "34265", "34110", "34248", "34014", "34296", "34290"}), reference(), {});
  EXPECT_FALSE(plan.cohorts.empty());
  for (const Cohort& cohort : plan.cohorts) {
    EXPECT_GE(cohort.members.size(), 4u);
    EXPECT_LE(cohort.members.size(), 5u);
  }
}

}  // namespace
}  // namespace tec::peers
