// Lexicon construction and look-ups. Typo search walks the sorted vocabulary
// as an implicit trie: words sharing a prefix share the rows of the edit
// distance table computed for it, and a prefix whose row already exceeds the
// allowed distance skips every word that starts with it.
#include "ranking/lexicon.h"

#include <algorithm>

namespace tec::ranking {
namespace {

// Words of the free-text vocabulary: unprefixed terms (prefixes are capitals)
// holding a letter, at least two bytes long.
bool is_vocabulary_word(const std::string& term) {
  if (term.size() < 2) return false;
  const unsigned char first = static_cast<unsigned char>(term[0]);
  if (first >= 'A' && first <= 'Z') return false;
  return std::any_of(term.begin(), term.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c & 0x80); });
}

}  // namespace

Lexicon::Lexicon(const Xapian::Database& db, analysis::FrenchAnalyzer& analyzer) : version_(IndexVersion::of(db)) {
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
    const std::string term = *it;
    if (!is_vocabulary_word(term)) continue;
    offsets_.push_back(static_cast<std::uint32_t>(blob_.size()));
    blob_ += term;
    frequencies_.push_back(it.get_termfreq());
  }

  // The spelling the texts use most, the unaccented one included: "des" is
  // shown as "des", not as the rarer "dès".
  std::unordered_map<std::string, Xapian::doccount> display_frequency;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    const std::string spelled = *it;
    std::string folded = analyzer.fold(spelled);
    const Xapian::doccount count = it.get_termfreq();
    auto& best = display_frequency[folded];
    if (count <= best) continue;
    best = count;
    if (folded == spelled) display_.erase(folded);
    else display_[std::move(folded)] = spelled;
  }

  for (auto it = db.synonym_keys_begin(); it != db.synonym_keys_end(); ++it) {
    const std::string key = *it;
    synonyms_[key].assign(db.synonyms_begin(key), db.synonyms_end(key));
    const auto words = static_cast<unsigned>(std::count(key.begin(), key.end(), ' ') + 1);
    longest_synonym_key_ = std::max(longest_synonym_key_, words);
  }
}

std::size_t Lexicon::lower_bound(std::string_view key, std::size_t from) const {
  std::size_t lo = from, hi = offsets_.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (word(mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

Xapian::doccount Lexicon::frequency(std::string_view term) const {
  const std::size_t i = lower_bound(term);
  return i < offsets_.size() && word(i) == term ? frequencies_[i] : 0;
}

std::string Lexicon::display(const std::string& term) const {
  const auto it = display_.find(term);
  return it == display_.end() ? term : it->second;
}

const std::vector<std::string>* Lexicon::synonyms(const std::string& key) const {
  const auto it = synonyms_.find(key);
  return it == synonyms_.end() ? nullptr : &it->second;
}

std::vector<std::pair<std::string, Xapian::doccount>> Lexicon::completions(std::string_view prefix, std::size_t limit,
                                                                           std::size_t scan_limit) const {
  std::vector<std::pair<std::string, Xapian::doccount>> found;
  const std::size_t first = lower_bound(prefix);
  for (std::size_t i = first; i < offsets_.size() && i - first < scan_limit && word(i).starts_with(prefix); ++i) {
    found.emplace_back(std::string(word(i)), frequencies_[i]);
  }
  const std::size_t keep = std::min(limit, found.size());
  std::partial_sort(
      found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end(),
      [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  found.resize(keep);
  return found;
}

std::vector<Lexicon::Correction> Lexicon::corrections(std::string_view target, unsigned max_distance, std::size_t limit,
                                                      std::size_t budget, bool* cut) const {
  std::vector<Correction> found;
  const std::size_t m = target.size();
  const std::size_t max_length = m + max_distance;
  // rows[d] is the distance table row for the first d bytes of the current word.
  std::vector<std::vector<unsigned>> rows(max_length + 1, std::vector<unsigned>(m + 1));
  for (std::size_t j = 0; j <= m; ++j) rows[0][j] = static_cast<unsigned>(j);
  std::string_view previous;  // the prefix whose rows are valid
  std::size_t computed = 0;
  *cut = false;

  std::size_t i = 0;
  while (i < offsets_.size()) {
    const std::string_view w = word(i);
    std::size_t depth = 0;
    while (depth < previous.size() && depth < w.size() && previous[depth] == w[depth]) ++depth;
    bool pruned = false;
    const std::size_t stop = std::min(w.size(), max_length);
    for (std::size_t d = depth + 1; d <= stop; ++d) {
      if (++computed > budget) {
        *cut = true;
        i = offsets_.size();
        pruned = true;
        break;
      }
      const char c = w[d - 1];
      std::vector<unsigned>& row = rows[d];
      const std::vector<unsigned>& up = rows[d - 1];
      row[0] = static_cast<unsigned>(d);
      unsigned best = row[0];
      for (std::size_t j = 1; j <= m; ++j) {
        unsigned value = std::min({up[j] + 1, row[j - 1] + 1, up[j - 1] + (target[j - 1] == c ? 0u : 1u)});
        if (d > 1 && j > 1 && c == target[j - 2] && w[d - 2] == target[j - 1])
          value = std::min(value, rows[d - 2][j - 2] + 1);
        row[j] = value;
        best = std::min(best, value);
      }
      if (best > max_distance) {
        // No word starting with w[0, d) can come close enough: skip them all.
        const std::string_view dead = w.substr(0, d);
        previous = dead.substr(0, d - 1);
        i = lower_bound(std::string(dead) + "\xFF", i + 1);
        pruned = true;
        break;
      }
    }
    if (pruned) continue;
    previous = w.substr(0, stop);
    if (w.size() <= max_length && rows[w.size()][m] <= max_distance && w != target) {
      found.push_back({std::string(w), rows[w.size()][m], frequencies_[i]});
    }
    ++i;
  }
  std::sort(found.begin(), found.end(), [](const Correction& a, const Correction& b) {
    return a.distance != b.distance ? a.distance < b.distance : a.frequency > b.frequency;
  });
  if (found.size() > limit) found.resize(limit);
  return found;
}

}  // namespace tec::ranking
