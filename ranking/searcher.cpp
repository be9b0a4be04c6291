// Searcher implementation: the page ranked by BM25 in a run that counts
// nothing, total and facets counted by an unweighted run over a bounded
// sample, a second pass with rare words corrected when the first finds
// little, pseudo-relevance feedback for questions, highlighting.
#include "ranking/searcher.h"

#include <algorithm>
#include <cmath>

#include "ranking/docid_list.h"
#include "ranking/facets.h"
#include "ranking/postings.h"
#include "ranking/query_builder.h"
#include "ranking/ranking_params.h"
#include "ranking/snippet.h"
#include "ranking/stopwords.h"
#include "ranking/text_stems_only.h"
#include "schema/index_schema.h"
#include "schema/stored_document.h"

namespace tec::ranking {
namespace {

Xapian::Query filtered(const Xapian::Query& query, const Xapian::Query& filter) {
  if (filter.get_type() == Xapian::Query::LEAF_MATCH_ALL) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

// Both boolean filters, MatchAll standing for none.
Xapian::Query both(const Xapian::Query& a, const Xapian::Query& b) {
  if (a.get_type() == Xapian::Query::LEAF_MATCH_ALL) return b;
  if (b.get_type() == Xapian::Query::LEAF_MATCH_ALL) return a;
  return Xapian::Query(Xapian::Query::OP_AND, a, b);
}

// The last kSuggestionContextWords words of `before` (what precedes the word
// being typed, little words aside), from the first of them to the end.
std::string context_of(const std::string& before, analysis::FrenchAnalyzer& analyzer) {
  const std::vector<analysis::Token> tokens = analyzer.analyze(before);
  std::size_t begin = before.size();
  unsigned words = 0;
  for (auto it = tokens.rbegin(); it != tokens.rend() && words < kSuggestionContextWords; ++it) {
    if (it->kind != analysis::Token::Kind::Word || is_stopword(it->term)) continue;
    begin = it->begin;
    ++words;
  }
  return before.substr(begin);
}

// The word being typed: the last word of `text`, when nothing follows it.
const analysis::Token* word_being_typed(const std::vector<analysis::Token>& tokens, const std::string& text) {
  const analysis::Token* last = nullptr;
  for (const analysis::Token& token : tokens) {
    if (token.kind == analysis::Token::Kind::Word) last = &token;
  }
  return last && last->end == text.size() ? last : nullptr;
}

// Whether the words typed name something a title can be about: a word typed
// whole that is not a little word, or a word being typed of
// kMinTitlePrefixLength letters or more ("par" may become "participatif").
bool names_a_subject(const std::vector<analysis::Token>& tokens, const analysis::Token* being_typed) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const analysis::Token& token) {
    if (token.kind != analysis::Token::Kind::Word) return false;
    if (&token == being_typed) return token.term.size() >= kMinTitlePrefixLength;
    return !is_stopword(token.term);
  });
}

// The first kSuggestionSample documents, in index order, holding every word
// of `text` (typed as is), and how many hold them in all (estimated).
struct Sample {
  std::vector<Xapian::docid> documents;  // ascending
  Xapian::doccount matches = 0;
};

Sample sample_holding(const std::string& text, analysis::FrenchAnalyzer& analyzer, const Xapian::Database& db) {
  const BuiltQuery built = QueryBuilder(analyzer, db, nullptr).build(text + " ");
  const Xapian::Query& query = built.all_words.empty() ? built.query : built.all_words;
  Sample sample;
  if (query.empty()) return sample;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, kSuggestionSample);
  for (auto it = mset.begin(); it != mset.end(); ++it) sample.documents.push_back(*it);
  std::sort(sample.documents.begin(), sample.documents.end());
  sample.matches = mset.get_matches_estimated();
  return sample;
}

// The documents holding `term` among those `sample` stands for, scaled from
// the sample. Counting each completion with a match of its own, the words
// before it included, cost up to 30 matches per keystroke, and made the
// slowest suggestions at 100,000 documents four to seven times as long
// (bench/README.md).
Xapian::doccount count_among(const Sample& sample, const std::string& term, const Xapian::Database& db) {
  const std::size_t held = documents_with_term(db, term, sample.documents).size();
  return static_cast<Xapian::doccount>(
      std::lround(static_cast<double>(held) * sample.matches / sample.documents.size()));
}

// A result's stored fields and highlighted title; the snippet is the caller's.
SearchHit hit_of(const schema::StoredDocument& stored, double score, const Highlighter& highlighter,
                 analysis::FrenchAnalyzer& analyzer) {
  SearchHit hit;
  hit.id = stored.id;
  hit.source = stored.source;
  hit.type = stored.type;
  hit.title = stored.title;
  hit.summary = stored.summary;
  hit.url = stored.url;
  hit.score = score;
  hit.title_html = highlighter.mark_all(stored.title, analyzer);
  return hit;
}

// A count of the documents a query matches, and their facets: a run with
// BoolWeight (no weights to compute) that looks at kFacetSample matches at
// most, in index order, and stops there.
struct Count {
  Xapian::doccount total = 0;  // exact when `exact`, else Xapian's estimate
  bool exact = true;
  std::unique_ptr<FacetSpy> spy;

  // Beyond the sample, facet counts are scaled from the matches looked at to
  // the estimated total.
  double scale() const {
    const Xapian::doccount seen = spy->seen();
    return exact || seen == 0 || total <= seen ? 1.0 : static_cast<double>(total) / seen;
  }
};

// The query a search ranks, and its count.
struct Chosen {
  Xapian::Query query;     // what is matched, filters aside
  bool all_words = false;  // only the documents holding every word
  Count count;
};

// One search's runs of Xapian: its filters, its order, and what nothing
// typed stands for.
class SearchRun {
 public:
  // `browse`: nothing typed, so every document (filters aside) matches.
  SearchRun(const Xapian::Database& db, const FacetTable* facets, analysis::FrenchAnalyzer& analyzer,
            const SearchRequest& request, bool browse)
      : db_(db),
        facets_(facets),
        analyzer_(analyzer),
        request_(request),
        dates_(published_filter(request.published_after, request.published_before)),
        filter_(both(facet_filter(request.filters, analyzer), dates_)),
        browse_(browse),
        by_date_(request.sort == SortOrder::Date) {}

  // When enough documents hold every word, they are the answer, total and
  // facets included: the others would only come after them.
  Chosen choose(const BuiltQuery& q) const {
    Chosen chosen;
    if (!q.all_words.empty()) {
      chosen.count = count(q.all_words, filter_);
      if (chosen.count.total >= kAllWordsEnough) {
        chosen.query = q.all_words;
        chosen.all_words = true;
        return chosen;
      }
    }
    chosen.query = q.query;
    chosen.count = count(q.query, filter_);
    return chosen;
  }

  // The page asked for, of a search of `words` words.
  Xapian::MSet page(const Chosen& main, std::size_t words) const {
    const Xapian::doccount offset = (request_.page - 1) * request_.per_page;
    // A question asked in one's own words rarely uses the words of the texts
    // that answer it: the best texts found lend their own most telling stems
    // to the ranking (pseudo-relevance feedback). They only reorder the
    // first results (the window): run over all the matches, their posting
    // lists, long ones among them, were walked for every document holding a
    // word typed, and the judged sets score the same either way. Pages past
    // the window follow the words typed alone. Total and facets count the
    // words typed.
    const Xapian::doccount window = (kFeedbackWindow + request_.per_page - 1) / request_.per_page * request_.per_page;
    if (words < kFeedbackMinWords || by_date_ || main.count.total == 0 || offset >= window)
      return rank(main.query, offset, request_.per_page);
    const Xapian::MSet first = rank(main.query, 0, window);
    Xapian::RSet top;
    std::vector<Xapian::docid> shown;
    for (auto it = first.begin(); it != first.end(); ++it) {
      if (top.size() < kFeedbackDocuments) top.add_document(*it);
      shown.push_back(*it);
    }
    Xapian::Enquire expander(db_);
    expander.set_query(main.query);
    const TextStemsOnly stems_only;
    const Xapian::ESet expansion = expander.get_eset(kFeedbackTerms, top, &stems_only);
    if (expansion.empty()) return rank(main.query, offset, request_.per_page);
    std::vector<Xapian::Query> terms;
    for (auto it = expansion.begin(); it != expansion.end(); ++it) terms.emplace_back(*it);
    const Xapian::Query feedback(Xapian::Query::OP_SCALE_WEIGHT,
                                 Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), kFeedbackWeight);
    const Xapian::Query among_first((new DocidList(std::move(shown)))->release());
    return rank(Xapian::Query(Xapian::Query::OP_FILTER,
                              Xapian::Query(Xapian::Query::OP_AND_MAYBE, main.query, feedback), among_first),
                offset, request_.per_page);
  }

  // The hits of a page, highlighted, with their snippets.
  std::vector<SearchHit> hits(const Xapian::MSet& page, const QueryTerms& terms) const {
    std::vector<SearchHit> hits;
    const Highlighter highlighter(terms);
    for (auto it = page.begin(); it != page.end(); ++it) {
      const auto stored = schema::StoredDocument::decode(it.get_document().get_data());
      if (!stored) continue;
      SearchHit hit = hit_of(*stored, it.get_weight(), highlighter, analyzer_);
      const std::string& passage_source = stored->body_text.empty() ? stored->summary : stored->body_text;
      hit.snippet = highlighter.snippet(passage_source, analyzer_, kSnippetWords);
      hits.push_back(std::move(hit));
    }
    return hits;
  }

  // The most frequent values of each facet among the matches of `main`.
  std::vector<FacetCounts> facet_counts(const Chosen& main) const {
    std::vector<FacetCounts> facets;
    for (std::size_t i = 0; i < schema::kFacets.size(); ++i) {
      const schema::Facet& facet = schema::kFacets[i];
      FacetCounts counts{std::string(facet.name), {}};
      std::vector<std::pair<std::string, Xapian::doccount>> values;
      if (request_.filters.contains(counts.name)) {
        // The facet's own filter is left out, so its other values keep their counts.
        const Count own = count(main.query, both(facet_filter(request_.filters, analyzer_, counts.name), dates_));
        values = own.spy->top(i, kMaxFacetValues, own.scale());
      } else {
        values = main.count.spy->top(i, kMaxFacetValues, main.count.scale());
      }
      for (auto& [value, n] : values) counts.values.push_back({std::move(value), n});
      facets.push_back(std::move(counts));
    }
    return facets;
  }

 private:
  // An empty query matches every document when browsing, none otherwise.
  Xapian::Query matched(const Xapian::Query& query) const {
    return query.empty() && browse_ ? Xapian::Query::MatchAll : query;
  }

  Count count(const Xapian::Query& query, const Xapian::Query& facet_query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(filtered(matched(query), facet_query));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Count result;
    result.spy = std::make_unique<FacetSpy>(db_, facets_);
    enquire.add_matchspy(result.spy.get());
    const Xapian::MSet mset = enquire.get_mset(0, 0, kFacetSample);
    result.total = mset.get_matches_estimated();
    result.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    return result;
  }

  // The page alone: asked for no count, Xapian stops as soon as no other
  // document can enter it (its pruning by maximum weight).
  Xapian::MSet rank(const Xapian::Query& query, Xapian::doccount first, Xapian::doccount size) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(filtered(matched(query), filter_));
    enquire.set_weighting_scheme(bm25_weight());
    if (browse_ || by_date_) enquire.set_sort_by_value_then_relevance(schema::kSlotPublished, true);
    return enquire.get_mset(first, size);
  }

  const Xapian::Database& db_;
  const FacetTable* facets_;
  analysis::FrenchAnalyzer& analyzer_;
  const SearchRequest& request_;
  const Xapian::Query dates_;
  const Xapian::Query filter_;  // the request's facet and date filters
  const bool browse_;
  const bool by_date_;
};

}  // namespace

SearchResponse Searcher::search(const SearchRequest& request) {
  QueryBuilder builder(analyzer_, db_, lexicon_);
  BuiltQuery built = builder.build(request.text);
  // Nothing typed browses every document (filters aside); words typed and
  // all ignored match none, rather than the whole base.
  const SearchRun run(db_, facets_, analyzer_, request, built.query.empty() && !built.nothing_left);

  Chosen main = run.choose(built);
  // Few results and a rare word that may be a typo: a second pass with rare
  // words corrected, kept when it finds more.
  if (main.count.total < kFewResults && built.has_rare_words) {
    BuiltQuery second = builder.build(request.text, {.complete_last_word = true, .correct_rare_words = true});
    if (!second.corrected.empty()) {
      Chosen retry = run.choose(second);
      if (retry.count.total > main.count.total) {
        built = std::move(second);
        main = std::move(retry);
      }
    }
  }
  const Xapian::MSet page = run.page(main, built.words);

  SearchResponse response;
  response.total = main.count.total;
  response.total_exact = main.count.exact;
  response.corrected_query = built.corrected;
  response.partial = built.partial;
  response.ignored = built.ignored;
  response.hits = run.hits(page, built.terms);
  response.facets = run.facet_counts(main);
  return response;
}

SuggestResponse Searcher::suggest(const std::string& text, unsigned limit) {
  SuggestResponse response;
  const std::vector<analysis::Token> tokens = analyzer_.analyze(text);
  const analysis::Token* being_typed = word_being_typed(tokens, text);
  // The word to complete, if any.
  const analysis::Token* open_word =
      lexicon_ && being_typed && being_typed->term.size() >= kMinPrefixLength ? being_typed : nullptr;
  if (open_word) {
    std::string before = text.substr(0, open_word->begin);
    // The words before, corrected as a search corrects them: "budjet partic"
    // completes to "budget participatif", not "budjet participatif".
    if (const BuiltQuery typed = QueryBuilder(analyzer_, db_, lexicon_).build(before, {.complete_last_word = false});
        !typed.corrected.empty()) {
      before = typed.corrected;
    }
    const auto completions = lexicon_->completions(open_word->term, kMaxPrefixExpansion, 20000);
    // After other words, a completion counts the documents it shares with
    // the last of them: "budget partic" offers "participatif" before
    // "participants".
    std::vector<std::pair<std::string, Xapian::doccount>> together;
    const Sample sample = sample_holding(context_of(before, analyzer_), analyzer_, db_);
    if (!sample.documents.empty()) {
      for (const auto& [term, documents] : completions) {
        const Xapian::doccount shared = count_among(sample, term, db_);
        if (shared > 0) together.emplace_back(term, shared);
      }
      std::stable_sort(together.begin(), together.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    const auto& offered = together.empty() ? completions : together;
    for (std::size_t i = 0; i < offered.size() && i < limit; ++i) {
      response.completions.push_back({before + lexicon_->display(offered[i].first), offered[i].second});
    }
  }

  // Little words and the first two letters of a word ("de", "pas de") are
  // in nearly every title: titles found by them alone had nothing in common
  // with what was being typed, and the run walked them all (the slowest
  // suggestions, 10 ms at 328,000 documents).
  if (!names_a_subject(tokens, being_typed)) return response;

  // Titles holding every word first, then titles holding some. Only titles:
  // their posting lists are short, where matching whole texts walks every
  // document that mentions a common word anywhere; at 100,000 documents that
  // made the slowest suggestions twice as long (bench/README.md).
  QueryBuilder builder(analyzer_, db_, lexicon_);
  const BuiltQuery built = builder.build(text, {.titles_only = true});
  if (built.query.empty()) return response;
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(bm25_weight());
  const Xapian::MSet mset = all_words_first(built.all_words, built.query, limit, [&](const Xapian::Query& query, bool) {
    enquire.set_query(query);
    return enquire.get_mset(0, limit);
  });
  const Highlighter highlighter(built.terms);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto stored = schema::StoredDocument::decode(it.get_document().get_data());
    if (stored) response.titles.push_back(hit_of(*stored, it.get_weight(), highlighter, analyzer_));
  }
  return response;
}

std::optional<std::string> Searcher::resource_json(const std::string& source, const std::string& id) {
  const std::string key = schema::unique_term(source, id);
  Xapian::PostingIterator posting = db_.postlist_begin(key);
  if (posting == db_.postlist_end(key)) return std::nullopt;
  return schema::StoredDocument::record_json(db_.get_document(*posting).get_data());
}

}  // namespace tec::ranking
