// Implementation of LatinFolding (see latin_folding.h).
#include "analysis/latin_folding.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "analysis/utf8.h"

namespace tec::analysis {
namespace {

constexpr std::array<char32_t, 3> kApostrophes = {0x02BC, 0x2018, 0x2019};
constexpr std::size_t kLatinEnd = 0x0250;

// Whether `text` holds a combining mark, which may compose with or move
// around its neighbours: such a form cannot be pasted next to another.
bool has_mark(const std::string& text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (u_getCombiningClass(c) != 0 || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) return true;
    i += U16_LENGTH(c);
  }
  return false;
}

// Index in the table of the character at word[i], and its byte length; the
// length is 0 when the character is not in the table.
std::size_t index_of(std::string_view word, std::size_t i, std::size_t& length) {
  const char32_t c = code_point_at(word, i, length);
  if (c < kLatinEnd) return c;
  for (std::size_t a = 0; a < kApostrophes.size(); ++a) {
    if (c == kApostrophes[a]) return kLatinEnd + a;
  }
  length = 0;
  return 0;
}

}  // namespace

LatinFolding::LatinFolding(const Conversion& lower, const Conversion& fold) {
  for (std::size_t i = 0; i < kForms; ++i) {
    const char32_t c = i < kLatinEnd ? static_cast<char32_t>(i) : kApostrophes[i - kLatinEnd];
    std::string character;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(character);
    const auto fill = [&](Form& form, const std::string& converted) {
      if (converted.size() > form.bytes.size() || has_mark(converted)) return;
      converted.copy(form.bytes.data(), converted.size());
      form.size = static_cast<std::uint8_t>(converted.size());
      form.known = true;
    };
    fill(lowered_[i], lower(character));
    fill(folded_[i], fold(character));
  }
}

bool LatinFolding::convert(std::string_view word, const Forms& forms, std::string& out) {
  out.clear();
  for (std::size_t i = 0, length = 0; i < word.size(); i += length) {
    const std::size_t index = index_of(word, i, length);
    if (length == 0 || !forms[index].known) return false;
    out.append(forms[index].bytes.data(), forms[index].size);
  }
  return true;
}

}  // namespace tec::analysis
