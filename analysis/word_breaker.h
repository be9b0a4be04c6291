// WordBreaker: where the words of a text are, as ICU's word break iterator
// (Unicode's UAX #29 rules, as ICU 72 applies them) finds them.
//
// ICU's iterator is general and costs about a third of reading a text.
// French text is nearly always written in Latin letters, digits, spaces and
// punctuation, where the rules reduce to a few: letters, digits and "_" join;
// a letter, then "'", "’", "." or "·", then a letter join; a digit, then ",",
// ";", "'", "’" or ".", then a digit join; a combining accent (decomposed
// text) or a soft hyphen is part of the character before it. A text made only
// of such characters is read with those rules in one pass; any other text
// (emoji, other scripts, invalid UTF-8) goes to ICU whole. The two readings
// are checked against each other in tests/analysis/word_breaker_test.cpp.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace tec::analysis {

struct WordSpan {
  std::size_t begin, end;  // byte range of a word: letters, digits or both
};

class WordBreaker {
 public:
  WordBreaker();
  ~WordBreaker();
  WordBreaker(const WordBreaker&) = delete;
  WordBreaker& operator=(const WordBreaker&) = delete;

  // The words of `text` in order, into `words` (cleared first).
  void words(std::string_view text, std::vector<WordSpan>& words);

  // The same through ICU alone, whatever the text holds.
  void icu_words(std::string_view text, std::vector<WordSpan>& words);

 private:
  bool fast_words(std::string_view text, std::vector<WordSpan>& words);

  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace tec::analysis
