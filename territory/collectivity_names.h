// Which collectivity a French designation names: "Commune de Castillon-la-
// Bataille", "Mairie d'Orléans", "Ville de Mérignac", "Département du Gers",
// "Conseil régional de la Réunion", "Communauté de communes du Pays de
// Lumbres", "Bordeaux Métropole". Feeds that name their collectivity in a
// text field are mapped to codes through it (indexer/collectivity_mapping.h).
#pragma once

#include <string_view>

#include "territory/territories.h"

namespace tec::territory {

// The territory `text` designates, or nullptr when it names none, or several
// that `departement` (a hint, may be empty) cannot tell apart. A commune
// named in another département than a given hint is not taken.
const Territory* resolve_collectivity_name(const Territories& territories, std::string_view text,
                                           std::string_view departement);

}  // namespace tec::territory
