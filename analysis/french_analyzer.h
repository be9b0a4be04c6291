// FrenchAnalyzer: the one French text analysis used for indexing AND querying.
//
// Pipeline for each word found by ICU's word break rules (WordBreaker):
//   1. elision dropped (l', d', qu', jusqu', ... with ' or ’): "l’atelier" -> atelier
//   2. NFKC + case folding (ICU): "ÉCLAIRAGE" -> "éclairage", "ﬁ" -> "fi"
//   3. inclusive writing read as its masculine plural, with the feminine as a
//      variant at the same position: "habitant·e·s" -> habitants (+ habitantes)
//   4. accent and ligature folding for matching: "œuvre" -> "oeuvre"
//   5. stems with Xapian's French Snowball stemmer, computed on the accented
//      word (what Snowball expects) AND on the folded word (what a user typing
//      without accents produces), then folded: both keys index the word, so
//      "concertee" typed without accent meets "concertée" in a text.
// Hyphenated words ("co-construction", "porte-à-porte") keep their parts as
// words at consecutive positions and add the joined form ("coconstruction")
// as a compound token spanning those positions.
//
// The analyzer produces tokens and writes nothing; it holds a word breaker
// iterator and a stemmer, so one instance serves one thread at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/word_heads.h"

namespace tec::analysis {

// Words longer than this (in bytes, once folded) are skipped, as Xapian's
// TermGenerator does: base64 blobs and URLs are not words, and Xapian refuses
// terms over 245 bytes.
inline constexpr std::size_t kMaxWordBytes = 64;

struct Token {
  enum class Kind {
    Word,      // a word at its own position
    Variant,   // another reading of the word at the same position (feminine form)
    Compound,  // hyphenated parts joined, spanning `span` positions
  };

  std::string term;                // folded form used for exact matching: "eclairage"
  std::string lowered;             // lower case with accents, for display: "éclairage"
  std::vector<std::string> stems;  // stem keys, deduplicated, empty for numbers
  unsigned position = 0;           // word position, from 0
  unsigned span = 1;               // positions covered (compounds only span > 1)
  std::size_t begin = 0;           // byte range of the word in the analysed text,
  std::size_t end = 0;             // elision excluded, for highlighting
  Kind kind = Kind::Word;
};

// A token as the analyzer hands it over, without copies: the views point into
// the analyzer's buffers and memo, valid during the call that receives them.
// The indexer and the snippets read every word of every text they see;
// copying three strings and a vector per word was two fifths of a snippet.
struct TokenView {
  std::string_view term;
  std::string_view lowered;
  std::span<const std::string> stems;
  unsigned position = 0;
  unsigned span = 1;
  std::size_t begin = 0;
  std::size_t end = 0;
  Token::Kind kind = Token::Kind::Word;
};

using TokenSink = std::function<void(const TokenView&)>;
// Receives the words skipped as too long (kMaxWordBytes), as they appear in the text.
using SkippedSink = std::function<void(std::string_view word)>;

class FrenchAnalyzer {
 public:
  FrenchAnalyzer();
  ~FrenchAnalyzer();
  FrenchAnalyzer(const FrenchAnalyzer&) = delete;
  FrenchAnalyzer& operator=(const FrenchAnalyzer&) = delete;

  // Tokens of `text` (valid UTF-8) in text order; `first_position` lets a
  // caller continue the numbering across fields.
  std::vector<Token> analyze(std::string_view text, unsigned first_position = 0);

  // The same, the words skipped as too long added to `too_long`: a query
  // says which of its words it could not search.
  std::vector<Token> analyze(std::string_view text, std::vector<std::string>& too_long);

  // The same tokens in the same order, each handed to `sink` as it is read.
  // With `wanted`, an ASCII word whose head is not wanted comes without stems
  // (it could not match any of them) and costs no lookup: for readers, such
  // as the snippets, that only look for a few words.
  void analyze(std::string_view text, unsigned first_position, const TokenSink& sink, const SkippedSink& too_long = {},
               const WordHeads* wanted = nullptr);

  // NFKC case folding plus accent and ligature folding of a short string, for
  // keys such as facet values: "Éclairage Public" -> "eclairage public".
  std::string fold(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tec::analysis
