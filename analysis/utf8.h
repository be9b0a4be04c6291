// UTF-8 reading and validation (RFC 3629), shared by the feed reader (which
// must reject invalid text with a precise position), by code that must never
// hand ICU broken input, and by the analyzer's fast paths. Written out because
// ICU's converters substitute rather than report.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tec::analysis {

// The code point that starts at byte `at` of `text`, its length in bytes into
// `length`; length 0 when no well-formed sequence starts there (overlong
// forms, surrogates and code points above U+10FFFF are ill-formed).
inline char32_t code_point_at(std::string_view text, std::size_t at, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[at + k]); };
  const unsigned char lead = byte(0);
  length = 0;
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  std::size_t size;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  char32_t c;
  if (lead >= 0xC2 && lead <= 0xDF) {
    size = 2, c = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    size = 3, c = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    size = 4, c = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (at + size > text.size() || byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 1; k < size; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(k) & 0x3F);
  }
  length = size;
  return c;
}

// Offset of the first byte that is not part of a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed),
// or nullopt when the whole text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace tec::analysis
