// The hard rules of a recommendation: what leaves a resource out whatever
// its score. A workshop or training needs a session still to come; a
// resource aimed at other sizes, other kinds of collectivity or other
// territories does not suit. exclusion() is the rule as stated, on the facts
// of one resource; prefilter() is the same rule as a Xapian filter, so the
// matcher never spends a candidate slot on a resource the rules drop.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "recommend/profile.h"
#include "recommend/resource_facts.h"

namespace tec::recommend {

// The sessions of `facts` starting on `today` (YYYY-MM-DD) or later, soonest
// first: a session on the day itself may still be ahead.
std::vector<const SessionFacts*> upcoming_sessions(const ResourceFacts& facts, std::string_view today);

// Why `facts` is left out for `profile`, in French, or nullopt when it may
// be recommended.
std::optional<std::string> exclusion(const ResourceFacts& facts, const CollectivityProfile& profile,
                                     std::string_view today);

// Documents that pass the rules: workshops and trainings when `workshops`,
// the other types otherwise.
Xapian::Query prefilter(const CollectivityProfile& profile, std::string_view today, bool workshops,
                        analysis::FrenchAnalyzer& analyzer);

}  // namespace tec::recommend
