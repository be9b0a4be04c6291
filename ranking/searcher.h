// Searcher: runs a search against one open index and returns plain results
// (no HTTP, no JSON): ranked hits with highlighted title and snippet, facet
// counts, the correction applied, and completions for the search box.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "ranking/facet_table.h"
#include "ranking/lexicon.h"
#include "ranking/query_builder.h"

namespace tec::ranking {

enum class SortOrder { Relevance, Date };

struct SearchRequest {
  std::string text;  // what the user typed; empty lists every resource, newest first
  unsigned page = 1;
  unsigned per_page = 10;
  SortOrder sort = SortOrder::Relevance;
  // Facet name (schema::kFacets) -> accepted values: OR within a facet, AND across.
  std::map<std::string, std::vector<std::string>> filters;
  // Publication dates, "YYYY-MM-DD", both included; empty: no bound. A
  // resource without a date is left out when either is set.
  std::string published_after, published_before;
};

struct SearchHit {
  std::string id, source, type, title, summary, url;
  double score = 0;
  std::string title_html;  // title, escaped, query words in <mark>
  std::string snippet;     // best passage of the body (or summary), same markup
};

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;
};

struct FacetCounts {
  std::string name;                // "type", "theme", ...
  std::vector<FacetValue> values;  // most frequent first
};

struct SearchResponse {
  Xapian::doccount total = 0;  // exact when total_exact, else an estimate
  bool total_exact = true;
  std::vector<SearchHit> hits;
  std::vector<FacetCounts> facets;   // counts over the matches, each facet ignoring its own filter
  std::string corrected_query;       // set when a correction was applied
  bool partial = false;              // the query was cut to bound the work
  std::vector<IgnoredWord> ignored;  // words typed but not searched
};

struct Completion {
  std::string text;  // the whole query with its last word completed
  Xapian::doccount documents = 0;
};

struct SuggestResponse {
  std::vector<Completion> completions;
  std::vector<SearchHit> titles;  // best matching resources; no snippet
};

class Searcher {
 public:
  // `lexicon` may be null (no completion, correction or synonyms); so may
  // `facets` (facet counts then read the index, see FacetSpy).
  Searcher(const Xapian::Database& db, analysis::FrenchAnalyzer& analyzer, const Lexicon* lexicon,
           const FacetTable* facets = nullptr)
      : db_(db), analyzer_(analyzer), lexicon_(lexicon), facets_(facets) {}

  SearchResponse search(const SearchRequest& request);
  SuggestResponse suggest(const std::string& text, unsigned limit);

  // The stored record of (source, id), as JSON, or nullopt.
  std::optional<std::string> resource_json(const std::string& source, const std::string& id);

 private:
  const Xapian::Database& db_;
  analysis::FrenchAnalyzer& analyzer_;
  const Lexicon* lexicon_;
  const FacetTable* facets_;
};

}  // namespace tec::ranking
