// ResponseCache: the most recently used answers are kept, up to capacity.
#include "searchd/response_cache.h"

#include <gtest/gtest.h>

namespace tec::searchd {
namespace {

TEST(ResponseCacheTest, KeepsTheMostRecentlyUsedUpToCapacity) {
  ResponseCache<std::string> cache(2);
  cache.insert("a", std::make_shared<const std::string>("A"));
  cache.insert("b", std::make_shared<const std::string>("B"));
  ASSERT_TRUE(cache.find("a"));  // "a" is now the most recently used
  cache.insert("c", std::make_shared<const std::string>("C"));
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_FALSE(cache.find("b"));
  EXPECT_EQ(*cache.find("a"), "A");
  EXPECT_EQ(*cache.find("c"), "C");
  cache.insert("c", std::make_shared<const std::string>("C2"));
  EXPECT_EQ(*cache.find("c"), "C2");
  EXPECT_EQ(cache.size(), 2u);
}

TEST(ResponseCacheTest, ZeroCapacityKeepsNothing) {
  ResponseCache<std::string> cache(0);
  cache.insert("a", std::make_shared<const std::string>("A"));
  EXPECT_FALSE(cache.find("a"));
  EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace tec::searchd
