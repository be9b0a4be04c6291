// Routes of shared projects: GET /v1/territories/{code}/peers (the
// collectivities like this one that did it) and POST /v1/cohorts (groups of
// collectivities that asked for support on one theme).
#pragma once

#include <httplib.h>

#include "searchd/route_table.h"
#include "searchd/index_access.h"
#include "territory/territories.h"

namespace tec::searchd {

inline constexpr std::size_t kMaxCohortBodyBytes = 64 * 1024;

// `territories` may be null: both routes then answer 503.
void register_territory_routes(RouteTable& routes, IndexAccess& index, const territory::Territories* territories);

}  // namespace tec::searchd
