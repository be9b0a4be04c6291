// UTF-8 validation (see utf8.h).
#include "analysis/utf8.h"

namespace tec::analysis {

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    code_point_at(text, i, length);
    if (length == 0) return i;
  }
  return std::nullopt;
}

}  // namespace tec::analysis
