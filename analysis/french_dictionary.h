// FrenchDictionary: whether a word is correct French, in any inflection, by
// Debian's hunspell French dictionary (package hunspell-fr-comprehensive).
// The search box corrects only misspellings: a correct word the index lacks
// ("fauteuil roulant") is searched as typed, never "corrected" into another
// word of the index. People type without accents, so a word without any is
// also accepted when the dictionary knows it with up to two accented letters
// ("mefient" for "méfient").
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

class Hunspell;

namespace tec::analysis {

class FrenchDictionary {
 public:
  // Loads the dictionary `<directory>/fr_FR.aff` and `.dic`; throws
  // std::runtime_error when they are missing.
  explicit FrenchDictionary(const std::string& directory);
  ~FrenchDictionary();
  FrenchDictionary(const FrenchDictionary&) = delete;
  FrenchDictionary& operator=(const FrenchDictionary&) = delete;

  // The dictionary of the system (TEC_HUNSPELL_DIR, /usr/share/hunspell by
  // default), loaded once; null when it is not installed.
  static const FrenchDictionary* installed();

  // `word`: lower case, with or without its accents. Thread-safe.
  bool knows(std::string_view word) const;

 private:
  bool spelled(const std::string& word) const;  // with mutex_ held
  bool knows_with_accents(const std::string& word) const;

  std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex mutex_;  // Hunspell is not thread-safe; lookups are rare (words the index lacks)
  mutable std::unordered_map<std::string, bool> answers_;
};

}  // namespace tec::analysis
