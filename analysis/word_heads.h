// WordHeads: the first two bytes of the folded words and stems a reader looks
// for, so that it can tell at a glance which words of a text cannot be one of
// them. The French Snowball stemmer rewrites a word's ending only: a stem
// begins with the same two bytes as its folded word, or is one letter long
// when it is a one-letter word or a two-letter word that lost its final "s"
// ("es" -> "e"). tests/analysis/word_heads_test.cpp checks this on real text.
// So a word whose head is not wanted matches none of the terms, stems or
// prefixes the heads were made from.
#pragma once

#include <bitset>
#include <cstdint>
#include <string_view>

namespace tec::analysis {

class WordHeads {
 public:
  // Wants the words whose folded form or stems could equal `folded`.
  void add(std::string_view folded) {
    heads_.set(key(folded));
    if (folded.size() == 1) heads_.set(key(folded) | 's');  // the word ending in "s" it may come from
  }

  // Wants every word beginning with `prefix`.
  void add_prefix(std::string_view prefix) {
    if (prefix.size() >= 2) return add(prefix);
    if (prefix.empty()) {
      heads_.set();
      return;
    }
    const unsigned first = static_cast<unsigned char>(prefix[0]);
    for (unsigned second = 0; second < 256; ++second) heads_.set(first << 8 | second);
  }

  bool wants(std::string_view folded) const { return heads_.test(key(folded)); }

 private:
  // One-byte words keep 0 as their second byte, which no longer word has.
  static std::uint16_t key(std::string_view folded) {
    if (folded.empty()) return 0;
    const unsigned first = static_cast<unsigned char>(folded[0]);
    const unsigned second = folded.size() > 1 ? static_cast<unsigned char>(folded[1]) : 0;
    return static_cast<std::uint16_t>(first << 8 | second);
  }

  std::bitset<1 << 16> heads_;
};

}  // namespace tec::analysis
