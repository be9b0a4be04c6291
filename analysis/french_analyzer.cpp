// Implementation of FrenchAnalyzer; the rules and their order are described
// in french_analyzer.h and pinned by tests/analysis/french_analyzer_test.cpp.
#include "analysis/french_analyzer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analysis/latin_folding.h"
#include "analysis/string_hash.h"
#include "analysis/word_breaker.h"

namespace tec::analysis {
namespace {

constexpr std::array<std::string_view, 12> kElisions = {"jusqu", "lorsqu", "puisqu", "qu", "l", "d",
                                                        "j",     "m",      "n",      "s",  "t", "c"};

// Byte length of an apostrophe at the start of `s`, or 0.
std::size_t apostrophe_length(std::string_view s) {
  if (!s.empty() && s[0] == '\'') return 1;
  if (s.starts_with("\xE2\x80\x99") || s.starts_with("\xE2\x80\x98")) return 3;  // ’ ‘
  if (s.starts_with("\xCA\xBC")) return 2;                                       // ʼ
  return 0;
}

// Length of a leading elision ("l'", "Qu’") in `word`, or 0 when there is
// none or nothing would remain after it.
std::size_t elision_length(std::string_view word) {
  // Most words have no apostrophe right after their first letters (an
  // elision is six letters at most): they are passed at a glance.
  if (word.size() < 3) return 0;
  const std::string_view head = word.substr(1, 6);
  if (std::none_of(head.begin(), head.end(), [](char c) { return c == '\'' || c == '\xE2' || c == '\xCA'; })) {
    return 0;
  }
  for (std::string_view e : kElisions) {
    if (word.size() <= e.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < e.size() && same; ++i) {
      same = (word[i] | 0x20) == e[i];
    }
    if (!same) continue;
    const std::size_t apos = apostrophe_length(word.substr(e.size()));
    if (apos > 0 && word.size() > e.size() + apos) return e.size() + apos;
  }
  return 0;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

bool is_hyphen(std::string_view gap) {
  return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";  // - ‐ ‑
}

// Separators of inclusive writing ("·", "‧", "•", ".") inside one ICU word.
bool split_on_points(const std::string& word, std::vector<std::string>& parts) {
  // Most words hold none of them: no byte '.', nor the first byte of one.
  const auto may_be_point = [](char c) { return c == '.' || c == '\xC2' || c == '\xE2'; };
  if (std::none_of(word.begin(), word.end(), may_be_point)) return false;
  parts.clear();
  std::string current;
  bool found = false;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len = 0;
    if (word[i] == '.') len = 1;
    else if (word.compare(i, 2, "\xC2\xB7") == 0) len = 2;                                                 // ·
    else if (word.compare(i, 3, "\xE2\x80\xA7") == 0 || word.compare(i, 3, "\xE2\x80\xA2") == 0) len = 3;  // ‧ •
    if (len) {
      parts.push_back(std::move(current));
      current.clear();
      found = true;
      i += len;
    } else {
      current += word[i++];
    }
  }
  parts.push_back(std::move(current));
  return found;
}

std::size_t utf8_length(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool all_letters(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (!u_isalpha(c)) return false;
    i += U16_LENGTH(c);
  }
  return !u.isEmpty();
}

// Feminine and plural endings that inclusive writing puts after a point.
bool is_inclusive_ending(const std::string& part) {
  static const std::unordered_set<std::string> kEndings = {
      "e",     "es",     "s",    "x",     "ne",   "nes",   "le",   "les",   "te",   "tes",
      "fe",    "fes",    "ve",   "ves",   "ère",  "ères",  "euse", "euses", "rice", "rices",
      "trice", "trices", "ive",  "ives",  "ale",  "ales",  "esse", "esses", "enne", "ennes",
      "ienne", "iennes", "ette", "ettes", "aise", "aises", "oise", "oises", "ice",  "ices"};
  return kEndings.contains(part);
}

// "habitant·e·s" -> {"habitants", "habitantes"}; "élu·es" -> {"élus", "élues"};
// "citoyen.ne.s" -> {"citoyens", "citoyennes"}. Only known endings after a
// stem of three letters or more qualify, so "www.ville.fr" does not.
bool read_inclusive(const std::vector<std::string>& parts, std::string& masculine, std::string& feminine) {
  if (parts.size() < 2 || utf8_length(parts[0]) < 3 || !all_letters(parts[0])) return false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (!is_inclusive_ending(parts[i])) return false;
  }
  masculine = parts[0];
  feminine = parts[0];
  for (std::size_t i = 1; i < parts.size(); ++i) feminine += parts[i];
  const char last = parts.back().back();
  if ((last == 's' || last == 'x') && masculine.back() != 's' && masculine.back() != 'x') masculine += last;
  return true;
}

// Snowball leaves some inflections apart: plurals in -ux and -us ("jeux"/"jeu",
// "élus"/"élu"), and adjectives in -ais whose masculine loses "ais" as if it
// were a verb ending ("français" -> franc) while the feminine keeps it
// ("française" -> français). Trimming the same residue on both sides joins them.
void merge_residues(std::string& stem) {
  if (stem.size() > 2 && stem[stem.size() - 2] == 'u' && (stem.back() == 'x' || stem.back() == 's')) {
    stem.pop_back();
  } else if (stem.size() >= 6 && stem.ends_with("ais")) {
    stem.resize(stem.size() - 3);
  }
}

bool has_letter(std::string_view folded) {
  return std::any_of(folded.begin(), folded.end(), [](char c) { return (c & 0x80) != 0 || (c >= 'a' && c <= 'z'); });
}

// A token that outlives the analyzer's buffers.
Token owned(const TokenView& view) {
  return Token{std::string(view.term),
               std::string(view.lowered),
               {view.stems.begin(), view.stems.end()},
               view.position,
               view.span,
               view.begin,
               view.end,
               view.kind};
}

// NFKC + case folding; apostrophe variants become "'".
std::string icu_lower(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU initialisation failed: ") + u_errorName(status));
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString folded = nfkc_casefold->normalize(u, status);
  for (const UChar32 apostrophe : {0x2019, 0x2018, 0x02BC}) {
    folded.findAndReplace(icu::UnicodeString(apostrophe), icu::UnicodeString(static_cast<UChar32>('\'')));
  }
  std::string out;
  folded.toUTF8String(out);
  return out;
}

// Letters that NFD leaves whole, and how they are written without accents.
constexpr std::array<std::pair<UChar32, std::u16string_view>, 5> kUndecomposed = {
    {{0x0153, u"oe"}, {0x00E6, u"ae"}, {0x00F8, u"o"}, {0x0142, u"l"}, {0x0111, u"d"}}};  // œ æ ø ł đ

// Accents removed and ligatures expanded from already lower-cased text.
std::string icu_strip_accents(std::string_view lowered) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU initialisation failed: ") + u_errorName(status));
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(lowered.data(), static_cast<int32_t>(lowered.size())));
  icu::UnicodeString decomposed = nfd->normalize(u, status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK) continue;
    const auto* spelled =
        std::find_if(kUndecomposed.begin(), kUndecomposed.end(), [&](const auto& letter) { return letter.first == c; });
    if (spelled != kUndecomposed.end()) {
      out.append(spelled->second.data(), static_cast<int32_t>(spelled->second.size()));
    } else {
      out.append(c);
    }
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

// The same two conversions, a character at a time, for Latin text.
const LatinFolding& latin_folding() {
  static const LatinFolding folding(icu_lower, icu_strip_accents);
  return folding;
}

// NFKC case folding (apostrophes as "'"), into a buffer the caller reuses
// word after word.
void lower_into(std::string_view word, std::string& out) {
  if (is_ascii(word)) {
    out.assign(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return;
  }
  if (!latin_folding().lower(word, out)) out = icu_lower(word);
}

// Accents removed and ligatures expanded from already lower-cased text.
std::string strip_accents(std::string_view lowered) {
  std::string out;
  if (is_ascii(lowered)) {
    out.assign(lowered);
  } else if (!latin_folding().fold(lowered, out)) {
    out = icu_strip_accents(lowered);
  }
  return out;
}

}  // namespace

struct FrenchAnalyzer::Impl {
  WordBreaker breaker;
  std::vector<WordSpan> words;  // of the text being read, reused
  Xapian::Stem stemmer{"french"};

  Impl() { latin_folding(); }  // the table is built once, before the first text

  std::vector<std::string> stems_of(const std::string& lowered, const std::string& folded) {
    std::vector<std::string> stems;
    if (!has_letter(folded)) return stems;
    // Snowball reads "pétition" as "pétit-ion", which would make it find every
    // "petite commune"; such words keep a stem of their own.
    static const std::unordered_map<std::string, std::string> kStemOverrides = {{"petition", "petition"},
                                                                                {"petitions", "petition"}};
    if (const auto it = kStemOverrides.find(folded); it != kStemOverrides.end()) return {it->second};
    std::string from_accented = strip_accents(stemmer(lowered));
    std::string from_folded = stemmer(folded);
    merge_residues(from_accented);
    merge_residues(from_folded);
    stems.push_back(std::move(from_accented));
    if (from_folded != stems.front()) stems.push_back(std::move(from_folded));
    return stems;
  }

  // Folded form and stems of a lower-cased word, memoised: running text
  // repeats its words, and folding and stemming twice cost more than a lookup.
  struct Forms {
    std::string term;
    std::vector<std::string> stems;
  };
  static constexpr std::size_t kFormsCacheLimit = 200000;
  std::unordered_map<std::string, Forms, StringHash, std::equal_to<>> forms_cache;

  const Forms& forms_of(std::string_view lowered) {
    if (const auto it = forms_cache.find(lowered); it != forms_cache.end()) return it->second;
    if (forms_cache.size() >= kFormsCacheLimit) forms_cache.clear();
    std::string key(lowered);
    Forms forms;
    forms.term = strip_accents(key);
    forms.stems = stems_of(key, forms.term);
    return forms_cache.emplace(std::move(key), std::move(forms)).first->second;
  }

  class TextReader;  // one call of analyze(), below
};

// One text read word by word into tokens: the next position, the hyphenated
// chain being read, and buffers reused from one word to the next.
class FrenchAnalyzer::Impl::TextReader {
 public:
  TextReader(Impl& impl, std::string_view text, unsigned first_position, const TokenSink& sink,
             const SkippedSink& too_long, const WordHeads* wanted)
      : impl_(impl), text_(text), sink_(sink), too_long_(too_long), wanted_(wanted), position_(first_position) {}

  // The word between `begin` and `end` in the text, its elision dropped.
  void read_word(std::size_t begin, const std::size_t end) {
    std::string_view word = text_.substr(begin, end - begin);
    const std::size_t elision = elision_length(word);
    const bool hyphen_joined = elision == 0 && previous_end_ != std::string_view::npos &&
                               is_hyphen(text_.substr(previous_end_, begin - previous_end_));
    if (!hyphen_joined) close_chain();
    previous_end_ = end;
    begin += elision;
    word.remove_prefix(elision);

    if (word.size() > 4 * kMaxWordBytes) {  // too long whatever folding does
      if (too_long_) too_long_(word);
      ++position_;
      close_chain();
      return;
    }
    lower_into(word, lowered_);
    if (split_on_points(lowered_, parts_)) {
      std::string masculine, feminine;
      if (read_inclusive(parts_, masculine, feminine)) {
        emit(masculine, position_, begin, end, Token::Kind::Word);
        if (feminine != masculine) emit(feminine, position_, begin, end, Token::Kind::Variant);
        ++position_;
      } else {
        // Dotted words that are not inclusive writing ("www.ville.fr",
        // "S.N.C.F") are read part by part.
        for (const std::string& part : parts_) {
          if (!part.empty()) emit(part, position_++, begin, end, Token::Kind::Word);
        }
      }
      close_chain();
      return;
    }
    const std::string_view term = emit(lowered_, position_, begin, end, Token::Kind::Word);
    if (chain_.words++ == 0) {
      chain_.first_position = position_;
      chain_.begin = begin;
    }
    chain_.joined += term;
    chain_.end = end;
    ++position_;
  }

  // Hands over the compound of the hyphenated chain just read, if any.
  void close_chain() {
    if (chain_.words >= 2 && chain_.joined.size() <= kMaxWordBytes) {
      emit(chain_.joined, chain_.first_position, chain_.begin, chain_.end, Token::Kind::Compound, chain_.words);
    }
    chain_.words = 0;
    chain_.joined.clear();
  }

 private:
  // Words too long once folded are not handed over (see kMaxWordBytes), but
  // they still take their position.
  std::string_view emit(std::string_view word, unsigned at, std::size_t begin, std::size_t end, Token::Kind kind,
                        unsigned span = 1) {
    const std::string_view unwanted = wanted_ ? unwanted_term(word) : std::string_view();
    const Impl::Forms* forms = unwanted.empty() ? &impl_.forms_of(word) : nullptr;
    const std::string_view term = forms ? std::string_view(forms->term) : unwanted;
    if (term.size() <= kMaxWordBytes) {
      sink_(TokenView{term, word, forms ? std::span<const std::string>(forms->stems) : std::span<const std::string>(),
                      at, span, begin, end, kind});
    } else if (kind == Token::Kind::Word && too_long_) {
      too_long_(text_.substr(begin, end - begin));
    }
    return term;
  }

  // The folded form of a lower-cased word whose head is not wanted, found
  // without the memo's lookup, for such a word goes without stems; empty for
  // a word that may be wanted.
  std::string_view unwanted_term(std::string_view word) {
    if (is_ascii(word)) return wanted_->wants(word) ? std::string_view() : word;
    if (!latin_folding().fold(word, folded_) || wanted_->wants(folded_)) return {};
    return folded_;
  }

  // The hyphenated chain being read: its words' terms joined, to hand over
  // as a compound once it ends.
  struct Chain {
    std::string joined;
    unsigned words = 0;
    unsigned first_position = 0;
    std::size_t begin = 0, end = 0;
  };

  Impl& impl_;
  const std::string_view text_;
  const TokenSink& sink_;
  const SkippedSink& too_long_;
  const WordHeads* wanted_;
  unsigned position_;
  Chain chain_;
  std::size_t previous_end_ = std::string_view::npos;
  std::vector<std::string> parts_;
  std::string lowered_;
  std::string folded_;
};

FrenchAnalyzer::FrenchAnalyzer() : impl_(std::make_unique<Impl>()) {}
FrenchAnalyzer::~FrenchAnalyzer() = default;

std::string FrenchAnalyzer::fold(std::string_view text) const {
  std::string lowered;
  lower_into(text, lowered);
  return strip_accents(lowered);
}

std::vector<Token> FrenchAnalyzer::analyze(std::string_view text, unsigned first_position) {
  std::vector<Token> tokens;
  analyze(text, first_position, [&](const TokenView& view) { tokens.push_back(owned(view)); });
  return tokens;
}

std::vector<Token> FrenchAnalyzer::analyze(std::string_view text, std::vector<std::string>& too_long) {
  std::vector<Token> tokens;
  analyze(
      text, 0, [&](const TokenView& view) { tokens.push_back(owned(view)); },
      [&](std::string_view word) { too_long.emplace_back(word); });
  return tokens;
}

void FrenchAnalyzer::analyze(std::string_view text, unsigned first_position, const TokenSink& sink,
                             const SkippedSink& too_long, const WordHeads* wanted) {
  Impl::TextReader reader(*impl_, text, first_position, sink, too_long, wanted);
  impl_->breaker.words(text, impl_->words);
  // ICU counts the narrow no-break space (U+202F) as a word joiner (it is
  // ExtendNumLet since Unicode 9, for Mongolian); French typography puts it
  // before "?" and ":", so it is a space here.
  constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";
  const bool narrow_spaces = text.find(kNarrowNoBreakSpace) != std::string_view::npos;
  for (const WordSpan& word : impl_->words) {
    std::size_t begin = word.begin;
    const std::size_t end = word.end;
    for (std::size_t space;
         narrow_spaces && (space = text.substr(0, end).find(kNarrowNoBreakSpace, begin)) != std::string_view::npos;) {
      if (space > begin) reader.read_word(begin, space);
      begin = space + kNarrowNoBreakSpace.size();
    }
    if (end > begin) reader.read_word(begin, end);
  }
  reader.close_chain();
}

}  // namespace tec::analysis
