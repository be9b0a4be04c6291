// The ranking knobs, named, in one place. Index-time field weights live in
// schema/index_schema.h because they are written into the index.
#pragma once

#include <cstddef>

#include <xapian.h>

namespace tec::ranking {

// Extra weight given to documents that hold every word of the query, on top
// of their ordinary BM25 weight: large enough that such documents come before
// those missing a word.
inline constexpr double kAllWordsBoost = 10.0;
// From this many documents holding every word on, they alone answer the
// query: the documents holding only some words would come after them anyway.
inline constexpr unsigned kAllWordsEnough = 100;
// A word held by this share of the documents, and by kCommonWordMinDocuments
// at least, is common: documents holding some words but not all are looked
// for through the rarer words only, the common ones adding weight to those
// found (as Lucene's former "common terms" query did with its cutoff
// frequency). The floor keeps small bases, where a few documents make a
// share, searched by every word.
inline constexpr double kCommonWordShare = 0.05;
inline constexpr unsigned kCommonWordMinDocuments = 1000;

// BM25 (Xapian::BM25Weight) parameters: Xapian's defaults.
inline constexpr double kBm25K1 = 1.0;
inline constexpr double kBm25K2 = 0.0;
inline constexpr double kBm25K3 = 1.0;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLen = 0.5;
// The weighting of every ranked match (search, suggest, similar, recommend).
inline Xapian::BM25Weight bm25_weight() {
  return Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormLen);
}

// Weight of the exact (accent-folded) form of a word, added to that of its
// stems: a text with the very form typed ranks a little above one with
// another form of the word.
inline constexpr double kExactFormWeight = 0.5;

// Weight of a word's alternatives relative to the word as typed: a prefix
// completion of the word being typed, a correction of an unknown word (divided
// by its edit distance), an expression the thesaurus gives as equivalent.
inline constexpr double kPrefixWeight = 0.8;
inline constexpr double kPrefixWeightOfCompleteWord = 0.2;  // the word typed is itself a known word
inline constexpr double kTypoWeight = 0.6;
inline constexpr double kSynonymWeight = 0.2;
// Equivalents compete with the words typed for the first ranks only when one
// of those words is in fewer documents than this.
inline constexpr unsigned kSynonymsRankFirstBelow = 3;

// Bounded work per query.
inline constexpr unsigned kMaxQueryWords = 32;        // words beyond are ignored (partial)
inline constexpr std::size_t kIgnoredWordShown = 24;  // characters of an ignored word given back
inline constexpr unsigned kMaxPrefixExpansion = 30;   // most frequent completions of the last word
inline constexpr unsigned kMinPrefixLength = 2;       // bytes typed before completing
inline constexpr unsigned kMinTitlePrefixLength = 3;  // ... before a word being typed finds titles
inline constexpr unsigned kMaxTypoCandidates = 3;     // corrections per unknown word
inline constexpr std::size_t kTypoBudget = 60000;     // distance-table rows per word (partial when spent)
inline constexpr std::size_t kTypoBudgetPerQuery = 300000;

// Typo tolerance by word length (bytes of the folded word): none below
// kTypoMinLength, one edit up to kTypoOneEditMaxLength, two beyond.
inline constexpr std::size_t kTypoMinLength = 4;
inline constexpr std::size_t kTypoOneEditMaxLength = 5;

// A search with fewer results than this runs again with rare words corrected
// as well, when a word is known but in at most kRareFrequency documents and
// a correction is kRareRatio times more frequent.
inline constexpr unsigned kFewResults = 3;
inline constexpr unsigned kRareFrequency = 2;
inline constexpr unsigned kRareRatio = 10;

// Pseudo-relevance feedback for long questions: from kFeedbackMinWords words
// on, the stems that best characterise the first kFeedbackDocuments results
// (kFeedbackTerms of them, at kFeedbackWeight) add weight to the first
// kFeedbackWindow results (rounded up to whole pages), which they reorder.
inline constexpr std::size_t kFeedbackMinWords = 4;
inline constexpr unsigned kFeedbackDocuments = 3;
inline constexpr unsigned kFeedbackWindow = 100;
inline constexpr unsigned kFeedbackTerms = 10;
inline constexpr double kFeedbackWeight = 0.3;

// "More like this": stems of the resource's expansion set made into the query.
inline constexpr unsigned kSimilarTerms = 25;

// A search ranks its page in one run that counts nothing, so that Xapian
// stops as soon as the page is settled. Total and facets come from a second,
// unweighted run that looks at this many matches at most, in index order:
// exact below, an estimate beyond (facet counts scaled from the matches
// looked at to the estimated total). 500 would be 5-7 % faster on the Grand
// Débat, for totals exact only to 500.
inline constexpr unsigned kFacetSample = 2000;
inline constexpr unsigned kMaxFacetValues = 50;

// Suggestions: documents holding the words before the one being typed among
// which each completion is counted (the count then scaled to all of them),
// and how many of those words, the nearest, count: the words of a long
// sentence, all required, cost a long walk for little.
inline constexpr unsigned kSuggestionSample = 1000;
inline constexpr unsigned kSuggestionContextWords = 3;

// Snippets: words shown, and words of context kept before the first match.
inline constexpr unsigned kSnippetWords = 30;
inline constexpr unsigned kSnippetLeadWords = 4;
// Only this much of a body is scanned for the best passage.
inline constexpr unsigned kSnippetScanBytes = 32 * 1024;

}  // namespace tec::ranking
