// UTF-8 validation, shared by the feed reader (which must reject invalid text
// with a precise position) and by code that must never hand ICU broken input.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tec::analysis {

// Offset of the first byte that is not part of a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed),
// or nullopt when the whole text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

}  // namespace tec::analysis
