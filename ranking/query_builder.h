// QueryBuilder: a search-box query becomes a Xapian::Query through the same
// FrenchAnalyzer as indexing, so accents, elisions, inclusive writing,
// hyphens and plurals meet the indexed terms.
//
// Each word matches its exact folded form or its stems (an exact form scores
// more, since it matches both). On top of that, with a Lexicon:
//   - the word being typed (last, no space after it) also matches the most
//     frequent words it begins;
//   - a word unknown to the index matches its closest known words, weighted
//     down by edit distance, and the query shows as corrected;
//   - a word sequence found in the thesaurus also matches its equivalents.
// Hyphenated words match the parts as a phrase or the joined form. "Quoted
// phrases" match exactly (accents and case aside), -words exclude, OR joins
// two words into one alternative. Documents holding every word rank before
// documents holding only some, which still appear rather than an empty page;
// those are found through their rarer words, a word most documents hold
// only adding weight (kCommonWordShare).
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "analysis/string_hash.h"
#include "ranking/lexicon.h"

namespace tec::ranking {

// What a query looks for, to mark it in titles and snippets: the words
// typed in their forms (plural, accents, the correction shown), the word
// being typed completed, and the thesaurus equivalents only where a whole
// expression occurs ("mini-public", never "public" alone).
struct QueryTerms {
  // Looked up by the views the analyzer hands over, without a copy.
  using Set = std::unordered_set<std::string, analysis::StringHash, std::equal_to<>>;

  Set terms;  // folded words
  Set stems;
  std::vector<std::string> prefixes;  // of the word being typed

  // A word of an expression: its folded form, or any of its stems, matches;
  // a little word matches any little word ("tirés au sort", "tirée du sort").
  struct ExpressionWord {
    std::string term;
    std::vector<std::string> stems;
    bool little = false;
  };
  std::vector<std::vector<ExpressionWord>> expressions;

  bool empty() const { return terms.empty() && prefixes.empty() && expressions.empty(); }
  bool matches(const analysis::TokenView& token) const;
};

struct BuildOptions {
  bool complete_last_word = true;
  // Also correct words the index knows but in very few documents (a second
  // pass when the first found little).
  bool correct_rare_words = false;
  // Also match a word's exact form, which only adds weight to its stems
  // (kExactFormWeight); without it, a query has half the posting lists.
  bool exact_forms = true;
  // Match titles alone (S and ZS terms): short posting lists, for the search
  // box's suggestions. Title words have no positions, so phrases there
  // require their words in any order; exclusions still look at the whole
  // text, and a word still counts as known (not a typo) wherever it appears.
  bool titles_only = false;
};

// A word typed but not searched: too long to be a word (kMaxWordBytes), or
// a little word (stopwords.h) of a query that holds nothing else.
struct IgnoredWord {
  enum class Reason { TooLong, Stopword };
  std::string word;  // as typed, shortened past kIgnoredWordShown characters
  Reason reason;
};

struct BuiltQuery {
  Xapian::Query query;  // MatchNothing when the text holds no word
  // The documents of `query` holding every word, which come first there;
  // ranked alike but for the equivalents of thesaurus expressions, which
  // `query` also counts on their own. Empty when that is `query` itself.
  Xapian::Query all_words;
  QueryTerms terms;
  std::string corrected;        // the text with corrections applied, empty when none
  bool partial = false;         // words or corrections were cut to bound the work
  bool has_rare_words = false;  // a rare word might be a typo: see BuildOptions
  std::size_t words = 0;        // words that count (little words aside)
  // Too-long words always; little words only when they were all the query
  // held, since elsewhere leaving them out changes nothing to the answer.
  std::vector<IgnoredWord> ignored;
  // Words were typed (beside exclusions) but every one was ignored: the
  // answer is then nothing, where an empty `query` with nothing typed browses.
  bool nothing_left = false;
};

// Runs `match(query, every_word)` on the documents holding every word first
// (`all_words`), and again on all the documents of `any` only when fewer than
// `enough` of them match: they come first in `any` anyway, and the matcher
// then need not walk the documents holding only some words, most of a large
// base for common words. `match` returns an Xapian::MSet or a result with an
// `mset` member; with no `all_words`, it runs once, on `any`.
template <class Match>
auto all_words_first(const Xapian::Query& all_words, const Xapian::Query& any, Xapian::doccount enough, Match&& match) {
  if (!all_words.empty()) {
    auto every = match(all_words, true);
    const Xapian::MSet* mset = nullptr;
    if constexpr (std::is_same_v<decltype(every), Xapian::MSet>) mset = &every;
    else mset = &every.mset;
    if (mset->get_matches_lower_bound() >= enough) return every;
  }
  return match(any, false);
}

class QueryBuilder {
 public:
  // `lexicon` may be null: no completion, correction or synonyms then.
  QueryBuilder(analysis::FrenchAnalyzer& analyzer, const Xapian::Database& db, const Lexicon* lexicon)
      : analyzer_(analyzer), db_(db), lexicon_(lexicon) {}

  BuiltQuery build(std::string_view text, const BuildOptions& options = {});

 private:
  analysis::FrenchAnalyzer& analyzer_;
  const Xapian::Database& db_;
  const Lexicon* lexicon_;
};

}  // namespace tec::ranking
