// group_cohorts and the wording of a cohort's reasons.
#include "peers/cohorts.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "peers/comparability.h"
#include "peers/peer_params.h"

namespace tec::peers {
namespace {

using territory::Territory;

std::string plural_kind(const Territory& t, std::size_t n) {
  switch (t.kind) {
    case territory::TerritoryKind::Commune:
      return std::to_string(n) + " communes";
    case territory::TerritoryKind::Epci:
      return std::to_string(n) + " intercommunalités";
    case territory::TerritoryKind::Departement:
      return std::to_string(n) + " départements";
    case territory::TerritoryKind::Region:
      return std::to_string(n) + " régions";
  }
  return std::to_string(n);
}

// "4 communes de 1 014 à 3 500 habitants"; "Au plus 42 km entre elles" or
// the départements they lie in; the themes they share.
std::vector<std::string> reasons_of(const std::vector<const Territory*>& members,
                                    const territory::Territories& territories, const std::vector<std::string>& themes) {
  std::vector<std::string> reasons;
  std::int64_t smallest = std::numeric_limits<std::int64_t>::max(), largest = -1;
  for (const Territory* t : members) {
    if (!t->population) continue;
    smallest = std::min(smallest, *t->population);
    largest = std::max(largest, *t->population);
  }
  std::string size = plural_kind(*members.front(), members.size());
  if (largest >= 0) size += " de " + grouped(smallest) + " à " + grouped(largest) + " habitants";
  reasons.push_back(size);

  double farthest = 0;
  bool all_located = true;
  for (std::size_t i = 0; i < members.size(); ++i) {
    for (std::size_t j = i + 1; j < members.size(); ++j) {
      if (!members[i]->centre || !members[j]->centre) all_located = false;
      else farthest = std::max(farthest, territory::distance_km(*members[i]->centre, *members[j]->centre));
    }
  }
  if (all_located) reasons.push_back("Au plus " + grouped(std::lround(farthest)) + " km entre elles");
  std::set<std::string> departements;
  for (const Territory* t : members) {
    const Territory* d = territories.find(territory::TerritoryKind::Departement, t->departement);
    departements.insert(d ? d->name : t->departement);
  }
  std::string where = departements.size() == 1 ? "Même département : " : "Départements : ";
  for (auto it = departements.begin(); it != departements.end(); ++it)
    where += (it == departements.begin() ? "" : ", ") + *it;
  reasons.push_back(where);
  if (!themes.empty()) {
    std::string shared = themes.size() == 1 ? "Thème commun : " : "Thèmes communs : ";
    for (std::size_t i = 0; i < themes.size(); ++i) shared += (i ? ", " : "") + themes[i];
    reasons.push_back(shared);
  }
  return reasons;
}

}  // namespace

CohortPlan group_cohorts(std::vector<const Territory*> asking, const territory::Territories& territories,
                         const std::vector<std::string>& themes) {
  std::sort(asking.begin(), asking.end(), [](const Territory* a, const Territory* b) {
    return a->kind != b->kind ? a->kind < b->kind : a->code < b->code;
  });
  asking.erase(std::unique(asking.begin(), asking.end()), asking.end());
  const std::size_t n = asking.size();
  std::vector<std::vector<double>> d(n, std::vector<double>(n, 0));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) d[i][j] = d[j][i] = spread(*asking[i], *asking[j], territories);
  }
  std::vector<bool> placed(n, false), set_apart(n, false);  // set apart: seeds no group
  CohortPlan plan;
  for (;;) {
    // The closest pair among collectivities neither placed nor barred from seeding.
    std::size_t a = n, b = n;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        if (placed[i] || placed[j] || set_apart[i] || set_apart[j] || d[i][j] > kMaxCohortSpread) continue;
        if (a == n || d[i][j] < d[a][b]) a = i, b = j;
      }
    }
    if (a == n) break;
    std::vector<std::size_t> group = {a, b};
    while (group.size() < kMaxCohort) {
      std::size_t best = n;
      double best_spread = kMaxCohortSpread;
      for (std::size_t k = 0; k < n; ++k) {
        if (placed[k] || std::find(group.begin(), group.end(), k) != group.end()) continue;
        double worst = 0;
        for (std::size_t m : group) worst = std::max(worst, d[k][m]);
        if (worst <= best_spread) best = k, best_spread = worst;
      }
      if (best == n) break;
      group.push_back(best);
    }
    if (group.size() < kMinCohort) {
      // `a` seeds no more; it may still join a group another pair seeds.
      set_apart[a] = true;
      continue;
    }
    // Most central first: the smallest sum of spreads to the others.
    std::sort(group.begin(), group.end(), [&](std::size_t x, std::size_t y) {
      double sx = 0, sy = 0;
      for (std::size_t m : group) sx += d[x][m], sy += d[y][m];
      return sx != sy ? sx < sy : asking[x]->code < asking[y]->code;
    });
    Cohort cohort;
    for (std::size_t m : group) {
      placed[m] = true;
      cohort.members.push_back(asking[m]);
    }
    cohort.reasons = reasons_of(cohort.members, territories, themes);
    plan.cohorts.push_back(std::move(cohort));
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!placed[i]) plan.unassigned.push_back(asking[i]);
  }
  return plan;
}

}  // namespace tec::peers
