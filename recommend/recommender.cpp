// Recommender implementation: one Enquire per list, bounded to kCandidates,
// then scoring and ordering in plain C++.
#include "recommend/recommender.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "ranking/docid_list.h"
#include "ranking/postings.h"
#include "ranking/query_builder.h"
#include "ranking/ranking_params.h"
#include "ranking/stopwords.h"
#include "recommend/diversity.h"
#include "recommend/hard_rules.h"
#include "recommend/recommend_params.h"
#include "recommend/scoring.h"
#include "schema/index_schema.h"

namespace tec::recommend {
namespace {

// A word of the need, the index terms that show a document holds it, and
// how telling it is (inverse document frequency).
struct NeedWord {
  std::string display;
  std::vector<std::string> terms;
  double idf = 0;
};

std::vector<NeedWord> need_words(const std::string& need, analysis::FrenchAnalyzer& analyzer,
                                 const Xapian::Database& db) {
  std::vector<NeedWord> out;
  std::unordered_set<std::string> seen;
  const double documents = std::max<double>(1, db.get_doccount());
  for (const analysis::Token& token : analyzer.analyze(need)) {
    if (token.kind != analysis::Token::Kind::Word || token.stems.empty() || ranking::is_stopword(token.term)) continue;
    if (!seen.insert(token.term).second) continue;
    NeedWord word{token.lowered, {token.term}, 0};
    for (const std::string& stem : token.stems) word.terms.push_back(schema::prefixed(schema::kPrefixStem, stem));
    Xapian::doccount frequency = 0;
    for (const std::string& term : word.terms) frequency = std::max(frequency, db.get_termfreq(term));
    // A word the index does not hold cannot tell resources apart.
    if (frequency == 0) continue;
    word.idf = std::log(1 + documents / frequency);
    out.push_back(std::move(word));
  }
  return out;
}

// A query as search builds it: `query` ranks the documents holding every
// word first, `all_words` (empty for one word) holds those alone.
struct WordsQuery {
  Xapian::Query query;
  Xapian::Query all_words;
};

// The kCandidates best documents of `words` within `rules` (BM25), from the
// documents holding every word when there are enough of them.
Xapian::MSet best_candidates(Xapian::Enquire& enquire, const WordsQuery& words, const Xapian::Query& rules) {
  using Q = Xapian::Query;
  enquire.set_weighting_scheme(ranking::bm25_weight());
  return ranking::all_words_first(words.all_words, words.query, kCandidates, [&](const Q& query, bool) {
    enquire.set_query(query.empty() ? rules : Q(Q::OP_FILTER, query, rules));
    return enquire.get_mset(0, kCandidates);
  });
}

// A document the list may recommend, once the hard rules have kept it.
struct Candidate {
  Xapian::docid docid;
  ResourceFacts facts;
};

// How each candidate meets the need. Its words are looked up in their
// posting lists, candidates in docid order: asking the matcher for each
// candidate's matching terms decompressed the candidate's whole term list
// and cost a fifth of a recommendation. The weight is the need's query
// alone, run over the candidates only (a DocidList, which an OR of their
// unique terms was, at a posting list opened per candidate), so that the
// themes' words do not count as the need's.
std::unordered_map<Xapian::docid, NeedMatch> need_matches(const Xapian::Database& db, const Xapian::Query& need_query,
                                                          const std::vector<Candidate>& candidates,
                                                          const std::vector<NeedWord>& words) {
  std::unordered_map<Xapian::docid, NeedMatch> matches;
  if (need_query.empty() || words.empty() || candidates.empty()) return matches;

  std::vector<Xapian::docid> in_order;
  for (const Candidate& candidate : candidates) in_order.push_back(candidate.docid);
  std::sort(in_order.begin(), in_order.end());
  double total_idf = 0;
  for (const NeedWord& word : words) {
    total_idf += word.idf;
    std::unordered_set<Xapian::docid> holding;
    for (const std::string& term : word.terms) {
      for (const Xapian::docid docid : ranking::documents_with_term(db, term, in_order)) holding.insert(docid);
    }
    for (Xapian::docid docid : holding) {
      NeedMatch& match = matches[docid];
      match.words_matched.push_back(word.display);
      match.weighted_share += word.idf;
    }
  }
  for (auto& [docid, match] : matches) match.weighted_share /= total_idf;

  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(ranking::bm25_weight());
  const Xapian::Query among_candidates((new ranking::DocidList(in_order))->release());
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, need_query, among_candidates));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(candidates.size()));
  const double best_weight = mset.empty() ? 0 : mset.begin().get_weight();
  if (best_weight <= 0) return matches;
  for (auto it = mset.begin(); it != mset.end(); ++it) matches[*it].relative_weight = it.get_weight() / best_weight;
  return matches;
}

}  // namespace

struct Recommender::Wanted {
  Xapian::Query need;         // the need's weight, exact forms included; empty without a need
  WordsQuery need_or_themes;  // empty when the profile asks for neither
  std::vector<NeedWord> need_words;
};

Recommendation Recommender::recommend(const CollectivityProfile& profile, const RecommendOptions& options) {
  using Q = Xapian::Query;
  ranking::QueryBuilder builder(analyzer_, db_, lexicon_);
  Wanted wanted;
  ranking::BuiltQuery need;
  // Candidates are found by the words' stems alone: exact forms only add
  // weight, and matching them too walked twice the posting lists (18 % of a
  // recommendation at 100,000 documents). The need's weight over the
  // candidates keeps them: without them, a judged profile lost a resource.
  const ranking::BuildOptions retrieval{.complete_last_word = false, .exact_forms = false};
  if (!profile.need.empty()) {
    need = builder.build(profile.need, retrieval);
    wanted.need = builder.build(profile.need, {.complete_last_word = false}).query;
  }
  std::vector<Q> themes;
  // A theme brings the documents holding all its words ("transition" and
  // "écologique"), not those holding either: the need's words are the ones
  // read one by one. Every word of the theme alone made the candidates' match
  // walk the posting lists of common words (a quarter of a recommendation at
  // 100,000 documents; the judged profiles are answered alike).
  for (const std::string& theme : profile.themes) {
    const ranking::BuiltQuery built = builder.build(theme, retrieval);
    themes.push_back(built.all_words.empty() ? built.query : built.all_words);
  }
  std::erase_if(themes, [](const Q& q) { return q.empty(); });
  const auto or_themes = [&](const Q& need) {
    std::vector<Q> parts = themes;
    if (!need.empty()) parts.push_back(need);
    return parts.empty() ? Q() : Q(Q::OP_OR, parts.begin(), parts.end());
  };
  wanted.need_or_themes = {or_themes(need.query), need.all_words.empty() ? Q() : or_themes(need.all_words)};
  wanted.need_words = need_words(profile.need, analyzer_, db_);

  Recommendation out;
  out.resources = list(profile, wanted, options, false, options.resources);
  out.workshops = list(profile, wanted, options, true, options.workshops);
  return out;
}

std::vector<RecommendedItem> Recommender::list(const CollectivityProfile& profile, const Wanted& wanted,
                                               const RecommendOptions& options, bool workshops, std::size_t limit) {
  const Xapian::Query rules = prefilter(profile, options.today, workshops, analyzer_);
  Xapian::Enquire enquire(db_);
  const Xapian::MSet mset = best_candidates(enquire, wanted.need_or_themes, rules);
  std::vector<Candidate> candidates;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    auto facts = facts_of(it.get_document().get_data());
    if (!facts || exclusion(*facts, profile, options.today)) continue;
    candidates.push_back({*it, std::move(*facts)});
  }
  const auto needs = need_matches(db_, wanted.need, candidates, wanted.need_words);
  const ScoringContext context{profile, options.today, territories_, analyzer_};

  std::vector<RecommendedItem> items;
  for (const Candidate& candidate : candidates) {
    const ResourceFacts& facts = candidate.facts;
    const auto need = needs.find(candidate.docid);
    const NeedMatch match = need == needs.end() ? NeedMatch{} : need->second;
    const Score scored = score(facts, match, context);
    if (scored.total <= 0) continue;

    RecommendedItem item{facts.id,  facts.source, facts.type, facts.title, facts.summary,
                         facts.url, scored.total, {},         {}};
    for (const ScorePart& part : scored.parts) item.reasons.push_back(part.reason);
    if (workshops) {
      for (const SessionFacts* session : upcoming_sessions(facts, options.today)) item.sessions.push_back(*session);
    }
    items.push_back(std::move(item));
  }

  // Best score first; equal scores keep the matcher's order.
  std::stable_sort(items.begin(), items.end(),
                   [](const RecommendedItem& a, const RecommendedItem& b) { return a.score > b.score; });
  if (workshops) {
    items.resize(std::min(limit, items.size()));
    return items;
  }
  std::vector<Ranked> ranked;
  for (const RecommendedItem& item : items) ranked.push_back({item.type, item.score});
  std::vector<RecommendedItem> out;
  for (std::size_t i : diversified_order(ranked, limit)) out.push_back(std::move(items[i]));
  return out;
}

}  // namespace tec::recommend
