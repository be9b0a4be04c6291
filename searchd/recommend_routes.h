// Routes of the advisors' side: GET and POST /v1/recommend, GET
// /v1/territories (completion) and /v1/territories/{code}, and GET
// /v1/resources/{source}/{id}/similar.
#pragma once

#include <httplib.h>

#include "searchd/route_table.h"
#include "searchd/index_access.h"
#include "territory/territories.h"

namespace tec::searchd {

inline constexpr unsigned kMaxTerritorySuggestions = 50;
inline constexpr std::size_t kMaxProfileBytes = 64 * 1024;

// `territories` may be null: profiles must then give their fields directly,
// and the territory routes answer 503.
void register_recommend_routes(RouteTable& routes, IndexAccess& index, const territory::Territories* territories);

}  // namespace tec::searchd
