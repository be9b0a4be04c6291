// Greedy re-ranking by type; quadratic in the candidates, which are few
// (kCandidates) once the hard rules have run.
#include "recommend/diversity.h"

#include <cmath>
#include <map>

#include "recommend/recommend_params.h"

namespace tec::recommend {

std::vector<std::size_t> diversified_order(const std::vector<Ranked>& items, std::size_t limit) {
  std::vector<std::size_t> order;
  std::vector<bool> taken(items.size(), false);
  std::map<std::string, std::size_t> listed;
  while (order.size() < limit && order.size() < items.size()) {
    const bool in_top_ten = order.size() < 10;
    std::size_t best = items.size();
    double best_score = -1;
    for (int pass = 0; pass < 2 && best == items.size(); ++pass) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (taken[i]) continue;
        const std::size_t same = listed[items[i].type];
        // First pass keeps the cap; the second lifts it when only capped types remain.
        if (pass == 0 && in_top_ten && same >= kMaxSameTypeInTopTen) continue;
        const double decayed = items[i].score * std::pow(kSameTypeDecay, static_cast<double>(same));
        if (decayed > best_score) {
          best_score = decayed;
          best = i;
        }
      }
    }
    taken[best] = true;
    ++listed[items[best].type];
    order.push_back(best);
  }
  return order;
}

}  // namespace tec::recommend
