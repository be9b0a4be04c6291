// Searcher implementation: Enquire with BM25, then highlighting of the page.
#include "ranking/searcher.h"

#include "ranking/query_builder.h"
#include "ranking/ranking_params.h"
#include "ranking/snippet.h"
#include "schema/index_schema.h"
#include "schema/stored_document.h"

namespace tec::ranking {

SearchResponse Searcher::search(const SearchRequest& request) {
  QueryBuilder builder(analyzer_);
  const BuiltQuery built = builder.build(request.text);

  Xapian::Enquire enquire(db_);
  if (built.terms.empty()) {
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.set_sort_by_value_then_relevance(schema::kSlotPublished, true);
  } else {
    enquire.set_query(built.query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormLen));
  }

  const Xapian::doccount offset = (request.page - 1) * request.per_page;
  const Xapian::MSet mset = enquire.get_mset(offset, request.per_page, kExactCountFloor);

  SearchResponse response;
  response.total = mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto stored = schema::StoredDocument::decode(it.get_document().get_data());
    if (!stored) continue;
    SearchHit hit;
    hit.id = stored->id;
    hit.source = stored->source;
    hit.type = stored->type;
    hit.title = stored->title;
    hit.summary = stored->summary;
    hit.url = stored->url;
    hit.score = it.get_weight();
    hit.title_html = mark_all(stored->title, built.terms, analyzer_);
    const std::string& passage_source = stored->body_text.empty() ? stored->summary : stored->body_text;
    hit.snippet = make_snippet(passage_source, built.terms, analyzer_, kSnippetWords);
    response.hits.push_back(std::move(hit));
  }
  return response;
}

std::optional<std::string> Searcher::resource_json(const std::string& source, const std::string& id) {
  const std::string key = schema::unique_term(source, id);
  Xapian::PostingIterator posting = db_.postlist_begin(key);
  if (posting == db_.postlist_end(key)) return std::nullopt;
  const auto stored = schema::StoredDocument::decode(db_.get_document(*posting).get_data());
  if (!stored) return std::nullopt;
  return stored->resource_json;
}

}  // namespace tec::ranking
