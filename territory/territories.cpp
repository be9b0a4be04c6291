// Territories implementation: tab-separated files read line by line, codes
// indexed per kind (a région and a département can share a code), names
// folded once at load for completion.
#include "territory/territories.h"

#include <algorithm>
#include <charconv>

#include "analysis/french_analyzer.h"
#include "territory/tsv_table.h"

namespace tec::territory {
namespace {

std::size_t slot(TerritoryKind kind) { return static_cast<std::size_t>(kind); }

std::optional<std::int64_t> population_of(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    throw std::invalid_argument("population invalide « " + std::string(text) + " »");
  }
  return value;
}

std::string required(std::string_view text, const char* column) {
  if (text.empty()) throw std::invalid_argument(std::string("colonne ") + column + " vide");
  return std::string(text);
}

}  // namespace

std::string_view kind_name(TerritoryKind kind) {
  switch (kind) {
    case TerritoryKind::Commune:
      return "commune";
    case TerritoryKind::Epci:
      return "epci";
    case TerritoryKind::Departement:
      return "departement";
    case TerritoryKind::Region:
      return "region";
  }
  return "";
}

std::optional<TerritoryKind> kind_from_name(std::string_view name) {
  for (TerritoryKind kind : kTerritoryKinds) {
    if (kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string Territories::name_key(std::string_view name) {
  thread_local analysis::FrenchAnalyzer analyzer;
  const std::string folded = analyzer.fold(name);
  std::string key;
  bool space = false;
  for (char c : folded) {
    const bool separator =
        c == ' ' || c == '-' || c == '\'' || c == ',' || c == '.' || c == '(' || c == ')' || c == '/';
    if (separator) {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += c;
  }
  return key;
}

void Territories::add(Territory territory) {
  auto& index = by_code_[slot(territory.kind)];
  if (index.contains(territory.code)) throw std::invalid_argument("code en double « " + territory.code + " »");
  index.emplace(territory.code, territories_.size());
  keys_.push_back(name_key(territory.name));
  by_name_.emplace(keys_.back(), territories_.size());
  territories_.push_back(std::move(territory));
}

Territories Territories::load(const std::filesystem::path& directory) {
  Territories out;
  read_table(directory / "regions.tsv", {"code", "nom", "population"}, [&](const auto& f) {
    out.add({TerritoryKind::Region, required(f[0], "code"), required(f[1], "nom"), population_of(f[2]), "",
             std::string(f[0]), "", "", std::nullopt});
  });
  read_table(directory / "departements.tsv", {"code", "nom", "region", "population"}, [&](const auto& f) {
    out.add({TerritoryKind::Departement, required(f[0], "code"), required(f[1], "nom"), population_of(f[3]),
             std::string(f[0]), required(f[2], "region"), "", "", std::nullopt});
  });
  read_table(directory / "epci.tsv", {"siren", "nom", "nature", "population", "departement", "region"},
             [&](const auto& f) {
               out.add({TerritoryKind::Epci, required(f[0], "siren"), required(f[1], "nom"), population_of(f[3]),
                        std::string(f[4]), std::string(f[5]), "", std::string(f[2]), std::nullopt});
             });
  read_table(directory / "communes.tsv", {"insee", "nom", "population", "departement", "region", "epci"},
             [&](const auto& f) {
               out.add({TerritoryKind::Commune, required(f[0], "insee"), required(f[1], "nom"), population_of(f[2]),
                        required(f[3], "departement"), required(f[4], "region"), std::string(f[5]), "", std::nullopt});
               if (!f[5].empty()) ++out.members_[std::string(f[5])];
             });
  out.load_places(directory);
  return out;
}

const Territory* Territories::find(TerritoryKind kind, std::string_view code) const {
  const auto& index = by_code_[slot(kind)];
  const auto it = index.find(std::string(code));
  return it == index.end() ? nullptr : &territories_[it->second];
}

const Territory* Territories::find_code(std::string_view code) const {
  if (code.size() == 9) return find(TerritoryKind::Epci, code);
  if (code.size() == 5) return find(TerritoryKind::Commune, code);
  if (code.size() == 3 && code[0] == 'r') return find(TerritoryKind::Region, code.substr(1));
  if (code.size() == 2 || code.size() == 3) return find(TerritoryKind::Departement, code);
  return nullptr;
}

std::vector<const Territory*> Territories::find_name(TerritoryKind kind, std::string_view key) const {
  std::vector<const Territory*> found;
  const auto [begin, end] = by_name_.equal_range(std::string(key));
  for (auto it = begin; it != end; ++it) {
    if (territories_[it->second].kind == kind) found.push_back(&territories_[it->second]);
  }
  std::sort(found.begin(), found.end(), [](const Territory* a, const Territory* b) { return a->code < b->code; });
  return found;
}

std::vector<const Territory*> Territories::complete(std::string_view text, std::size_t limit,
                                                    std::optional<TerritoryKind> kind) const {
  const std::string wanted = name_key(text);
  if (wanted.empty() || limit == 0) return {};
  struct Match {
    int rank;  // 0 whole name, 1 start of the name, 2 start of a later word
    const Territory* territory;
  };
  std::vector<Match> matches;
  for (std::size_t i = 0; i < territories_.size(); ++i) {
    if (kind && territories_[i].kind != *kind) continue;
    const std::string& key = keys_[i];
    int rank = -1;
    if (key == wanted) {
      rank = 0;
    } else if (key.starts_with(wanted)) {
      rank = 1;
    } else {
      for (std::size_t at = key.find(' '); at != std::string::npos; at = key.find(' ', at + 1)) {
        if (std::string_view(key).substr(at + 1).starts_with(wanted)) {
          rank = 2;
          break;
        }
      }
    }
    if (rank >= 0) matches.push_back({rank, &territories_[i]});
  }
  const auto better = [](const Match& a, const Match& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    const std::int64_t pa = a.territory->population.value_or(0), pb = b.territory->population.value_or(0);
    if (pa != pb) return pa > pb;
    return a.territory->code < b.territory->code;
  };
  const std::size_t kept = std::min(limit, matches.size());
  std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(kept), matches.end(), better);
  std::vector<const Territory*> out;
  for (std::size_t i = 0; i < kept; ++i) out.push_back(matches[i].territory);
  return out;
}

std::vector<std::string> Territories::departements_of_region(std::string_view region) const {
  std::vector<std::string> codes;
  for (const auto& [code, i] : by_code_[slot(TerritoryKind::Departement)]) {
    if (territories_[i].region == region) codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::size_t Territories::member_count(std::string_view epci_siren) const {
  const auto it = members_.find(std::string(epci_siren));
  return it == members_.end() ? 0 : it->second;
}

}  // namespace tec::territory
