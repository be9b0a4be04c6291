// Searcher implementation: Enquire with BM25 and facet counting, a second
// pass with rare words corrected when the first finds little, highlighting.
#include "ranking/searcher.h"

#include <algorithm>
#include <cmath>

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
  return static_cast<Xapian::doccount>(std::lround(static_cast<double>(held) * sample.matches / sample.documents.size()));
}

// A result's stored fields and highlighted title; the snippet is the caller's.
SearchHit hit_of(const schema::StoredDocument& stored, double score, const QueryTerms& terms, analysis::FrenchAnalyzer& analyzer) {
  SearchHit hit;
  hit.id = stored.id;
  hit.source = stored.source;
  hit.type = stored.type;
  hit.title = stored.title;
  hit.summary = stored.summary;
  hit.url = stored.url;
  hit.score = score;
  hit.title_html = mark_all(stored.title, terms, analyzer);
  return hit;
}

// One run of the matcher: the page asked for, and the facets counted over
// the same matches.
struct Run {
  Xapian::Query query;     // what was matched, filters aside
  bool all_words = false;  // only the documents holding every word
  Xapian::MSet mset;
  std::unique_ptr<FacetSpy> spy;
};

// When the matcher stopped looking before the last match (more than
// kExactCountFloor of them), facet counts are scaled from the documents it
// looked at to the estimated number of matches.
double facet_scale(const Run& run) {
  const Xapian::doccount seen = run.spy->seen();
  const Xapian::doccount estimated = run.mset.get_matches_estimated();
  return seen == 0 || estimated <= seen ? 1.0 : static_cast<double>(estimated) / seen;
}

}  // namespace

SearchResponse Searcher::search(const SearchRequest& request) {
  QueryBuilder builder(analyzer_, db_, lexicon_);
  BuiltQuery built = builder.build(request.text);
  const Xapian::Query dates = published_filter(request.published_after, request.published_before);
  const Xapian::Query filter = both(facet_filter(request.filters, analyzer_), dates);

  const auto run = [&](const Xapian::Query& query, const Xapian::Query& facet_query, Xapian::doccount first,
                       Xapian::doccount count) {
    const bool browse = query.empty();
    Xapian::Enquire enquire(db_);
    enquire.set_query(filtered(browse ? Xapian::Query::MatchAll : query, facet_query));
    // A run that only counts needs no weights: BM25 would read every
    // match's length for nothing.
    if (count == 0) {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
    } else {
      enquire.set_weighting_scheme(bm25_weight());
    }
    if (browse || request.sort == SortOrder::Date) enquire.set_sort_by_value_then_relevance(schema::kSlotPublished, true);
    Run result;
    result.query = query;
    result.spy = std::make_unique<FacetSpy>(db_, facets_);
    enquire.add_matchspy(result.spy.get());
    result.mset = enquire.get_mset(first, count, std::max<Xapian::doccount>(kExactCountFloor, first + count));
    return result;
  };
  // When enough documents hold every word, they are the answer, total and
  // facets included.
  const auto run_built = [&](const BuiltQuery& q, Xapian::doccount first, Xapian::doccount count) {
    return all_words_first(q.all_words, q.query, kAllWordsEnough, [&](const Xapian::Query& query, bool every_word) {
      Run result = run(query, filter, first, count);
      result.all_words = every_word;
      return result;
    });
  };

  const Xapian::doccount offset = (request.page - 1) * request.per_page;
  Run main = run_built(built, offset, request.per_page);
  if (main.mset.get_matches_estimated() < kFewResults && built.has_rare_words) {
    BuiltQuery second = builder.build(request.text, {.complete_last_word = true, .correct_rare_words = true});
    if (!second.corrected.empty()) {
      Run retry = run_built(second, offset, request.per_page);
      if (retry.mset.get_matches_estimated() > main.mset.get_matches_estimated()) {
        built = std::move(second);
        main = std::move(retry);
      }
    }
  }

  // A question asked in one's own words rarely uses the words of the texts
  // that answer it: the best texts found lend their own most telling stems
  // to a second run (pseudo-relevance feedback). When every word is
  // required, they only add weight; otherwise they also let in documents
  // holding none of the words typed.
  if (built.words >= kFeedbackMinWords && request.sort == SortOrder::Relevance && !main.mset.empty()) {
    Xapian::RSet top;
    for (auto it = main.mset.begin(); it != main.mset.end() && top.size() < kFeedbackDocuments; ++it) top.add_document(*it);
    Xapian::Enquire expander(db_);
    expander.set_query(main.query);
    const TextStemsOnly stems_only;
    const Xapian::ESet expansion = expander.get_eset(kFeedbackTerms, top, &stems_only);
    if (!expansion.empty()) {
      std::vector<Xapian::Query> terms;
      for (auto it = expansion.begin(); it != expansion.end(); ++it) terms.emplace_back(*it);
      const Xapian::Query feedback(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                   kFeedbackWeight);
      main = run(Xapian::Query(main.all_words ? Xapian::Query::OP_AND_MAYBE : Xapian::Query::OP_OR, main.query, feedback), filter, offset,
                 request.per_page);
    }
  }

  SearchResponse response;
  response.total = main.mset.get_matches_estimated();
  response.total_exact = main.mset.get_matches_lower_bound() == main.mset.get_matches_upper_bound();
  response.corrected_query = built.corrected;
  response.partial = built.partial;
  for (auto it = main.mset.begin(); it != main.mset.end(); ++it) {
    const auto stored = schema::StoredDocument::decode(it.get_document().get_data());
    if (!stored) continue;
    SearchHit hit = hit_of(*stored, it.get_weight(), built.terms, analyzer_);
    const std::string& passage_source = stored->body_text.empty() ? stored->summary : stored->body_text;
    hit.snippet = make_snippet(passage_source, built.terms, analyzer_, kSnippetWords);
    response.hits.push_back(std::move(hit));
  }

  for (std::size_t i = 0; i < schema::kFacets.size(); ++i) {
    const schema::Facet& facet = schema::kFacets[i];
    FacetCounts counts{std::string(facet.name), {}};
    std::vector<std::pair<std::string, Xapian::doccount>> values;
    if (request.filters.contains(counts.name)) {
      // The facet's own filter is left out, so its other values keep their counts.
      const Run own = run(main.query, both(facet_filter(request.filters, analyzer_, counts.name), dates), 0, 0);
      values = own.spy->top(i, kMaxFacetValues, facet_scale(own));
    } else {
      values = main.spy->top(i, kMaxFacetValues, facet_scale(main));
    }
    for (auto& [value, count] : values) counts.values.push_back({std::move(value), count});
    response.facets.push_back(std::move(counts));
  }
  return response;
}

SuggestResponse Searcher::suggest(const std::string& text, unsigned limit) {
  SuggestResponse response;
  const std::vector<analysis::Token> tokens = analyzer_.analyze(text);
  const analysis::Token* open_word = nullptr;  // the word being typed, if any
  if (lexicon_ && !text.empty() && text.back() != ' ') {
    for (const analysis::Token& token : tokens) {
      if (token.kind == analysis::Token::Kind::Word) open_word = &token;
    }
    if (open_word && (open_word->end != text.size() || open_word->term.size() < kMinPrefixLength)) open_word = nullptr;
  }
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
      std::stable_sort(together.begin(), together.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    const auto& offered = together.empty() ? completions : together;
    for (std::size_t i = 0; i < offered.size() && i < limit; ++i) {
      response.completions.push_back({before + lexicon_->display(offered[i].first), offered[i].second});
    }
  }

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
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto stored = schema::StoredDocument::decode(it.get_document().get_data());
    if (stored) response.titles.push_back(hit_of(*stored, it.get_weight(), built.terms, analyzer_));
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
