// JSON and query-string forms of the peers API: the query of GET
// /v1/territories/{code}/peers, the body of POST /v1/cohorts, and their
// answers.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

#include "peers/cohorts.h"
#include "peers/peer_finder.h"
#include "territory/territories.h"

namespace tec::searchd {

struct CohortRequest {
  peers::PeerQuery query;
  std::vector<std::string> codes;
};

// Throw HttpError 400 naming the parameter or field at fault.
peers::PeerQuery peer_query_from_request(const httplib::Request& req);
CohortRequest cohort_request_from_json(std::string_view body);

std::string render_peers(const territory::Territory& of, const std::vector<peers::Peer>& found,
                         const territory::Territories& territories, double took_ms);
std::string render_cohorts(const peers::CohortPlan& plan,
                           const std::vector<std::vector<peers::PeerResource>>& resources,
                           const territory::Territories& territories, double took_ms);

}  // namespace tec::searchd
