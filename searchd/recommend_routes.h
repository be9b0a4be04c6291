// Routes of the advisors' side: GET and POST /v1/recommend.
#pragma once

#include <httplib.h>

#include "searchd/index_access.h"
#include "searchd/route_table.h"
#include "territory/territories.h"

namespace tec::searchd {

inline constexpr unsigned kDefaultWorkshops = 5;
inline constexpr std::size_t kMaxProfileBytes = 64 * 1024;

// `territories` may be null: profiles must then give their fields directly.
void register_recommend_routes(RouteTable& routes, IndexAccess& index, const territory::Territories* territories);

}  // namespace tec::searchd
