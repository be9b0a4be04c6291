// Hashing for string-keyed unordered containers looked up by std::string_view
// (C++20 heterogeneous lookup): the analyzer hands words over as views, and
// looking one up must not copy it into a std::string first.
#pragma once

#include <functional>
#include <string_view>

namespace tec::analysis {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace tec::analysis
