// LatinFolding: the lower case and the accent-free form of words written in
// Latin letters, a character at a time from a table, instead of a round trip
// through ICU's UTF-16 normalizers for every accented word.
//
// The table is not written by hand: each character's forms are asked once of
// the ICU conversions it stands in for, so both always agree. It covers the
// characters below U+0250 and the apostrophes "ʼ", "‘" and "’"; a character
// whose lower case ICU would write with a combining mark, or which is outside
// the table, makes the caller fall back to ICU for the whole word.
// Character by character is exact here: no two of these characters compose.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace tec::analysis {

class LatinFolding {
 public:
  using Conversion = std::function<std::string(std::string_view)>;

  // `lower`: NFKC case folding as the analyzer does it; `fold`: its accent
  // folding of lower-cased text.
  LatinFolding(const Conversion& lower, const Conversion& fold);

  // `word` lower-cased into `out`; false when a character is not in the table.
  bool lower(std::string_view word, std::string& out) const { return convert(word, lowered_, out); }

  // Lower-cased text `lowered` without its accents into `out`; false as above.
  bool fold(std::string_view lowered, std::string& out) const { return convert(lowered, folded_, out); }

 private:
  struct Form {
    std::array<char, 7> bytes{};
    std::uint8_t size = 0;
    bool known = false;  // false: left to ICU
  };
  static constexpr std::size_t kForms = 0x0250 + 3;  // then U+02BC, U+2018, U+2019
  using Forms = std::array<Form, kForms>;

  static bool convert(std::string_view word, const Forms& forms, std::string& out);

  Forms lowered_;
  Forms folded_;
};

}  // namespace tec::analysis
