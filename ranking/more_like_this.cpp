// MoreLikeThis implementation: an RSet of one document, its ESet of stems.
#include "ranking/more_like_this.h"

#include "ranking/ranking_params.h"
#include "ranking/text_stems_only.h"
#include "schema/index_schema.h"
#include "schema/stored_document.h"

namespace tec::ranking {

std::optional<std::vector<SearchHit>> more_like_this(const Xapian::Database& db, const std::string& source,
                                                     const std::string& id, unsigned limit) {
  const std::string key = schema::unique_term(source, id);
  Xapian::PostingIterator posting = db.postlist_begin(key);
  if (posting == db.postlist_end(key)) return std::nullopt;

  Xapian::RSet rset;
  rset.add_document(*posting);
  Xapian::Enquire enquire(db);
  const TextStemsOnly stems_only;
  const Xapian::ESet eset = enquire.get_eset(kSimilarTerms, rset, &stems_only);
  std::vector<SearchHit> hits;
  if (eset.empty()) return hits;

  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight());
  }
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT,
                                  Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), Xapian::Query(key)));
  enquire.set_weighting_scheme(bm25_weight());
  const Xapian::MSet mset = enquire.get_mset(0, limit);
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
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace tec::ranking
