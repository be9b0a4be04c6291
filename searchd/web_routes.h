// The pages of tec-searchd: "/" (public search), "/conseil" (advisor
// console) and "/ressources/{source}/{id}" (a resource's page), with their
// assets under /static/, served from a directory of plain files
// (searchd/web/ in the source tree): no build step.
#pragma once

#include <httplib.h>

#include <filesystem>

#include "searchd/route_table.h"

namespace tec::searchd {

// Returns false when `web_dir` has no static/ folder to mount.
bool register_web_routes(RouteTable& routes, const std::filesystem::path& web_dir);

}  // namespace tec::searchd
