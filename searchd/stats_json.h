// The JSON body of GET /v1/stats/queries, rendered from a QueryReport.
#pragma once

#include <string>

#include "searchd/query_stats.h"

namespace tec::searchd {

std::string render_query_stats(const QueryReport& report, unsigned days);

}  // namespace tec::searchd
