// JSON bodies of tec-searchd's responses, rendered with RapidJSON from the
// plain results of the ranking layer.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "ranking/searcher.h"
#include "searchd/sync_service.h"

namespace tec::searchd {

std::string render_search(std::string_view query, const ranking::SearchRequest& request,
                          const ranking::SearchResponse& response, double took_ms);
std::string render_suggest(std::string_view query, const ranking::SuggestResponse& response, double took_ms);
struct SourceSummary {
  std::string source;
  Xapian::doccount documents = 0;
  std::string last_sync_json;  // the last sync report, or empty
};

std::string render_sources(const std::vector<SourceSummary>& sources);
std::string render_sync_status(const SyncStatus& status);
std::string render_error(std::string_view code, std::string_view message);
std::string render_health(Xapian::doccount documents, Xapian::rev revision);

}  // namespace tec::searchd
