// Acronym definitions: the Schwartz and Hearst match (A simple algorithm for
// identifying abbreviation definitions in biomedical text, PSB 2003) of an
// acronym's letters against the words next to it, on accent-folded text.
#include "analysis/acronyms.h"

#include <algorithm>
#include <set>

namespace tec::analysis {
namespace {

bool ascii_letter_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool space = i == text.size() || text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r';
    if (!space && start == std::string_view::npos) start = i;
    if (space && start != std::string_view::npos) {
      words.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  return words;
}

// Where the long form begins among `words` (the acronym's letters found, in
// order and backwards, in the folded words, the first one starting a word or a
// word part), or words.size() when they are not.
std::size_t long_form_start(const std::string& letters, const std::vector<std::string>& folded) {
  std::string joined;
  std::vector<std::size_t> word_of;  // word index of each byte of `joined`
  for (std::size_t w = 0; w < folded.size(); ++w) {
    if (w > 0) {
      joined += ' ';
      word_of.push_back(w);
    }
    joined += folded[w];
    word_of.insert(word_of.end(), folded[w].size(), w);
  }
  std::ptrdiff_t l = static_cast<std::ptrdiff_t>(joined.size()) - 1;
  for (std::ptrdiff_t s = static_cast<std::ptrdiff_t>(letters.size()) - 1; s >= 0; --s) {
    const char c = letters[static_cast<std::size_t>(s)];
    const auto starts_part = [&](std::ptrdiff_t at) {
      return at == 0 || !ascii_letter_or_digit(joined[static_cast<std::size_t>(at - 1)]);
    };
    while (l >= 0 && (joined[static_cast<std::size_t>(l)] != c || (s == 0 && !starts_part(l)))) --l;
    if (l < 0) return folded.size();
    --l;
  }
  return word_of[static_cast<std::size_t>(l + 1)];
}

// Little words a long form may hold without a letter of the acronym, and
// never starts with.
bool little_word(const std::string& folded) {
  static const std::set<std::string, std::less<>> kLittle = {"de",  "d",    "du",  "des", "la",  "le", "l",
                                                             "les", "et",   "a",   "au",  "aux", "en", "pour",
                                                             "sur", "dans", "par", "un",  "une"};
  std::string bare;
  for (const char c : folded) {
    if (ascii_letter_or_digit(c)) bare += c;
    else if (!bare.empty()) break;
  }
  return kLittle.contains(bare);
}

std::string lower_letters(std::string_view acronym) {
  std::string letters;
  for (const char c : acronym) {
    if (ascii_letter_or_digit(c)) letters += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return letters;
}

// The long form among the last words of `candidates` (or the first ones when
// `leading`), as written, or empty when the acronym's letters do not fit.
std::string long_form(std::string_view acronym, const std::vector<std::string_view>& candidates,
                      const FrenchAnalyzer& analyzer, bool leading) {
  const std::string letters = lower_letters(acronym);
  // Schwartz and Hearst's bound on the long form's length, in words other
  // than little ones.
  const std::size_t most = std::min(letters.size() + 5, letters.size() * 2);
  std::vector<std::string_view> words;
  std::vector<std::string> folded;
  std::size_t content_words = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string_view word = candidates[leading ? i : candidates.size() - 1 - i];
    std::string folded_word = analyzer.fold(word);
    content_words += !little_word(folded_word);
    if (content_words > most) {
      if (leading) return {};
      break;
    }
    words.push_back(word);
    folded.push_back(std::move(folded_word));
  }
  if (!leading) {
    std::reverse(words.begin(), words.end());
    std::reverse(folded.begin(), folded.end());
  }
  const std::size_t start = long_form_start(letters, folded);
  if (start >= words.size() || (leading && start != 0) || little_word(folded[start])) return {};
  // Most of the acronym's letters must be initials, in order, of the long
  // form's words or word parts: letters found inside words alone let in
  // "CNRS (Centre Maurice Halbwachs)".
  std::size_t initials = 0, parts = 0;
  for (std::size_t w = start; w < words.size(); ++w) {
    bool at_start = true;
    for (const char c : folded[w]) {
      const bool alnum = ascii_letter_or_digit(c);
      if (alnum && at_start) {
        ++parts;
        if (initials < letters.size() && c == letters[initials]) ++initials;
      }
      at_start = !alnum;
    }
  }
  if (parts < 2 || initials * 4 < letters.size() * 3) return {};
  std::string text;
  for (std::size_t w = start; w < words.size(); ++w) text += (text.empty() ? "" : " ") + std::string(words[w]);
  while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == ':')) text.pop_back();
  // Links, markup and numbers are not words of a name.
  if (text.find_first_of("[]()_/=\"*#|<>0123456789") != std::string::npos || text.find("http") != std::string::npos)
    return {};
  return text;
}

}  // namespace

bool looks_like_acronym(std::string_view typed) {
  if (typed.size() < 2 || typed.size() > 12) return false;
  std::size_t capitals = 0, small = 0;
  for (const char c : typed) {
    if (c >= 'A' && c <= 'Z') ++capitals;
    else if (c >= 'a' && c <= 'z') ++small;
    else if (!(c >= '0' && c <= '9') && c != '\'' && c != '-') return false;
  }
  return capitals >= 2 && capitals >= small;
}

std::vector<AcronymDefinition> acronym_definitions(std::string_view text, const FrenchAnalyzer& analyzer,
                                                   std::size_t limit) {
  std::vector<AcronymDefinition> found;
  std::set<std::pair<std::string, std::string>> seen;
  const auto add = [&](std::string acronym, std::string long_form) {
    if (long_form.empty() || !seen.emplace(acronym, long_form).second) return;
    found.push_back({std::move(acronym), std::move(long_form)});
  };
  for (std::size_t open = text.find('('); open != std::string_view::npos && found.size() < limit;
       open = text.find('(', open + 1)) {
    const std::size_t close = text.find(')', open);
    if (close == std::string_view::npos) break;
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    const std::string_view before = text.substr(open > 300 ? open - 300 : 0, open - (open > 300 ? open - 300 : 0));
    std::vector<std::string_view> words_before = split_words(before);
    if (looks_like_acronym(inside)) {
      // "long form (ACRONYM)": the long form ends right before the parenthesis.
      add(std::string(inside), long_form(inside, words_before, analyzer, false));
    } else if (!words_before.empty()) {
      // "ACRONYM (long form)".
      std::string_view acronym = words_before.back();
      while (!acronym.empty() && (acronym.back() == ',' || acronym.back() == ':')) acronym.remove_suffix(1);
      if (looks_like_acronym(acronym))
        add(std::string(acronym), long_form(acronym, split_words(inside), analyzer, true));
    }
  }
  return found;
}

}  // namespace tec::analysis
