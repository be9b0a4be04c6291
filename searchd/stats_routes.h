// GET /v1/stats/queries: what the search box was asked over the last days,
// for the editors, behind the administrators' bearer token.
#pragma once

#include <httplib.h>

#include "access/partner_tokens.h"
#include "searchd/query_stats.h"

namespace tec::searchd {

inline constexpr unsigned kDefaultStatsDays = 30;
inline constexpr unsigned kDefaultStatsLimit = 50;
inline constexpr unsigned kMaxStatsLimit = 500;

// `tokens` may be null (no --tokens): every request then answers 401.
void register_stats_routes(httplib::Server& server, const QueryStats& stats, const access::PartnerTokens* tokens);

}  // namespace tec::searchd
