// Where the territories are: communes' centres and neighbouring départements
// read from corpus/territories/ (both optional files), the centres of
// EPCI, départements and régions as the mean of their communes', and the
// great-circle distance between two points.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numbers>

#include "territory/territories.h"
#include "territory/tsv_table.h"

namespace tec::territory {
namespace {

double degrees_of(std::string_view text, double limit) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || std::abs(value) > limit) {
    throw std::invalid_argument("coordonnée invalide « " + std::string(text) + " »");
  }
  return value;
}

// Running sums of the centres of a group of communes.
struct CentreSum {
  double latitude = 0, longitude = 0;
  std::size_t count = 0;
  void add(const GeoPoint& p) {
    latitude += p.latitude;
    longitude += p.longitude;
    ++count;
  }
  GeoPoint mean() const { return {latitude / static_cast<double>(count), longitude / static_cast<double>(count)}; }
};

}  // namespace

double distance_km(const GeoPoint& a, const GeoPoint& b) {
  constexpr double kEarthRadiusKm = 6371.0;
  constexpr double kRadians = std::numbers::pi / 180;
  const double dlat = (b.latitude - a.latitude) * kRadians;
  const double dlon = (b.longitude - a.longitude) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.latitude * kRadians) *
                                                                 std::cos(b.latitude * kRadians) * std::sin(dlon / 2) *
                                                                 std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

void Territories::load_places(const std::filesystem::path& directory) {
  const auto centres = directory / "communes-centres.tsv";
  if (std::filesystem::exists(centres)) {
    std::map<std::pair<TerritoryKind, std::string>, CentreSum> groups;
    const auto& communes = by_code_[static_cast<std::size_t>(TerritoryKind::Commune)];
    read_table(centres, {"insee", "latitude", "longitude"}, [&](const auto& f) {
      const auto it = communes.find(std::string(f[0]));
      if (it == communes.end()) throw std::invalid_argument("commune inconnue « " + std::string(f[0]) + " »");
      Territory& commune = territories_[it->second];
      commune.centre = GeoPoint{degrees_of(f[1], 90), degrees_of(f[2], 180)};
      if (!commune.epci.empty()) groups[{TerritoryKind::Epci, commune.epci}].add(*commune.centre);
      groups[{TerritoryKind::Departement, commune.departement}].add(*commune.centre);
      groups[{TerritoryKind::Region, commune.region}].add(*commune.centre);
    });
    for (const auto& [key, sum] : groups) {
      const auto& index = by_code_[static_cast<std::size_t>(key.first)];
      if (const auto it = index.find(key.second); it != index.end()) territories_[it->second].centre = sum.mean();
    }
  }
  const auto voisins = directory / "departements-voisins.tsv";
  if (std::filesystem::exists(voisins)) {
    read_table(voisins, {"departement", "voisin"}, [&](const auto& f) {
      for (const std::string_view code : {f[0], f[1]}) {
        if (!find(TerritoryKind::Departement, code))
          throw std::invalid_argument("département inconnu « " + std::string(code) + " »");
      }
      neighbours_[std::string(f[0])].emplace_back(f[1]);
      neighbours_[std::string(f[1])].emplace_back(f[0]);
    });
  }
}

bool Territories::neighbours(std::string_view departement_a, std::string_view departement_b) const {
  const auto it = neighbours_.find(std::string(departement_a));
  if (it == neighbours_.end()) return false;
  return std::find(it->second.begin(), it->second.end(), departement_b) != it->second.end();
}

}  // namespace tec::territory
