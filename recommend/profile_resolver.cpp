// ProfileResolver implementation. Messages are French: they reach the
// advisor's screen through the API's 400 and 404 answers.
#include "recommend/profile_resolver.h"

#include <algorithm>

#include "analysis/french_analyzer.h"
#include "analysis/utf8.h"

namespace tec::recommend {
namespace {

using territory::Territory;
using territory::TerritoryKind;

constexpr std::size_t kMaxListItems = 20;
constexpr std::size_t kMaxItemBytes = 200;
constexpr std::size_t kMaxNeedBytes = 2000;

ProfileError invalid(const std::string& message) { return ProfileError(ProfileError::Kind::Invalid, message); }

std::string folded(std::string_view text) {
  thread_local analysis::FrenchAnalyzer analyzer;
  return analyzer.fold(text);
}

// Code shapes, checked by hand: std::regex drew -Wmaybe-uninitialized from
// GCC under AddressSanitizer, inside libstdc++.
bool digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}
bool insee_code(std::string_view code) {  // 34164, 2A004
  return code.size() == 5 && digits(code.substr(0, 1)) &&
         (digits(code.substr(1, 1)) || code[1] == 'A' || code[1] == 'B') && digits(code.substr(2));
}
bool siren_code(std::string_view code) { return code.size() == 9 && digits(code); }
bool departement_code(std::string_view code) {  // 34, 974, 2A
  return ((code.size() == 2 || code.size() == 3) && digits(code)) || code == "2A" || code == "2B";
}
bool region_code(std::string_view code) { return code.size() == 2 && digits(code); }

void check_code(const std::string& code, bool (*shaped)(std::string_view), const char* field, const char* expected) {
  if (!shaped(code)) throw invalid(std::string(field) + " : " + expected + " attendu, « " + code + " » reçu");
}

// One of `allowed`, accents and case aside ("Co-Décider" is "co-decider").
template <std::size_t N>
std::string one_of(const std::string& value, const char* const (&allowed)[N], const char* field) {
  if (value.empty()) return value;
  const std::string key = folded(value);
  for (const char* candidate : allowed) {
    if (key == candidate) return candidate;
  }
  std::string list;
  for (const char* candidate : allowed) list += (list.empty() ? "" : ", ") + std::string(candidate);
  throw invalid(std::string(field) + " : « " + value + " » n'est pas une valeur admise (" + list + ")");
}

std::vector<std::string> checked_list(const std::vector<std::string>& values, const char* field) {
  if (values.size() > kMaxListItems)
    throw invalid(std::string(field) + " : " + std::to_string(kMaxListItems) + " valeurs au plus");
  std::vector<std::string> out;
  for (const std::string& value : values) {
    if (value.size() > kMaxItemBytes || analysis::first_invalid_utf8(value))
      throw invalid(std::string(field) + " : valeur invalide");
    if (!value.empty() && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
  }
  return out;
}

// The advisor's preferences checked: themes, audiences, participation level,
// maturity, need, and a population that is not negative. The territory
// fields are left empty.
CollectivityProfile checked_preferences(const ProfileRequest& request) {
  CollectivityProfile profile;
  profile.themes = checked_list(request.themes, "themes");
  profile.audiences = checked_list(request.audiences, "audiences");
  profile.participation_level = one_of(request.participation_level, kParticipationLadder, "participation_level");
  profile.maturity = one_of(request.maturity, kMaturities, "maturity");
  profile.prefers_online = request.prefers_online;
  if (request.need.size() > kMaxNeedBytes || analysis::first_invalid_utf8(request.need)) {
    throw invalid("need : texte UTF-8 de " + std::to_string(kMaxNeedBytes) + " octets au plus attendu");
  }
  profile.need = request.need;
  if (request.population && *request.population < 0) throw invalid("population : nombre positif attendu");
  return profile;
}

// At most one territory code, and no code beside territory_type;
// département and région codes of the right shape.
void check_codes(const ProfileRequest& request) {
  const bool direct = !request.territory_type.empty();
  const int codes = !request.insee.empty() + !request.siren.empty() +
                    (!direct && (!request.departement.empty() || !request.region.empty()));
  if (codes > 1) throw invalid("un seul code de territoire à la fois : insee, siren, departement ou region");
  if (direct && (!request.insee.empty() || !request.siren.empty())) {
    throw invalid("territory_type se donne sans code insee ni siren : le code suffit");
  }
  if (!request.departement.empty())
    check_code(request.departement, departement_code, "departement", "un code de département (34, 2A, 974)");
  if (!request.region.empty())
    check_code(request.region, region_code, "region", "un code de région à deux chiffres (76)");
}

// The territory of `code`; `unknown` agrees with the kind: "commune
// inconnue", "département inconnu".
const Territory& lookup(const territory::Territories* territories, TerritoryKind kind, const std::string& code,
                        const char* unknown) {
  if (!territories) {
    throw ProfileError(ProfileError::Kind::UnknownTerritory,
                       "référentiel des territoires non chargé : donnez territory_type, population et departement");
  }
  const Territory* found = territories->find(kind, code);
  if (!found) throw ProfileError(ProfileError::Kind::UnknownTerritory, std::string(unknown) + " : « " + code + " »");
  return *found;
}

// The territory the request names by its code, or nullptr when it gives
// territory_type (or nothing) instead.
const Territory* named_territory(const ProfileRequest& request, const territory::Territories* territories) {
  const bool direct = !request.territory_type.empty();
  if (!request.insee.empty()) {
    check_code(request.insee, insee_code, "insee", "un code INSEE de commune à cinq caractères");
    return &lookup(territories, TerritoryKind::Commune, request.insee, "commune inconnue");
  }
  if (!request.siren.empty()) {
    check_code(request.siren, siren_code, "siren", "un SIREN d'EPCI à neuf chiffres");
    return &lookup(territories, TerritoryKind::Epci, request.siren, "EPCI inconnu");
  }
  if (!direct && !request.departement.empty())
    return &lookup(territories, TerritoryKind::Departement, request.departement, "département inconnu");
  if (!direct && !request.region.empty())
    return &lookup(territories, TerritoryKind::Region, request.region, "région inconnue");
  return nullptr;
}

// The profile's place from the territory named by a code; the request's
// population, when given, wins over the reference one.
void fill_from_territory(CollectivityProfile& profile, const Territory& territory, const ProfileRequest& request,
                         const territory::Territories& territories) {
  profile.territory_type = std::string(territory::kind_name(territory.kind));
  profile.code = territory.code;
  profile.name = territory.name;
  profile.population = request.population ? request.population : territory.population;
  profile.departement = territory.departement;
  profile.region = territory.region;
  if (territory.kind == TerritoryKind::Commune && !territory.epci.empty()) {
    profile.epci = territory.epci;
    if (const Territory* epci = territories.find(TerritoryKind::Epci, territory.epci)) profile.epci_name = epci->name;
  }
  if (territory.kind == TerritoryKind::Epci) profile.member_communes = territories.member_count(territory.code);
}

// The profile's place as the request gives it (territory_type, population,
// departement, region), the région checked against the département when
// the reference data is loaded.
void fill_given_place(CollectivityProfile& profile, const ProfileRequest& request,
                      const territory::Territories* territories) {
  if (!territory::kind_from_name(request.territory_type)) {
    throw invalid("territory_type : commune, epci, departement ou region attendu, « " + request.territory_type +
                  " » reçu");
  }
  profile.territory_type = request.territory_type;
  profile.population = request.population;
  profile.departement = request.departement;
  profile.region = request.region;
  if (territories && !profile.departement.empty()) {
    const Territory& departement =
        lookup(territories, TerritoryKind::Departement, profile.departement, "département inconnu");
    if (!profile.region.empty() && profile.region != departement.region) {
      throw invalid("departement " + profile.departement + " : n'appartient pas à la région " + profile.region);
    }
    profile.region = departement.region;
  }
}

// Names of the profile's département and région, and the territory codes
// its resources may target: the département, the région ("r" prefixed) and,
// for a région, its départements.
void fill_names_and_codes(CollectivityProfile& profile, const territory::Territories* territories) {
  if (territories) {
    if (const Territory* d = territories->find(TerritoryKind::Departement, profile.departement))
      profile.departement_name = d->name;
    if (const Territory* r = territories->find(TerritoryKind::Region, profile.region)) profile.region_name = r->name;
  }
  if (!profile.departement.empty()) profile.territory_codes.push_back(profile.departement);
  if (!profile.region.empty()) profile.territory_codes.push_back("r" + profile.region);
  if (profile.territory_type == "region" && territories) {
    for (std::string& code : territories->departements_of_region(profile.region))
      profile.territory_codes.push_back(std::move(code));
  }
}

}  // namespace

CollectivityProfile ProfileResolver::resolve(const ProfileRequest& request) const {
  CollectivityProfile profile = checked_preferences(request);
  check_codes(request);
  if (const Territory* territory = named_territory(request, territories_)) {
    fill_from_territory(profile, *territory, request, *territories_);
  } else if (!request.territory_type.empty()) {
    fill_given_place(profile, request, territories_);
  }
  fill_names_and_codes(profile, territories_);
  return profile;
}

}  // namespace tec::recommend
