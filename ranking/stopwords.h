// French words too common to rank or highlight on their own ("de", "la",
// "pour"), as accent-folded terms. Queries keep them inside quoted phrases
// and when nothing else is left.
#pragma once

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>

namespace tec::ranking {

// A fixed set of short words in an open-addressing table keyed by a word's
// length and first, second and last bytes: a word is told apart in a few
// byte reads, where hashing every byte (std::unordered_set) made this lookup
// a tenth of the cost of a long snippet, which asks it for every word.
class ShortWordSet {
 public:
  ShortWordSet(std::initializer_list<std::string_view> words) {
    for (const std::string_view word : words) {
      longest_ = std::max(longest_, word.size());
      std::size_t slot = slot_of(word);
      while (!slots_[slot].empty() && slots_[slot] != word) slot = (slot + 1) % kSlots;
      slots_[slot] = word;
    }
  }

  bool contains(std::string_view word) const {
    if (word.empty() || word.size() > longest_) return false;
    for (std::size_t slot = slot_of(word);; slot = (slot + 1) % kSlots) {
      if (slots_[slot].empty()) return false;
      if (slots_[slot] == word) return true;
    }
  }

 private:
  static constexpr std::size_t kSlots = 512;  // more than thrice the words: short probes

  static std::size_t slot_of(std::string_view word) {
    const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(word[i])); };
    return (word.size() * 131 + byte(0) * 31 + byte(word.size() > 1 ? 1 : 0) * 17 + byte(word.size() - 1) * 7) % kSlots;
  }

  std::array<std::string_view, kSlots> slots_{};
  std::size_t longest_ = 0;
};

inline bool is_stopword(std::string_view term) {
  static const ShortWordSet kStopwords = {
      "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "et",
      "eux", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "mes", "moi", "mon",
      "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son",
      "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "est", "sont", "d", "l",
      // Words of questions asked in one's own words ("comment faire pour ...").
      "comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "quoi", "faire", "fait", "font", "veut",
      "veulent", "voudrait", "peut", "peuvent", "doit", "doivent", "faut", "avoir", "etre", "ont", "plus", "tres",
      "bien", "aussi", "tout", "tous", "toute", "toutes", "sans", "sous", "entre", "vers", "chez", "dont", "mais",
      "donc", "car", "si", "nos", "cela", "ca", "ceux", "celles", "autre", "autres",
      // More of a question's scaffolding: auxiliaries, "lequel", "combien",
      // and the euphonic t of "a-t-il", "va-t-on".
      "t", "combien", "lequel", "laquelle", "lesquels", "lesquelles", "ai", "as", "avons", "avez", "suis", "sommes",
      "etes", "va", "vont", "sera", "seront", "serait", "peux", "pouvons", "pourrait", "pourrions", "dois", "devons",
      "devrait", "veux", "voulons", "faudrait"};
  return kStopwords.contains(term);
}

}  // namespace tec::ranking
