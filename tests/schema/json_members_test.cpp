// The member readers shared by the indexer, the recommender and the peers:
// a member absent or of another type reads as empty.
#include "schema/json_members.h"

#include <gtest/gtest.h>

namespace tec::schema {
namespace {

// One record holding, for each reader, a member of its type and members of
// other types.
class JsonMembers : public ::testing::Test {
 protected:
  void SetUp() override {
    record_.Parse(R"({"title": "Budget participatif", "id": 7, "themes": ["mobilité", 3, "eau"],
                      "population_min": 2000, "population_max": 1.5, "seats_left": "3",
                      "online": true, "open": false, "free": "true", "paid": 1})");
    ASSERT_FALSE(record_.HasParseError());
  }
  rapidjson::Document record_;
};

TEST_F(JsonMembers, StringMemberIsEmptyWhenAbsentOrNotAString) {
  EXPECT_EQ(string_member(record_, "title"), "Budget participatif");
  EXPECT_EQ(string_member(record_, "id"), "");
  EXPECT_EQ(string_member(record_, "summary"), "");
}

TEST_F(JsonMembers, StringListMemberLeavesOutItemsThatAreNotStrings) {
  EXPECT_EQ(string_list_member(record_, "themes"), (std::vector<std::string>{"mobilité", "eau"}));
  EXPECT_TRUE(string_list_member(record_, "title").empty());
  EXPECT_TRUE(string_list_member(record_, "audiences").empty());
}

TEST_F(JsonMembers, IntegerMemberIsNulloptWhenAbsentOrNotAnInteger) {
  EXPECT_EQ(integer_member(record_, "population_min"), 2000);
  EXPECT_EQ(integer_member(record_, "population_max"), std::nullopt);
  EXPECT_EQ(integer_member(record_, "seats_left"), std::nullopt);
  EXPECT_EQ(integer_member(record_, "absent"), std::nullopt);
}

TEST_F(JsonMembers, TrueMemberOnlyForTheValueTrue) {
  EXPECT_TRUE(true_member(record_, "online"));
  EXPECT_FALSE(true_member(record_, "open"));
  EXPECT_FALSE(true_member(record_, "free"));
  EXPECT_FALSE(true_member(record_, "paid"));
  EXPECT_FALSE(true_member(record_, "absent"));
}

}  // namespace
}  // namespace tec::schema
