// The policy every request goes through, whatever its route: timing and the
// access log, metrics, CORS for the allowed origins only, and a cap on the
// requests one client may have in progress at once (from their headers read
// to their answer ready; writing it out is bounded by the write timeout), so
// that one client cannot hold every worker thread.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include "searchd/metrics.h"

namespace tec::searchd {

struct HttpPolicy {
  unsigned threads = 32;  // workers; each keep-alive connection holds one while open
  // Origins allowed to call the API from a browser ("https://territoiresencommun.anct.gouv.fr");
  // empty: no CORS header at all, so browsers on other origins are refused.
  std::vector<std::string> cors_origins;
  // Requests one client address may have in progress; 0 lifts the cap (behind
  // a proxy every request comes from the proxy's address).
  unsigned max_requests_per_client = 8;
  // Reverse proxies (canonical IP literals) whose X-Forwarded-For names the
  // client; the header of any other connection is ignored.
  std::vector<std::string> trusted_proxies;
  // Seconds a client may take to send a request, and to read the response.
  time_t read_timeout = 5, write_timeout = 5;
  time_t keep_alive_timeout = 5;
  std::size_t keep_alive_max_requests = 100;
  std::size_t max_body_bytes = 1 << 20;  // requests other than feed pushes
};

// Also installs the worker pool (`threads` workers).
void install_http_policy(httplib::Server& server, const HttpPolicy& policy, Metrics& metrics);

}  // namespace tec::searchd
