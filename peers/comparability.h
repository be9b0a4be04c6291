// How comparable two collectivities are: same kind, size, place (distance
// between centres, else same département, neighbouring département, same
// région), same intercommunality; and how to say it in French. Pure: no
// index, no HTTP.
#pragma once

#include <optional>
#include <string>

#include "territory/territories.h"

namespace tec::peers {

enum class PlaceRelation { SameEpci, SameDepartement, NeighbourDepartement, SameRegion, Elsewhere };

struct Comparison {
  bool same_kind = false;
  std::optional<double> population_ratio;  // larger / smaller, when both are known
  std::optional<double> distance_km;       // between centres, when both are known
  PlaceRelation relation = PlaceRelation::Elsewhere;
};

Comparison compare(const territory::Territory& a, const territory::Territory& b,
                   const territory::Territories& territories);

// Whether `b` may be shown as a peer of `a`: same kind, not `a` itself,
// population within kMaxPopulationRatio (unknown sizes pass).
bool admissible(const territory::Territory& a, const territory::Territory& b, const Comparison& c);

// Points for size and place (peer_params.h), the match left apart.
double comparability_points(const Comparison& c);

// How different two collectivities are, for grouping (peer_params.h);
// infinite across kinds.
double spread(const territory::Territory& a, const territory::Territory& b, const territory::Territories& territories);

// "Commune de 1 014 habitants à 18 km", "Communauté de communes de 14 020
// habitants, département voisin (Ain)", "Département de 118 638 habitants".
std::string describe(const territory::Territory& peer, const Comparison& c, const territory::Territories& territories);

// "Commune", "Communauté d'agglomération", "Département"…, from the kind
// and an EPCI's nature.
std::string kind_label(const territory::Territory& t);

// 14020 -> "14 020".
std::string grouped(std::int64_t n);

}  // namespace tec::peers
