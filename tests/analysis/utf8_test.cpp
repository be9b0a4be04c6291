// Strict UTF-8 validation, as the feed reader relies on it.
#include "analysis/utf8.h"

#include <gtest/gtest.h>

namespace tec::analysis {
namespace {

TEST(Utf8, AcceptsFrenchText) {
  EXPECT_FALSE(first_invalid_utf8("Concertation à Saint-Denis — 🏛️ « œuvre »"));
}

TEST(Utf8, ReportsTheFirstBadByte) {
  EXPECT_EQ(first_invalid_utf8("abc\xFF"
                               "def"),
            3u);
  EXPECT_EQ(first_invalid_utf8("caf\xC3"), 3u);           // truncated sequence
  EXPECT_EQ(first_invalid_utf8("\xC0\xAF"), 0u);          // overlong
  EXPECT_EQ(first_invalid_utf8("x\xED\xA0\x80"), 1u);     // surrogate
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(first_invalid_utf8("é\xE9t\xE9"), 2u);        // Latin-1 inside UTF-8
}

}  // namespace
}  // namespace tec::analysis
