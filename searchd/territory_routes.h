// Territory routes: GET /v1/territories (completion), /v1/territories/{code},
// and for shared projects GET /v1/territories/{code}/peers (the
// collectivities like this one that did it) and POST /v1/cohorts (groups of
// collectivities that asked for support on one theme).
#pragma once

#include <httplib.h>

#include "searchd/index_access.h"
#include "searchd/route_table.h"
#include "territory/territories.h"

namespace tec::searchd {

inline constexpr std::size_t kMaxCohortBodyBytes = 64 * 1024;
inline constexpr unsigned kDefaultTerritorySuggestions = 10;
inline constexpr unsigned kMaxTerritorySuggestions = 50;

// `territories` may be null: every route then answers 503.
void register_territory_routes(RouteTable& routes, IndexAccess& index, const territory::Territories* territories);

}  // namespace tec::searchd
