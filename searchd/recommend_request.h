// The profile of a recommendation request, read from a POST body (JSON) or
// from GET parameters, with a French 400 naming the field at fault.
#pragma once

#include <httplib.h>

#include <string_view>

#include "recommend/profile.h"

namespace tec::searchd {

// Throw HttpError 400 with the field at fault.
recommend::ProfileRequest profile_from_json(std::string_view body);
recommend::ProfileRequest profile_from_query(const httplib::Request& req);

}  // namespace tec::searchd
