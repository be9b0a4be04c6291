// The collectivity a recommendation is for: what an advisor or the
// "pour ma collectivité" form says (ProfileRequest), and the same once the
// territory code is resolved against the reference data (CollectivityProfile).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tec::recommend {

// The participation ladder, lowest rung first.
inline constexpr const char* kParticipationLadder[] = {"informer", "consulter", "concerter", "co-construire",
                                                       "co-decider"};
inline constexpr const char* kMaturities[] = {"debutant", "intermediaire", "avance"};

struct ProfileRequest {
  // At most one territory code: a commune, an EPCI, a département or a région.
  std::string insee, siren, departement, region;
  // Without a code: the kind (commune, epci, departement, region), size and
  // place given directly (`departement` and `region` then locate it).
  std::string territory_type;
  std::optional<std::int64_t> population;

  std::vector<std::string> themes;
  std::string participation_level;  // a rung of kParticipationLadder, or empty
  std::vector<std::string> audiences;
  bool prefers_online = false;
  std::string maturity;  // one of kMaturities, or empty
  std::string need;      // free text
};

struct CollectivityProfile {
  std::string territory_type;  // commune, epci, departement, region; empty when not said
  std::string code, name;      // of the territory, when resolved from a code
  std::optional<std::int64_t> population;
  std::string departement, departement_name;
  std::string region, region_name;
  std::string epci, epci_name;      // a commune's intercommunality
  std::size_t member_communes = 0;  // an EPCI's
  // Territory codes as resources write them (département "34", région "r76")
  // that make a resource tied to a territory one of ours: the profile's own
  // département and région, and for a région its départements.
  std::vector<std::string> territory_codes;

  std::vector<std::string> themes;
  std::string participation_level;
  std::vector<std::string> audiences;
  bool prefers_online = false;
  std::string maturity;
  std::string need;
};

}  // namespace tec::recommend
