// FrenchDictionary implementation: hunspell behind a mutex, answers
// remembered, accents restored by trying the accented letters of French.
#include "analysis/french_dictionary.h"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <array>
#include <filesystem>
#include <stdexcept>
#include <vector>

#ifndef TEC_HUNSPELL_DIR
#define TEC_HUNSPELL_DIR "/usr/share/hunspell"
#endif

namespace tec::analysis {
namespace {

// Answers remembered; beyond, the memory starts again empty.
constexpr std::size_t kAnswersKept = 50000;
// Spellings tried when restoring accents: a word has at most this many
// candidate letters looked at, and at most two of them accented.
constexpr std::size_t kMaxAccentableLetters = 12;

struct Accented {
  char plain;
  std::array<const char*, 4> forms;  // UTF-8, null-terminated list
};
constexpr std::array<Accented, 6> kAccented = {{
    {'e', {"é", "è", "ê", "ë"}},
    {'a', {"à", "â", nullptr, nullptr}},
    {'i', {"î", "ï", nullptr, nullptr}},
    {'o', {"ô", nullptr, nullptr, nullptr}},
    {'u', {"û", "ù", "ü", nullptr}},
    {'c', {"ç", nullptr, nullptr, nullptr}},
}};

const Accented* accented_forms(char c) {
  for (const Accented& entry : kAccented) {
    if (entry.plain == c) return &entry;
  }
  return nullptr;
}

}  // namespace

FrenchDictionary::FrenchDictionary(const std::string& directory) {
  const std::filesystem::path aff = std::filesystem::path(directory) / "fr_FR.aff";
  const std::filesystem::path dic = std::filesystem::path(directory) / "fr_FR.dic";
  if (!std::filesystem::exists(aff) || !std::filesystem::exists(dic)) {
    throw std::runtime_error("dictionnaire français introuvable : " + aff.string() +
                             " (paquet hunspell-fr-comprehensive)");
  }
  hunspell_ = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
}

FrenchDictionary::~FrenchDictionary() = default;

const FrenchDictionary* FrenchDictionary::installed() {
  static const std::unique_ptr<FrenchDictionary> dictionary = []() -> std::unique_ptr<FrenchDictionary> {
    try {
      return std::make_unique<FrenchDictionary>(TEC_HUNSPELL_DIR);
    } catch (const std::exception&) {
      return nullptr;
    }
  }();
  return dictionary.get();
}

bool FrenchDictionary::spelled(const std::string& word) const { return hunspell_->spell(word); }

// Tries every spelling of `word` with one, then two, of its first
// kMaxAccentableLetters accentable letters accented.
bool FrenchDictionary::knows_with_accents(const std::string& word) const {
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < word.size() && positions.size() < kMaxAccentableLetters; ++i) {
    if (accented_forms(word[i])) positions.push_back(i);
  }
  const auto with = [&](std::size_t at, const char* form, const std::string& base) {
    return base.substr(0, at) + form + base.substr(at + 1);
  };
  for (std::size_t a = 0; a < positions.size(); ++a) {
    for (const char* first : accented_forms(word[positions[a]])->forms) {
      if (!first) break;
      const std::string one = with(positions[a], first, word);
      if (spelled(one)) return true;
      // The second accented letter comes after the first; its offset moved
      // by the extra byte of the first.
      const std::size_t shift = std::char_traits<char>::length(first) - 1;
      for (std::size_t b = a + 1; b < positions.size(); ++b) {
        for (const char* second : accented_forms(word[positions[b]])->forms) {
          if (!second) break;
          if (spelled(with(positions[b] + shift, second, one))) return true;
        }
      }
    }
  }
  return false;
}

bool FrenchDictionary::knows(std::string_view word) const {
  const std::string key(word);
  std::lock_guard lock(mutex_);
  if (const auto it = answers_.find(key); it != answers_.end()) return it->second;
  const bool ascii =
      std::all_of(key.begin(), key.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; });
  const bool known = spelled(key) || (ascii && knows_with_accents(key));
  if (answers_.size() >= kAnswersKept) answers_.clear();
  answers_.emplace(key, known);
  return known;
}

}  // namespace tec::analysis
