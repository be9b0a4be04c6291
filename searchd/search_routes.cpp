// Search routes: /v1/search, /v1/suggest, /v1/resources/{source}/{id} and
// its /similar resources, /healthz, and the JSON answer to unknown routes.
#include "searchd/search_routes.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <chrono>
#include <stdexcept>

#include "analysis/utf8.h"
#include "ranking/more_like_this.h"
#include "ranking/searcher.h"
#include "schema/index_schema.h"
#include "searchd/http_errors.h"
#include "searchd/http_params.h"
#include "searchd/json_render.h"
#include "searchd/recommend_json.h"

namespace tec::searchd {
namespace {

HttpError bad_parameter(const std::string& message) { return HttpError(400, "parametre_invalide", message); }

// A date "YYYY-MM-DD" of the calendar, or empty when the parameter is absent.
std::string date_param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return {};
  const std::string text = req.get_param_value(name);
  unsigned year = 0, month = 0, day = 0;
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                      std::from_chars(text.data(), text.data() + 4, year).ptr == text.data() + 4 &&
                      std::from_chars(text.data() + 5, text.data() + 7, month).ptr == text.data() + 7 &&
                      std::from_chars(text.data() + 8, text.data() + 10, day).ptr == text.data() + 10;
  const std::chrono::year_month_day date{std::chrono::year(static_cast<int>(year)), std::chrono::month(month),
                                         std::chrono::day(day)};
  if (!shaped || !date.ok()) throw bad_parameter(std::string("paramètre ") + name + " : date AAAA-MM-JJ attendue");
  return text;
}

std::vector<std::string> repeated_param(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> values;
  const std::size_t count = req.get_param_value_count(name.c_str());
  for (std::size_t i = 0; i < count; ++i) {
    std::string value = req.get_param_value(name.c_str(), i);
    if (analysis::first_invalid_utf8(value) || value.size() > kMaxFilterValueBytes) {
      throw bad_parameter("paramètre " + name + " : valeur invalide");
    }
    if (!value.empty()) values.push_back(std::move(value));
  }
  return values;
}

ranking::SortOrder sort_param(const httplib::Request& req) {
  if (!req.has_param("sort")) return ranking::SortOrder::Relevance;
  const std::string sort = req.get_param_value("sort");
  if (sort == "relevance") return ranking::SortOrder::Relevance;
  if (sort == "date") return ranking::SortOrder::Date;
  throw bad_parameter("paramètre sort : « relevance » ou « date » attendu");
}

std::string query_param(const httplib::Request& req) {
  std::string q = req.has_param("q") ? req.get_param_value("q") : std::string();
  if (analysis::first_invalid_utf8(q)) throw bad_parameter("paramètre q : texte UTF-8 invalide");
  std::size_t chars = 0;
  for (char c : q) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > kMaxQueryChars) {
    throw bad_parameter("paramètre q : " + std::to_string(chars) + " caractères, " + std::to_string(kMaxQueryChars) +
                        " au plus");
  }
  return q;
}

// Appends `part` preceded by its length, so that no two different lists of
// parts make the same key whatever bytes they hold.
void append_part(std::string& key, std::string_view part) {
  key += ':' + std::to_string(part.size()) + ':';
  key += part;
}

// What a cached answer was computed from: the index (UUID and revision) and
// every parameter that shapes it.
std::string cache_key(const Xapian::Database& db, std::initializer_list<std::string_view> parts) {
  std::string key = ranking::IndexVersion::of(db).key();
  for (const std::string_view part : parts) append_part(key, part);
  return key;
}

// The answer cached under the key `make_key` gives, or computed by `compute`
// and cached; without a cache, computed with no key made and nothing counted.
template <class Value, class MakeKey, class Compute>
std::shared_ptr<const Value> cached(ResponseCache<Value>& cache, MakeKey&& make_key, Metrics& metrics,
                                    std::string_view endpoint, Compute&& compute) {
  if (!cache.keeps_answers()) return std::make_shared<const Value>(compute());
  const std::string key = make_key();
  if (auto hit = cache.find(key)) {
    metrics.count_cache_lookup(endpoint, true);
    return hit;
  }
  metrics.count_cache_lookup(endpoint, false);
  auto value = std::make_shared<const Value>(compute());
  cache.insert(key, value);
  return value;
}

ranking::SearchRequest search_request(const httplib::Request& req) {
  ranking::SearchRequest request;
  request.text = query_param(req);
  request.page = integer_param(req, "page", 1, 1, kMaxPage);
  request.per_page = integer_param(req, "per_page", 10, 1, kMaxPerPage);
  request.sort = sort_param(req);
  request.published_after = date_param(req, "published_after");
  request.published_before = date_param(req, "published_before");
  for (const schema::Facet& facet : schema::kFacets) {
    std::vector<std::string> values = repeated_param(req, std::string(facet.name));
    if (!values.empty()) request.filters[std::string(facet.name)] = std::move(values);
  }
  return request;
}

std::string search_cache_key(const Xapian::Database& db, const ranking::SearchRequest& request) {
  std::string filters;
  for (const auto& [facet, values] : request.filters) {
    append_part(filters, facet);
    append_part(filters, std::to_string(values.size()));
    for (const std::string& value : values) append_part(filters, value);
  }
  return cache_key(db, {request.text, std::to_string(request.page), std::to_string(request.per_page),
                        request.sort == ranking::SortOrder::Date ? "date" : "relevance", filters,
                        request.published_after, request.published_before});
}

void route_search(RouteTable& routes, IndexAccess& index, Metrics& metrics, SearchCaches& caches, QueryStats& stats) {
  routes.Get("/v1/search",
             handler([&index, &metrics, &caches, &stats](const httplib::Request& req, httplib::Response& res) {
               const auto started = std::chrono::steady_clock::now();
               const ranking::SearchRequest request = search_request(req);
               const auto response = index.run([&](IndexAccess::Reader& reader) {
                 const auto key = [&] { return search_cache_key(reader.db, request); };
                 return cached(caches.search, key, metrics, "GET /v1/search", [&] {
                   return ranking::Searcher(reader.db, reader.analyzer, reader.lexicon.get(), reader.facets.get())
                       .search(request);
                 });
               });
               if (response->total == 0 && !request.text.empty()) metrics.count_zero_results();
               if (request.page == 1)
                 stats.record(utc_today(), request.text, response->corrected_query, response->total);
               const double took_ms =
                   std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
               res.set_content(render_search(request.text, request, *response, took_ms), kJson);
             }));
}

void route_suggest(RouteTable& routes, IndexAccess& index, Metrics& metrics, SearchCaches& caches) {
  routes.Get("/v1/suggest", handler([&index, &metrics, &caches](const httplib::Request& req, httplib::Response& res) {
               const auto started = std::chrono::steady_clock::now();
               const std::string text = query_param(req);
               const unsigned limit = integer_param(req, "limit", 8, 1, kMaxSuggestions);
               const auto response = index.run([&](IndexAccess::Reader& reader) {
                 const auto key = [&] { return cache_key(reader.db, {text, std::to_string(limit)}); };
                 return cached(caches.suggest, key, metrics, "GET /v1/suggest", [&] {
                   return ranking::Searcher(reader.db, reader.analyzer, reader.lexicon.get()).suggest(text, limit);
                 });
               });
               const double took_ms =
                   std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
               res.set_content(render_suggest(text, *response, took_ms), kJson);
             }));
}

void route_resource(RouteTable& routes, IndexAccess& index) {
  routes.Get(R"(/v1/resources/([^/]+)/([^/]+))", handler([&index](const httplib::Request& req, httplib::Response& res) {
               const std::string source = req.matches[1];
               const std::string id = req.matches[2];
               const auto json = index.run([&](IndexAccess::Reader& reader) {
                 return ranking::Searcher(reader.db, reader.analyzer, reader.lexicon.get()).resource_json(source, id);
               });
               if (!json)
                 throw HttpError(404, "ressource_introuvable",
                                 "aucune ressource « " + id + " » dans la source « " + source + " »");
               res.set_content(*json, kJson);
             }));
}

void route_similar(RouteTable& routes, IndexAccess& index) {
  routes.Get(R"(/v1/resources/([^/]+)/([^/]+)/similar)",
             handler([&index](const httplib::Request& req, httplib::Response& res) {
               const std::string source = req.matches[1];
               const std::string id = req.matches[2];
               const auto limit = integer_param(req, "limit", kDefaultSimilar, 0, kMaxSimilar);
               const auto hits = index.run(
                   [&](IndexAccess::Reader& reader) { return ranking::more_like_this(reader.db, source, id, limit); });
               if (!hits)
                 throw HttpError(404, "ressource_introuvable",
                                 "aucune ressource « " + id + " » dans la source « " + source + " »");
               res.set_content(render_similar(source, id, *hits), kJson);
             }));
}

void route_health(RouteTable& routes, IndexAccess& index) {
  routes.Get("/healthz", handler([&index](const httplib::Request&, httplib::Response& res) {
               const auto [documents, revision] = index.run([](IndexAccess::Reader& reader) {
                 return std::pair{reader.db.get_doccount(), reader.db.get_revision()};
               });
               res.set_content(render_health(documents, revision), kJson);
             }));
}

// Errors without a body of their own (an unknown route, a request the server
// refused before any handler) still answer in JSON.
void answer_errors_in_json(httplib::Server& server) {
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404) {
      res.set_content(render_error("route_inconnue", "aucune route ne correspond à cette adresse"), kJson);
    } else {
      res.set_content(render_error("requete_invalide", "requête refusée (HTTP " + std::to_string(res.status) + ")"),
                      kJson);
    }
  });
}

}  // namespace

void register_search_routes(RouteTable& routes, IndexAccess& index, Metrics& metrics, SearchCaches& caches,
                            QueryStats& stats) {
  route_search(routes, index, metrics, caches, stats);
  route_suggest(routes, index, metrics, caches);
  route_resource(routes, index);
  route_similar(routes, index);
  route_health(routes, index);
  answer_errors_in_json(routes.server());
}

}  // namespace tec::searchd
