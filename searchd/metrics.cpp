// Metrics implementation. prometheus-cpp's families are thread-safe; the
// histogram buckets span what a search costs, from half a millisecond to
// seconds.
#include "searchd/metrics.h"

#include <prometheus/text_serializer.h>

#include <ctime>
#include <optional>

namespace tec::searchd {
namespace {

const prometheus::Histogram::BucketBoundaries kLatencyBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                                 0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

bool starts(std::string_view path, std::string_view prefix) { return path.substr(0, prefix.size()) == prefix; }

std::size_t segments(std::string_view path) {
  std::size_t count = 0;
  for (char c : path) count += c == '/';
  return count;
}

}  // namespace

std::string endpoint_label(std::string_view method, std::string_view path) {
  std::string route;
  if (path == "/" || path == "/conseil" || path == "/metrics" || path == "/healthz" || path == "/v1/search" ||
      path == "/v1/suggest" || path == "/v1/recommend" || path == "/v1/territories" || path == "/v1/sources" ||
      path == "/v1/openapi.json" || path == "/v1/cohorts") {
    route = path;
  } else if (starts(path, "/static/")) {
    route = "/static/*";
  } else if (starts(path, "/v1/resources/") && path.ends_with("/similar") && segments(path) == 5) {
    route = "/v1/resources/{source}/{id}/similar";
  } else if (starts(path, "/v1/resources/") && segments(path) == 4) {
    route = "/v1/resources/{source}/{id}";
  } else if (starts(path, "/ressources/") && segments(path) == 3) {
    route = "/ressources/{source}/{id}";
  } else if (starts(path, "/v1/territories/") && path.ends_with("/peers") && segments(path) == 4) {
    route = "/v1/territories/{code}/peers";
  } else if (starts(path, "/v1/territories/") && segments(path) == 3) {
    route = "/v1/territories/{code}";
  } else if (starts(path, "/v1/sources/") && path.ends_with("/feed") && segments(path) == 4) {
    route = "/v1/sources/{source}/feed";
  } else if (starts(path, "/v1/sources/") && segments(path) == 5) {
    route = "/v1/sources/{source}/syncs/{id}";
  } else {
    route = "other";
  }
  return std::string(method) + " " + route;
}

std::optional<double> epoch_seconds(std::string_view iso_utc) {
  std::tm tm{};
  const std::string text(iso_utc);
  const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  if (!end) return std::nullopt;
  return static_cast<double>(timegm(&tm));
}

Metrics::Metrics()
    : registry_(std::make_shared<prometheus::Registry>()),
      requests_(prometheus::BuildCounter()
                    .Name("tec_http_requests_total")
                    .Help("Requêtes HTTP servies, par route et statut")
                    .Register(*registry_)),
      latency_(prometheus::BuildHistogram()
                   .Name("tec_http_request_duration_seconds")
                   .Help("Durée de traitement des requêtes HTTP, par route et statut")
                   .Register(*registry_)),
      zero_results_(prometheus::BuildCounter()
                        .Name("tec_search_zero_results_total")
                        .Help("Recherches avec du texte qui n'ont trouvé aucune ressource")
                        .Register(*registry_)
                        .Add({})),
      cache_lookups_(prometheus::BuildCounter()
                         .Name("tec_cache_lookups_total")
                         .Help("Réponses cherchées dans le cache, par route et résultat (hit, miss)")
                         .Register(*registry_)),
      documents_(prometheus::BuildGauge()
                     .Name("tec_index_documents")
                     .Help("Documents dans l'index")
                     .Register(*registry_)
                     .Add({})),
      revision_(prometheus::BuildGauge()
                    .Name("tec_index_revision")
                    .Help("Révision de l'index lue")
                    .Register(*registry_)
                    .Add({})),
      last_sync_(prometheus::BuildGauge()
                     .Name("tec_source_last_sync_timestamp_seconds")
                     .Help("Fin de la dernière synchronisation de chaque source (secondes depuis l'époque Unix)")
                     .Register(*registry_)) {}

void Metrics::observe_request(std::string_view method, std::string_view path, int status, double seconds) {
  const prometheus::Labels labels = {{"endpoint", endpoint_label(method, path)}, {"status", std::to_string(status)}};
  requests_.Add(labels).Increment();
  latency_.Add(labels, kLatencyBuckets).Observe(seconds);
}

void Metrics::count_zero_results() { zero_results_.Increment(); }

void Metrics::count_cache_lookup(std::string_view endpoint, bool hit) {
  cache_lookups_.Add({{"endpoint", std::string(endpoint)}, {"result", hit ? "hit" : "miss"}}).Increment();
}

std::string Metrics::render(const IndexFacts& index) {
  documents_.Set(index.documents);
  revision_.Set(index.revision);
  for (const auto& [source, seconds] : index.last_syncs) last_sync_.Add({{"source", source}}).Set(seconds);
  return prometheus::TextSerializer().Serialize(registry_->Collect());
}

}  // namespace tec::searchd
