// Metrics: what tec-searchd exposes at GET /metrics in the Prometheus text
// format, through prometheus-cpp's registry and serializer: requests and
// their latency per endpoint and status, zero-result searches, response
// cache hits and misses, and, read from the index at each scrape, its
// document count, revision and the time of each source's last sync.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tec::searchd {

// The route a request path belongs to, as a bounded label value
// ("/v1/resources/{source}/{id}"), so that clients cannot grow the series.
std::string endpoint_label(std::string_view method, std::string_view path);

struct IndexFacts {
  double documents = 0;
  double revision = 0;
  // (source, seconds since the epoch of its last sync's end)
  std::vector<std::pair<std::string, double>> last_syncs;
};

class Metrics {
 public:
  Metrics();

  void observe_request(std::string_view method, std::string_view path, int status, double seconds);
  void count_zero_results();
  void count_cache_lookup(std::string_view endpoint, bool hit);
  // The text exposition, with the index gauges set from `index`.
  std::string render(const IndexFacts& index);

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  prometheus::Family<prometheus::Counter>& requests_;
  prometheus::Family<prometheus::Histogram>& latency_;
  prometheus::Counter& zero_results_;
  prometheus::Family<prometheus::Counter>& cache_lookups_;
  prometheus::Gauge& documents_;
  prometheus::Gauge& revision_;
  prometheus::Family<prometheus::Gauge>& last_sync_;
};

// Seconds since the epoch of an ISO 8601 UTC time ("2026-11-27T13:51:51Z"),
// or nullopt.
std::optional<double> epoch_seconds(std::string_view iso_utc);

}  // namespace tec::searchd
