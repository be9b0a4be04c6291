// Searcher: runs a search against one open index and returns plain results
// (no HTTP, no JSON): ranked hits with highlighted title and snippet.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"

namespace tec::ranking {

struct SearchRequest {
  std::string text;  // what the user typed; empty lists every resource, newest first
  unsigned page = 1;
  unsigned per_page = 10;
};

struct SearchHit {
  std::string id, source, type, title, summary, url;
  double score = 0;
  std::string title_html;  // title, escaped, query words in <mark>
  std::string snippet;     // best passage of the body (or summary), same markup
};

struct SearchResponse {
  Xapian::doccount total = 0;  // exact up to kExactCountFloor, estimated beyond
  std::vector<SearchHit> hits;
};

class Searcher {
 public:
  Searcher(const Xapian::Database& db, analysis::FrenchAnalyzer& analyzer) : db_(db), analyzer_(analyzer) {}

  SearchResponse search(const SearchRequest& request);

  // The stored record of (source, id), as JSON, or nullopt.
  std::optional<std::string> resource_json(const std::string& source, const std::string& id);

 private:
  const Xapian::Database& db_;
  analysis::FrenchAnalyzer& analyzer_;
};

}  // namespace tec::ranking
