// Implementation of WordBreaker; the rules it applies are described in
// word_breaker.h and checked against ICU by tests/analysis/word_breaker_test.cpp.
#include "analysis/word_breaker.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "analysis/utf8.h"

namespace tec::analysis {
namespace {

// What a character does in a word, for the characters the fast path reads.
enum Class : std::uint8_t {
  kUnsupported,  // left to ICU: the text is read by ICU whole
  kOther,        // spaces, punctuation, symbols: never inside a word
  kLetter,
  kDigit,
  kJoiner,     // "_" and other ExtendNumLet: joins letters and digits, no word alone
  kMidLetter,  // "·": inside a word between two letters
  kMidNum,     // "," ";": inside a number between two digits
  kMidBoth,    // "." "'" "’": either
  kExtend,     // combining accents, soft hyphen: part of the character before them
};

// Latin letters with their supplements and extensions and the combining
// accents of decomposed text, then general punctuation and currency signs:
// what French text is written with.
constexpr char32_t kLatinEnd = 0x0370;
constexpr char32_t kPunctuationBegin = 0x2000, kPunctuationEnd = 0x20D0;

// Characters whose rules the fast path does not apply: the zero-width
// joiner, emoji, Hebrew letters, Katakana and regional indicators.
bool left_to_icu(char32_t c) {
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EXTENDED_PICTOGRAPHIC)) return true;
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK)) {
    case U_WB_EXTEND:
    case U_WB_FORMAT:
    case U_WB_ALETTER:
    case U_WB_NUMERIC:
    case U_WB_EXTENDNUMLET:
    case U_WB_MIDLETTER:
    case U_WB_MIDNUM:
    case U_WB_MIDNUMLET:
    case U_WB_SINGLE_QUOTE:
    case U_WB_OTHER:
    case U_WB_CR:
    case U_WB_LF:
    case U_WB_NEWLINE:
    case U_WB_WSEGSPACE:
    case U_WB_DOUBLE_QUOTE:
      return false;
    default:
      return true;
  }
}

// The class of `c` as the ICU in use reads it, found by asking its iterator
// about a few strings rather than from the Unicode property: ICU tailors the
// rules (ICU 72 counts "@" as a letter, to keep e-mail addresses whole, and
// takes ":" out of MidLetter), and the fast path must follow the ICU it
// stands in for.
Class probed_class(WordBreaker& breaker, char32_t c) {
  if (left_to_icu(c)) return kUnsupported;
  std::string ch;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(ch);
  std::vector<WordSpan> words;
  const auto one_word = [&](const std::string& text) {
    breaker.icu_words(text, words);
    return words.size() == 1 && words[0].begin == 0 && words[0].end == text.size();
  };
  const auto no_word = [&](const std::string& text) {
    breaker.icu_words(text, words);
    return words.empty();
  };
  const auto wb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_WORD_BREAK);
  if (wb == U_WB_EXTEND || wb == U_WB_FORMAT) {
    // Read as part of the character before it, a letter, a digit or a dot.
    const bool attaches = one_word("a" + ch + "a") && one_word("1" + ch + "1") && one_word("a." + ch + "a");
    return attaches && no_word(ch) ? kExtend : kUnsupported;
  }
  if (one_word(ch)) {
    const bool after_letter = one_word("a." + ch), after_digit = one_word("1." + ch);
    if (after_letter && !after_digit) return kLetter;
    if (after_digit && !after_letter) return kDigit;
    return kUnsupported;
  }
  if (!no_word(ch)) return kUnsupported;
  if (one_word(ch + ch) && one_word("a" + ch) && one_word(ch + "1")) return kJoiner;
  const bool between_letters = one_word("a" + ch + "a"), between_digits = one_word("1" + ch + "1");
  if (between_letters && between_digits) return kMidBoth;
  if (between_letters) return kMidLetter;
  if (between_digits) return kMidNum;
  breaker.icu_words("a" + ch + "1", words);
  return words.size() == 2 ? kOther : kUnsupported;
}

struct ClassTable {
  std::array<Class, kLatinEnd> latin{};
  std::array<Class, kPunctuationEnd - kPunctuationBegin> punctuation{};

  explicit ClassTable(WordBreaker& breaker) {
    for (char32_t c = 0; c < kLatinEnd; ++c) latin[c] = probed_class(breaker, c);
    for (char32_t c = kPunctuationBegin; c < kPunctuationEnd; ++c) {
      punctuation[c - kPunctuationBegin] = probed_class(breaker, c);
    }
  }

  Class of(char32_t c) const {
    if (c < kLatinEnd) return latin[c];
    if (c >= kPunctuationBegin && c < kPunctuationEnd) return punctuation[c - kPunctuationBegin];
    return kUnsupported;
  }
};

// Built once, by the first breaker, with its own ICU iterator.
const ClassTable& class_table(WordBreaker& breaker) {
  static const ClassTable table(breaker);
  return table;
}

bool joins(std::uint8_t c) { return c == kLetter || c == kDigit || c == kJoiner; }

// Whether the character at `mid`, between `before` and `after`, keeps them in one word.
bool joins_across(std::uint8_t before, std::uint8_t mid, std::uint8_t after) {
  if (before == kLetter && after == kLetter) return mid == kMidLetter || mid == kMidBoth;
  if (before == kDigit && after == kDigit) return mid == kMidNum || mid == kMidBoth;
  return false;
}

}  // namespace

struct WordBreaker::Icu {
  std::unique_ptr<icu::BreakIterator> breaker;

  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU initialisation failed: ") + u_errorName(status));
  }
};

WordBreaker::WordBreaker() : icu_(std::make_unique<Icu>()) { class_table(*this); }
WordBreaker::~WordBreaker() = default;

void WordBreaker::words(std::string_view text, std::vector<WordSpan>& words) {
  if (!fast_words(text, words)) icu_words(text, words);
}

void WordBreaker::icu_words(std::string_view text, std::vector<WordSpan>& words) {
  words.clear();
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  icu::BreakIterator& breaker = *icu_->breaker;
  breaker.setText(utext, status);
  int32_t start = breaker.first();
  for (int32_t stop = breaker.next(); stop != icu::BreakIterator::DONE; start = stop, stop = breaker.next()) {
    if (breaker.getRuleStatus() != UBRK_WORD_NONE) {
      words.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(stop)});
    }
  }
  utext_close(utext);
}

// One pass: a word runs on while its characters join, or while a middle
// character sits between two that it joins. False at the first character
// left to ICU: every character of the text is classed at least once.
bool WordBreaker::fast_words(std::string_view text, std::vector<WordSpan>& words) {
  const ClassTable& table = class_table(*this);
  const auto class_at = [&](std::size_t at, std::size_t& length) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      length = 1;
      return table.latin[byte];
    }
    const char32_t c = code_point_at(text, at, length);
    return length == 0 ? kUnsupported : table.of(c);
  };
  words.clear();
  std::size_t length = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Class first_class = class_at(i, length);
    if (first_class == kUnsupported) return false;
    if (!joins(first_class)) {
      i += length;
      continue;
    }
    const std::size_t first = i;
    std::size_t characters = 1;
    Class last = first_class;
    for (i += length; i < text.size();) {
      const Class next = class_at(i, length);
      if (next == kUnsupported) return false;
      if (next == kExtend) {  // part of the character before it
        // ICU 72 gives no word status to a word whose "_" carries a mark
        // ("a_" and a soft hyphen): such rare text is left to it.
        if (last == kJoiner) return false;
        i += length;
        continue;
      }
      if (joins(next)) {
        last = next;
        i += length;
        ++characters;
        continue;
      }
      // A middle character, with the marks that are part of it, then what follows.
      std::size_t after = i + length, after_length = 0;
      Class following = kOther;
      while (after < text.size() && (following = class_at(after, after_length)) == kExtend) after += after_length;
      if (following == kUnsupported) return false;
      if (after >= text.size() || !joins_across(last, next, following)) break;
      last = following;
      i = after + after_length;
      characters += 2;
    }
    // ICU gives no word status to a lone "_" (nor to any lone joiner).
    if (characters > 1 || first_class != kJoiner) words.push_back({first, i});
  }
  return true;
}

}  // namespace tec::analysis
