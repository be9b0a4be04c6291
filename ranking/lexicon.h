// Lexicon: what a query can be corrected, completed and expanded with, read
// once from one revision of the index and shared, read-only, by all threads:
//   - the vocabulary: accent-folded words with their document frequencies,
//     sorted, for typo correction (edit distance) and prefix completion;
//   - display forms: the accented spelling of each folded word, from the
//     spelling table ("reunion" -> "réunion");
//   - the thesaurus, from the synonym table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "ranking/index_version.h"

namespace tec::ranking {

class Lexicon {
 public:
  Lexicon(const Xapian::Database& db, analysis::FrenchAnalyzer& analyzer);

  const IndexVersion& version() const { return version_; }
  std::size_t size() const { return offsets_.size(); }

  struct Correction {
    std::string term;
    unsigned distance = 0;
    Xapian::doccount frequency = 0;
  };

  // Vocabulary words within `max_distance` edits of `word` (insertion,
  // deletion, substitution, or swap of two neighbouring letters), closest then
  // most frequent first, at most `limit`. The search computes at most
  // `budget` rows of the distance table; `*cut` tells whether it ran out.
  std::vector<Correction> corrections(std::string_view word, unsigned max_distance, std::size_t limit,
                                      std::size_t budget, bool* cut) const;

  // Vocabulary words starting with `prefix`, most frequent first, at most
  // `limit`, among the first `scan_limit` words in order.
  std::vector<std::pair<std::string, Xapian::doccount>> completions(std::string_view prefix, std::size_t limit,
                                                                    std::size_t scan_limit) const;

  Xapian::doccount frequency(std::string_view term) const;

  // The accented form of a folded word, or the word itself.
  std::string display(const std::string& term) const;

  // Expressions equivalent to the synonym key (see schema/synonym_key.h), or null.
  const std::vector<std::string>* synonyms(const std::string& key) const;
  unsigned longest_synonym_key() const { return longest_synonym_key_; }

 private:
  std::string_view word(std::size_t i) const {
    return std::string_view(blob_).substr(offsets_[i],
                                          (i + 1 < offsets_.size() ? offsets_[i + 1] : blob_.size()) - offsets_[i]);
  }
  std::size_t lower_bound(std::string_view key, std::size_t from = 0) const;

  IndexVersion version_;
  std::string blob_;                    // the words, concatenated in sorted order
  std::vector<std::uint32_t> offsets_;  // start of each word in blob_
  std::vector<Xapian::doccount> frequencies_;
  std::unordered_map<std::string, std::string> display_;  // only where it differs from the folded word
  std::unordered_map<std::string, std::vector<std::string>> synonyms_;
  unsigned longest_synonym_key_ = 0;
};

}  // namespace tec::ranking
