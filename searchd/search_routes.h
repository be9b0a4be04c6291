// The search routes of tec-searchd: /v1/search, /v1/suggest, a resource and
// its similar resources, /healthz. Handlers stay thin: read parameters, call
// the ranking layer through IndexAccess, render JSON.
#pragma once

#include <httplib.h>

#include "ranking/searcher.h"
#include "searchd/index_access.h"
#include "searchd/metrics.h"
#include "searchd/query_stats.h"
#include "searchd/response_cache.h"
#include "searchd/route_table.h"

namespace tec::searchd {

// Longest accepted `q`, in characters.
inline constexpr std::size_t kMaxQueryChars = 1000;
inline constexpr unsigned kMaxPerPage = 100;
inline constexpr unsigned kMaxPage = 1000;
inline constexpr unsigned kMaxSuggestions = 20;
inline constexpr unsigned kDefaultSimilar = 5;
inline constexpr unsigned kMaxSimilar = 50;
inline constexpr std::size_t kMaxFilterValueBytes = 200;

struct SearchCaches {
  explicit SearchCaches(std::size_t entries) : search(entries), suggest(entries) {}
  ResponseCache<ranking::SearchResponse> search;
  ResponseCache<ranking::SuggestResponse> suggest;
};

// `metrics` counts the searches that find nothing and the cache's hits;
// `stats` records the first page of each search typed (not the next pages,
// which are the same question, nor the completions asked while typing).
void register_search_routes(RouteTable& routes, IndexAccess& index, Metrics& metrics, SearchCaches& caches,
                            QueryStats& stats);

}  // namespace tec::searchd
