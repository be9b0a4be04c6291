// Comparability of two collectivities, and its French wording.
#include "peers/comparability.h"

#include <cmath>
#include <limits>

#include "peers/peer_params.h"

namespace tec::peers {

using territory::Territory;
using territory::TerritoryKind;

Comparison compare(const Territory& a, const Territory& b, const territory::Territories& territories) {
  Comparison c;
  c.same_kind = a.kind == b.kind;
  if (a.population && b.population && *a.population > 0 && *b.population > 0) {
    const double pa = static_cast<double>(*a.population), pb = static_cast<double>(*b.population);
    c.population_ratio = std::max(pa, pb) / std::min(pa, pb);
  }
  if (a.centre && b.centre) c.distance_km = territory::distance_km(*a.centre, *b.centre);
  if (a.kind == TerritoryKind::Commune && b.kind == TerritoryKind::Commune && !a.epci.empty() && a.epci == b.epci) {
    c.relation = PlaceRelation::SameEpci;
  } else if (!a.departement.empty() && a.departement == b.departement) {
    c.relation = PlaceRelation::SameDepartement;
  } else if (territories.neighbours(a.departement, b.departement)) {
    c.relation = PlaceRelation::NeighbourDepartement;
  } else if (!a.region.empty() && a.region == b.region) {
    c.relation = PlaceRelation::SameRegion;
  }
  return c;
}

bool admissible(const Territory& a, const Territory& b, const Comparison& c) {
  if (!c.same_kind || a.code == b.code) return false;
  return !c.population_ratio || *c.population_ratio <= kMaxPopulationRatio;
}

double comparability_points(const Comparison& c) {
  double points = 0;
  if (c.population_ratio) points += kSizePoints * std::max(0.0, 1 - std::log2(*c.population_ratio) / 2);
  if (c.distance_km) {
    points += kPlacePoints * std::exp(-*c.distance_km / kDistanceScaleKm);
  } else {
    switch (c.relation) {
      case PlaceRelation::SameEpci:
      case PlaceRelation::SameDepartement:
        points += kSameDepartementPlacePoints;
        break;
      case PlaceRelation::NeighbourDepartement:
        points += kNeighbourPlacePoints;
        break;
      case PlaceRelation::SameRegion:
        points += kSameRegionPlacePoints;
        break;
      case PlaceRelation::Elsewhere:
        break;
    }
  }
  if (c.relation == PlaceRelation::SameEpci) points += kSameEpciPoints;
  return points;
}

double spread(const Territory& a, const Territory& b, const territory::Territories& territories) {
  if (a.kind != b.kind) return std::numeric_limits<double>::infinity();
  const Comparison c = compare(a, b, territories);
  double value = c.population_ratio ? std::log2(*c.population_ratio) : kUnknownSizeSpread;
  if (c.distance_km) return value + *c.distance_km / kCohortDistanceKm;
  switch (c.relation) {
    case PlaceRelation::SameEpci:
    case PlaceRelation::SameDepartement:
      return value + kSameDepartementSpread;
    case PlaceRelation::NeighbourDepartement:
      return value + kNeighbourSpread;
    case PlaceRelation::SameRegion:
      return value + kSameRegionSpread;
    case PlaceRelation::Elsewhere:
      break;
  }
  return value + kElsewhereSpread;
}

std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

std::string kind_label(const Territory& t) {
  switch (t.kind) {
    case TerritoryKind::Commune:
      return "Commune";
    case TerritoryKind::Departement:
      return "Département";
    case TerritoryKind::Region:
      return "Région";
    case TerritoryKind::Epci:
      break;
  }
  if (t.nature == "CC") return "Communauté de communes";
  if (t.nature == "CA") return "Communauté d'agglomération";
  if (t.nature == "CU") return "Communauté urbaine";
  if (t.nature == "METRO" || t.nature == "MET69") return "Métropole";
  return "Intercommunalité";
}

std::string describe(const Territory& peer, const Comparison& c, const territory::Territories& territories) {
  std::string text = kind_label(peer);
  if (peer.population) text += " de " + grouped(*peer.population) + " habitants";
  if (c.distance_km) {
    const long km = std::max(1L, std::lround(*c.distance_km));
    return text + " à " + grouped(km) + " km";
  }
  const Territory* departement = territories.find(TerritoryKind::Departement, peer.departement);
  const std::string name = departement ? departement->name : peer.departement;
  switch (c.relation) {
    case PlaceRelation::SameEpci:
      return text + ", même intercommunalité";
    case PlaceRelation::SameDepartement:
      return text + ", même département";
    case PlaceRelation::NeighbourDepartement:
      return text + ", département voisin (" + name + ")";
    case PlaceRelation::SameRegion:
      return text + ", même région (" + name + ")";
    case PlaceRelation::Elsewhere:
      break;
  }
  return text + (name.empty() ? "" : " (" + name + ")");
}

}  // namespace tec::peers
