// WordBreaker's fast reading finds the same words as ICU's iterator: on real
// French text, on random strings of the characters it reads itself, and on
// text it leaves to ICU.
#include "analysis/word_breaker.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <random>
#include <string>
#include <vector>

#include "test_support.h"

namespace tec::analysis {

bool operator==(const WordSpan& a, const WordSpan& b) { return a.begin == b.begin && a.end == b.end; }

namespace {

std::string utf8(char32_t c) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

// The words of both readings from the first where they differ.
std::string hex(std::string_view text) {
  std::string out;
  for (const unsigned char c : text) out += "0123456789ABCDEF"[c >> 4], out += "0123456789ABCDEF"[c & 15], out += ' ';
  return out;
}

std::string shown(std::string_view text, const std::vector<WordSpan>& words, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < words.size() && i < from + 5; ++i) {
    out += "[" + std::string(text.substr(words[i].begin, words[i].end - words[i].begin)) + "]";
  }
  return out;
}

void expect_same_words(WordBreaker& breaker, std::string_view text) {
  std::vector<WordSpan> fast, icu;
  breaker.words(text, fast);
  breaker.icu_words(text, icu);
  if (fast == icu) return;
  std::size_t same = 0;
  while (same < fast.size() && same < icu.size() && fast[same] == icu[same]) ++same;
  ADD_FAILURE() << "text: " << text.substr(0, 200) << "\nbytes: " << hex(text.substr(0, 40))
                << "\nfast: " << shown(text, fast, same) << "\nICU:  " << shown(text, icu, same);
}

TEST(WordBreakerTest, RealTextReadAsIcuReadsIt) {
  WordBreaker breaker;
  std::size_t words = 0;
  for (const std::string& feed : test_support::real_feed_texts()) {
    std::size_t begin = 0;
    for (std::size_t end; (end = feed.find('\n', begin)) != std::string::npos; begin = end + 1) {
      const std::string_view line = std::string_view(feed).substr(begin, end - begin);
      expect_same_words(breaker, line);
      std::vector<WordSpan> found;
      breaker.words(line, found);
      words += found.size();
    }
  }
  EXPECT_GT(words, 50000u);  // the bundled feeds alone hold 52,000
}

// Strings of the characters whose reading is the breaker's own, those that
// decide where words end drawn most often, and some that send the text to ICU.
TEST(WordBreakerTest, RandomStringsReadAsIcuReadsThem) {
  const std::u32string decisive =
      U"aZé9É0œ_'’‘.·,;:@-‐–— "
      U"\u00A0\u202F\n\t\"«»…#&/%+ªµ²¹½×÷©®¿\u2024\u2027\u201B\u2044\u203F\u00AD\u0301\u0327\u200D\u2060";
  std::vector<char32_t> any;
  for (char32_t c = 1; c < 0x0370; ++c) any.push_back(c);
  for (char32_t c = 0x2000; c < 0x20D0; ++c) any.push_back(c);
  std::mt19937 random(20261207);
  std::uniform_int_distribution<std::size_t> length(1, 9), pick_decisive(0, decisive.size() - 1),
      pick_any(0, any.size() - 1), coin(0, 3);
  WordBreaker breaker;
  for (int i = 0; i < 200000; ++i) {
    std::string text;
    for (std::size_t n = length(random); n > 0; --n) {
      text += utf8(coin(random) == 0 ? any[pick_any(random)] : decisive[pick_decisive(random)]);
    }
    expect_same_words(breaker, text);
    if (testing::Test::HasFailure()) break;
  }
}

TEST(WordBreakerTest, DecomposedAccentsEmojiAndOtherScripts) {
  WordBreaker breaker;
  for (const char* text : {"e\u0301lu·e·s et citoyen\u0301", "l\u2019\u0301e\u0301lu", "atelier 👍 réussi",
                           "co\u00ADconstruction", "東京 et Paris"}) {
    expect_same_words(breaker, text);
  }
  std::vector<WordSpan> words;
  breaker.words("e\u0301lus du conseil", words);
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].end, 6u);  // the combining accent belongs to its word
}

}  // namespace
}  // namespace tec::analysis
