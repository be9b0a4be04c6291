// LatinFolding converts a word a character at a time exactly as ICU converts
// it whole: checked on random words of the characters its table covers, with
// ICU's case folding and accent stripping as the conversions.
#include "analysis/latin_folding.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <random>
#include <vector>

namespace tec::analysis {
namespace {

std::string icu_case_fold(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  casefold->normalize(icu::UnicodeString::fromUTF8(std::string(word)), status).toUTF8String(out);
  return out;
}

// Accents dropped, and "œ" written "oe": enough to show that a character's
// expansion pastes correctly between its neighbours.
std::string icu_strip(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(std::string(word)), status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (c == 0x0153) {
      kept.append(u"oe");
    } else if (u_charType(c) != U_NON_SPACING_MARK) {
      kept.append(c);
    }
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

TEST(LatinFoldingTest, WordsConvertedAsIcuConvertsThemWhole) {
  const LatinFolding folding(icu_case_fold, icu_strip);
  std::vector<std::string> characters;
  for (char32_t c = 1; c < 0x0250; ++c) {
    std::string utf8;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(utf8);
    characters.push_back(utf8);
  }
  for (const char* apostrophe : {"\u02BC", "\u2018", "\u2019"}) characters.emplace_back(apostrophe);
  std::mt19937 random(20261207);
  std::uniform_int_distribution<std::size_t> length(1, 8), pick(0, characters.size() - 1);
  std::size_t converted = 0;
  for (int i = 0; i < 100000; ++i) {
    std::string word;
    for (std::size_t n = length(random); n > 0; --n) word += characters[pick(random)];
    std::string lowered, folded;
    if (folding.lower(word, lowered)) {
      ASSERT_EQ(lowered, icu_case_fold(word)) << word;
      ++converted;
    }
    if (folding.fold(word, folded)) {
      ASSERT_EQ(folded, icu_strip(word)) << word;
    }
  }
  EXPECT_GT(converted, 50000u);  // most words are read from the table, not left to ICU
}

TEST(LatinFoldingTest, FrenchLettersReadFromTheTable) {
  const LatinFolding folding(icu_case_fold, icu_strip);
  std::string out;
  ASSERT_TRUE(folding.lower("ÉLUS·ŒUVRE’S", out));
  EXPECT_EQ(out, "élus·œuvre’s");
  ASSERT_TRUE(folding.fold("élus·œuvre", out));
  EXPECT_EQ(out, "elus·oeuvre");
  EXPECT_FALSE(folding.fold("e\u0301lus", out));  // a combining accent is left to ICU
  EXPECT_FALSE(folding.lower("東京", out));
}

}  // namespace
}  // namespace tec::analysis
