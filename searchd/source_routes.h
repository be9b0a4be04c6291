// Routes of the partners' sources: GET /v1/sources, and the feed push
// (PUT /v1/sources/{source}/feed with a bearer token) with its status
// (GET /v1/sources/{source}/syncs/{id}).
#pragma once

#include <httplib.h>

#include <cstddef>
#include <string>

#include "access/partner_tokens.h"
#include "searchd/index_access.h"
#include "searchd/route_table.h"
#include "searchd/sync_service.h"

namespace tec::searchd {

struct PushSettings {
  access::PartnerTokens tokens;
  std::string spool_dir;  // uploads are written here before their sync
  std::size_t max_upload_bytes;
  SyncService* syncs;
};

// `push` null: feeds cannot be pushed (PUT answers 503).
void register_source_routes(RouteTable& routes, IndexAccess& index, PushSettings* push);

}  // namespace tec::searchd
