// Every knob of the peers and cohorts in one place. A peer must be of the
// same kind and within a factor of four in population (beyond, it is another
// size class); among those, what the peer did counts most, then how close it
// is, then how close in size.
#pragma once

#include <cstddef>

namespace tec::peers {

inline constexpr double kMaxPopulationRatio = 4.0;  // larger/smaller beyond which a peer is left out
inline constexpr double kMatchPoints = 4.0;         // its best resource's weight, relative to the best match
inline constexpr double kSizePoints = 2.0;          // same population; 1 at a factor of two, 0 at four
inline constexpr double kPlacePoints = 3.0;         // at 0 km, falling as exp(-d / kDistanceScaleKm)
inline constexpr double kDistanceScaleKm = 100.0;
// Without a distance (a place without centre): same département, a
// neighbouring one, the same région.
inline constexpr double kSameDepartementPlacePoints = 2.0;
inline constexpr double kNeighbourPlacePoints = 1.2;
inline constexpr double kSameRegionPlacePoints = 0.6;
inline constexpr double kSameEpciPoints = 0.5;  // two communes of one intercommunality

// Resources read from the matcher before grouping them by collectivity.
inline constexpr std::size_t kMatchCandidates = 400;
inline constexpr std::size_t kResourcesPerPeer = 3;
inline constexpr std::size_t kDefaultPeers = 5;
inline constexpr std::size_t kMaxPeers = 20;

// Cohorts: groups of kMinCohort to kMaxCohort collectivities of one kind
// whose every pair differs by at most kMaxCohortSpread, counted as
// |log2(population ratio)| + distance / kCohortDistanceKm (or the place
// steps below without a distance).
inline constexpr std::size_t kMinCohort = 4;
inline constexpr std::size_t kMaxCohort = 5;
inline constexpr double kMaxCohortSpread = 2.5;
inline constexpr double kCohortDistanceKm = 100.0;
inline constexpr double kSameDepartementSpread = 0.3;
inline constexpr double kNeighbourSpread = 0.8;
inline constexpr double kSameRegionSpread = 1.5;
inline constexpr double kElsewhereSpread = 3.0;
inline constexpr double kUnknownSizeSpread = 1.0;
inline constexpr std::size_t kCohortResources = 5;
inline constexpr std::size_t kMaxCohortCodes = 200;

}  // namespace tec::peers
