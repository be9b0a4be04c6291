// Cohorts: the collectivities that asked for support on one theme, grouped
// by 4 or 5 close in kind, size and place, with the French reasons of each
// group; those that fit no group are set apart. Pure: the resources a group
// shares are found by PeerFinder.
#pragma once

#include <string>
#include <vector>

#include "territory/territories.h"

namespace tec::peers {

struct Cohort {
  std::vector<const territory::Territory*> members;  // most central first
  std::vector<std::string> reasons;                  // French
};

struct CohortPlan {
  std::vector<Cohort> cohorts;
  std::vector<const territory::Territory*> unassigned;
};

// Greedy complete-linkage grouping: the closest remaining pair of one kind
// seeds a group, which takes the remaining collectivity whose largest spread
// to its members is smallest, while that stays within kMaxCohortSpread, up
// to kMaxCohort; a seed that cannot reach kMinCohort is set apart. `themes`
// only word the reasons. Duplicate territories count once.
CohortPlan group_cohorts(std::vector<const territory::Territory*> asking, const territory::Territories& territories,
                         const std::vector<std::string>& themes);

}  // namespace tec::peers
