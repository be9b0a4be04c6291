// The soft scoring of a recommendation: each part gives points and the
// reason an advisor can read out ("Thème : éclairage public"). The score of
// a resource is the sum of its parts, so every point is explained.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analysis/french_analyzer.h"
#include "recommend/profile.h"
#include "recommend/resource_facts.h"
#include "territory/territories.h"

namespace tec::recommend {

struct ScorePart {
  double points = 0;
  std::string reason;  // French, for the advisor
};

// How the profile's free-text need met the resource, found by the matcher.
struct NeedMatch {
  std::vector<std::string> words_matched;  // display forms, in the need's order
  // Share of the need's words found, each word counted by its rarity in the
  // index (inverse document frequency): "CESER" says more than "habitants".
  double weighted_share = 0;
  double relative_weight = 0;  // the need query's BM25 weight over the best candidate's, 0..1
};

struct ScoringContext {
  const CollectivityProfile& profile;
  std::string_view today;                     // YYYY-MM-DD
  const territory::Territories* territories;  // for session places; may be null
  analysis::FrenchAnalyzer& analyzer;         // folds themes for comparison
};

ScorePart theme_part(const ResourceFacts& facts, const ScoringContext& context);
ScorePart need_part(const NeedMatch& need);
ScorePart level_part(const ResourceFacts& facts, const ScoringContext& context);
ScorePart audience_part(const ResourceFacts& facts, const ScoringContext& context);
ScorePart maturity_part(const ResourceFacts& facts, const ScoringContext& context);
ScorePart size_part(const ResourceFacts& facts, const ScoringContext& context);
ScorePart territory_part(const ResourceFacts& facts, const ScoringContext& context);
// Workshops: the best of their upcoming sessions, by place and format.
ScorePart session_part(const ResourceFacts& facts, const ScoringContext& context);
// Resources readable at a distance, for a profile that prefers it.
ScorePart online_part(const ResourceFacts& facts, const ScoringContext& context);

// Every part with points, best first, and their sum.
struct Score {
  double total = 0;
  std::vector<ScorePart> parts;
};
Score score(const ResourceFacts& facts, const NeedMatch& need, const ScoringContext& context);

// "3 décembre 2026" from "2026-12-03".
std::string french_date(std::string_view iso_date);
// "2 000" with a narrow no-break space, as French writes numbers.
std::string french_number(std::int64_t value);

}  // namespace tec::recommend
