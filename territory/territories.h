// Territories: every French commune, EPCI, département and région, read from
// the tab-separated files of corpus/territories/ (derived from Etalab's
// "découpage administratif"), looked up by code and completed by name for the
// profile form. Loaded once at start; read-only afterwards, so one instance
// serves every thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tec::territory {

enum class TerritoryKind { Commune, Epci, Departement, Region };
inline constexpr TerritoryKind kTerritoryKinds[] = {TerritoryKind::Commune, TerritoryKind::Epci,
                                                    TerritoryKind::Departement, TerritoryKind::Region};

// A point on the globe, WGS 84 degrees.
struct GeoPoint {
  double latitude = 0;
  double longitude = 0;
};

// Great-circle distance in kilometres (haversine, mean Earth radius).
double distance_km(const GeoPoint& a, const GeoPoint& b);

// "commune", "epci", "departement", "region": the words of the API.
std::string_view kind_name(TerritoryKind kind);
std::optional<TerritoryKind> kind_from_name(std::string_view name);

struct Territory {
  TerritoryKind kind = TerritoryKind::Commune;
  std::string code;  // INSEE code (commune, département, région) or SIREN (EPCI)
  std::string name;
  std::optional<std::int64_t> population;
  std::string departement;  // code; for an EPCI, the département of most of its communes
  std::string region;       // code
  std::string epci;         // commune: SIREN of its EPCI, if any
  std::string nature;       // EPCI: CC, CA, CU, METRO...
  // A commune's centre (communes-centres.tsv); for an EPCI, a département or
  // a région, the mean of its located communes' centres. Absent when the
  // file is, or for the few communes it lacks.
  std::optional<GeoPoint> centre;
};

// A data file that cannot be read, with the file and line at fault.
struct TerritoryDataError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Territories {
 public:
  // Reads communes.tsv, epci.tsv, departements.tsv and regions.tsv from
  // `directory`, and communes-centres.tsv and departements-voisins.tsv when
  // present. Throws TerritoryDataError.
  static Territories load(const std::filesystem::path& directory);

  const Territory* find(TerritoryKind kind, std::string_view code) const;
  // A code as feeds and the API write it: 9 digits an EPCI (SIREN), 5
  // characters a commune (INSEE), "r" and 2 digits a région, 2 or 3
  // characters a département (34, 2A, 974).
  const Territory* find_code(std::string_view code) const;
  // Territories of `kind` whose name_key is exactly `key`.
  std::vector<const Territory*> find_name(TerritoryKind kind, std::string_view key) const;

  // Whether two départements share a border (departements-voisins.tsv).
  bool neighbours(std::string_view departement_a, std::string_view departement_b) const;

  // Territories whose name, or a word of it, begins with `text`, accents,
  // case, hyphens and apostrophes aside: whole-name matches first, then
  // the most populated. `kind` restricts the answer to one kind.
  std::vector<const Territory*> complete(std::string_view text, std::size_t limit,
                                         std::optional<TerritoryKind> kind = std::nullopt) const;

  // The départements of a région, by code.
  std::vector<std::string> departements_of_region(std::string_view region) const;
  std::size_t member_count(std::string_view epci_siren) const;
  std::size_t size() const { return territories_.size(); }

  // Accent- and case-insensitive form of a name, words separated by single
  // spaces: "L'Haÿ-les-Roses" -> "l hay les roses".
  static std::string name_key(std::string_view name);

 private:
  void add(Territory territory);
  void load_places(const std::filesystem::path& directory);

  std::vector<Territory> territories_;
  std::vector<std::string> keys_;  // name_key of each territory, same index
  std::unordered_map<std::string, std::size_t> by_code_[4];
  std::unordered_map<std::string, std::size_t> members_;
  std::unordered_multimap<std::string, std::size_t> by_name_;  // name_key -> territory
  std::unordered_map<std::string, std::vector<std::string>> neighbours_;
};

}  // namespace tec::territory
