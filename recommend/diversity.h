// Diversity of a recommendation list: the top ten should not be ten methods
// when guides, experience reports, tools and funding also suit.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tec::recommend {

struct Ranked {
  std::string type;
  double score = 0;
};

// The order in which to list `items` (indices), given best-score-first:
// greedily, each next item is the one whose score, decayed by the number of
// items of its type already listed, is highest; within the first ten a type
// appears at most kMaxSameTypeInTopTen times while other types remain.
std::vector<std::size_t> diversified_order(const std::vector<Ranked>& items, std::size_t limit);

}  // namespace tec::recommend
