// Every knob of the recommender in one place: points per scoring part,
// candidate counts and the diversity rule. The points are chosen so that
// what the collectivity says it wants (themes, need) outweighs how it wants
// to work (level, audiences, maturity), which outweighs fit and place.
#pragma once

#include <cstddef>

namespace tec::recommend {

inline constexpr double kThemePoints = 4.0;            // all the profile's themes held by the resource
inline constexpr double kThemePartialShare = 2.0 / 3;  // a theme that contains the other's words
inline constexpr double kNeedWordsPoints = 4.0;        // all the need's words found
inline constexpr double kNeedWeightPoints = 2.0;       // the matcher's own weight, relative to the best
inline constexpr double kLevelExactPoints = 1.5;
inline constexpr double kLevelAdjacentPoints = 0.75;
inline constexpr double kAudiencePoints = 0.5;  // per audience shared
inline constexpr std::size_t kMaxAudiencesCounted = 2;
inline constexpr double kMaturityPoints = 0.5;
inline constexpr double kSizePoints = 1.0;            // aimed at collectivities of this size
inline constexpr double kTerritoryPoints = 1.5;       // written for this département
inline constexpr double kRegionPoints = 0.75;         // written for this région
inline constexpr double kOnlineResourcePoints = 0.5;  // readable at a distance, for who prefers it

// Sessions: same département > same région > online > elsewhere.
inline constexpr double kSessionSameDepartementPoints = 3.0;
inline constexpr double kSessionSameRegionPoints = 2.0;
inline constexpr double kSessionOnlinePoints = 1.5;
inline constexpr double kSessionOnlinePreferredPoints = 3.5;
inline constexpr double kSessionElsewherePoints = 0.25;
inline constexpr double kFullSessionShare = 0.5;  // a session without seats left

// Candidates read from the matcher for each list, before scoring.
inline constexpr std::size_t kCandidates = 100;
inline constexpr std::size_t kDefaultLimit = 10;
inline constexpr std::size_t kMaxLimit = 50;

// Diversity: each resource already listed of the same type multiplies the
// next one's score by this, and a type fills at most this many of the top ten.
inline constexpr double kSameTypeDecay = 0.9;
inline constexpr std::size_t kMaxSameTypeInTopTen = 4;

}  // namespace tec::recommend
