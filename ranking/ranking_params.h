// The ranking knobs, named, in one place. Index-time field weights live in
// schema/index_schema.h because they are written into the index.
#pragma once

namespace tec::ranking {

// Extra weight given to documents that hold every word of the query, on top
// of their ordinary BM25 weight: large enough that such documents come before
// those missing a word.
inline constexpr double kAllWordsBoost = 10.0;

// BM25 (Xapian::BM25Weight) parameters: Xapian's defaults.
inline constexpr double kBm25K1 = 1.0;
inline constexpr double kBm25K2 = 0.0;
inline constexpr double kBm25K3 = 1.0;
inline constexpr double kBm25B = 0.5;
inline constexpr double kBm25MinNormLen = 0.5;

// Matches counted exactly before `total` becomes an estimate.
inline constexpr unsigned kExactCountFloor = 1000;

// Snippets: words shown, and words of context kept before the first match.
inline constexpr unsigned kSnippetWords = 30;
inline constexpr unsigned kSnippetLeadWords = 4;
// Only this much of a body is scanned for the best passage.
inline constexpr unsigned kSnippetScanBytes = 32 * 1024;

}  // namespace tec::ranking
