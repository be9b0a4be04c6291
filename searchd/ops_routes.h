// Routes for operators and integrators: GET /metrics (Prometheus) and
// GET /v1/openapi.json (the API description).
#pragma once

#include <httplib.h>

#include "searchd/index_access.h"
#include "searchd/metrics.h"
#include "searchd/route_table.h"

namespace tec::searchd {

void register_ops_routes(RouteTable& routes, IndexAccess& index, Metrics& metrics);

}  // namespace tec::searchd
