// Little words: the table that tells them apart finds every word it holds
// and nothing else, whatever bytes the others share with them.
#include "ranking/stopwords.h"

#include <gtest/gtest.h>

#include <string>

namespace tec::ranking {
namespace {

TEST(StopwordsTest, FindsTheLittleWordsOnly) {
  for (const char* word : {"a", "de", "la", "les", "qu", "d", "l", "t", "comment", "lesquelles", "faudrait"}) {
    EXPECT_TRUE(is_stopword(word)) << word;
  }
  for (const char* word : {"", "b", "dé", "lesquellesx", "habitants", "budget", "participation", "quo", "quelx"}) {
    EXPECT_FALSE(is_stopword(word)) << word;
  }
}

TEST(StopwordsTest, AWordSetHoldsWhatItWasGivenAndNothingElse) {
  // Words that share length and first, second and last bytes fall in one
  // slot and its neighbours: each is still told from the others.
  const ShortWordSet set = {"abxa", "abya", "abza", "ab", "a"};
  for (const char* word : {"abxa", "abya", "abza", "ab", "a"}) EXPECT_TRUE(set.contains(word)) << word;
  for (const char* word : {"abwa", "abxb", "abx", "b", "", "abxaa"}) EXPECT_FALSE(set.contains(word)) << word;
  // Every word of 1 to 3 lower-case letters is looked up: none is found
  // but the five, and the lookup ends (the table is never full).
  unsigned found = 0;
  std::string word;
  for (char a = 'a'; a <= 'z'; ++a) {
    found += set.contains(std::string(1, a));
    for (char b = 'a'; b <= 'z'; ++b) {
      found += set.contains(std::string{a, b});
      for (char c = 'a'; c <= 'z'; ++c) found += set.contains(std::string{a, b, c});
    }
  }
  EXPECT_EQ(found, 2u);  // "a" and "ab"
}

}  // namespace
}  // namespace tec::ranking
