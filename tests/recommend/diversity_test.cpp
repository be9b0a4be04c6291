// Diversity: the top ten mixes types when other types are available.
#include "recommend/diversity.h"

#include <gtest/gtest.h>

#include <map>

#include "recommend/recommend_params.h"

namespace tec::recommend {
namespace {

TEST(DiversityTest, OneTypeCannotFillTheTopTen) {
  std::vector<Ranked> items;
  for (int i = 0; i < 12; ++i) items.push_back({"methode", 10.0 - i * 0.01});
  for (int i = 0; i < 6; ++i) items.push_back({"guide", 2.0 - i * 0.01});
  for (int i = 0; i < 6; ++i) items.push_back({"outil", 1.5 - i * 0.01});
  const auto order = diversified_order(items, 10);
  ASSERT_EQ(order.size(), 10u);
  std::map<std::string, std::size_t> count;
  for (std::size_t i : order) ++count[items[i].type];
  EXPECT_EQ(count["methode"], kMaxSameTypeInTopTen);
  EXPECT_LE(count["guide"], kMaxSameTypeInTopTen);
  EXPECT_GE(count["outil"], 10 - 2 * kMaxSameTypeInTopTen);
  EXPECT_EQ(order.front(), 0u);
}

TEST(DiversityTest, CapGivesWayWhenEveryOtherTypeIsCapped) {
  std::vector<Ranked> items;
  for (int i = 0; i < 12; ++i) items.push_back({"methode", 10.0 - i * 0.01});
  for (int i = 0; i < 6; ++i) items.push_back({"guide", 2.0 - i * 0.01});
  std::map<std::string, std::size_t> count;
  for (std::size_t i : diversified_order(items, 10)) ++count[items[i].type];
  EXPECT_EQ(count["methode"] + count["guide"], 10u);
  EXPECT_GE(count["guide"], kMaxSameTypeInTopTen);
}

TEST(DiversityTest, OneTypeAloneStillFillsTheList) {
  std::vector<Ranked> items(7, {"outil", 1.0});
  EXPECT_EQ(diversified_order(items, 10).size(), 7u);
}

TEST(DiversityTest, CloseScoresAlternateTypes) {
  const std::vector<Ranked> items = {{"methode", 5.0}, {"methode", 4.9}, {"guide", 4.8}};
  EXPECT_EQ(diversified_order(items, 3), (std::vector<std::size_t>{0, 2, 1}));
}

TEST(DiversityTest, FarBetterScoresKeepTheirPlace) {
  const std::vector<Ranked> items = {{"methode", 9.0}, {"methode", 8.5}, {"guide", 2.0}};
  EXPECT_EQ(diversified_order(items, 3), (std::vector<std::size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace tec::recommend
