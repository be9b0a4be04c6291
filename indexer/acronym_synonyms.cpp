// AcronymSynonyms implementation: the reference parsed once, the texts'
// definitions read from their value slot, presence checked on the index.
#include "indexer/acronym_synonyms.h"

#include <set>

#include "analysis/acronyms.h"
#include "analysis/french_dictionary.h"
#include "indexer/bundled_acronyms.h"
#include "schema/index_schema.h"
#include "schema/synonym_key.h"

namespace tec::indexer {
namespace {

// A long form longer than this is not looked up from a query's words (the
// query builder tries word runs up to the longest key): only the acronym
// leads to it.
constexpr std::size_t kMaxLongFormKeyWords = 8;

std::vector<analysis::Token> words_of(std::string_view text, analysis::FrenchAnalyzer& analyzer) {
  std::vector<analysis::Token> words;
  for (analysis::Token& token : analyzer.analyze(text)) {
    if (token.kind == analysis::Token::Kind::Word) words.push_back(std::move(token));
  }
  return words;
}

std::string key_of(const std::vector<analysis::Token>& words) {
  std::vector<const analysis::Token*> pointers;
  for (const analysis::Token& word : words) pointers.push_back(&word);
  return schema::synonym_key(pointers);
}

// Whether the index holds the expression's words side by side.
bool holds_phrase(const Xapian::Database& db, const std::vector<analysis::Token>& words) {
  std::vector<Xapian::Query> terms;
  for (const analysis::Token& word : words) {
    if (db.get_termfreq(word.term) == 0) return false;
    terms.emplace_back(word.term);
  }
  if (terms.size() == 1) return true;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                                  static_cast<Xapian::termcount>(terms.size())));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return !enquire.get_mset(0, 1).empty();
}

// An acronym that reads as an ordinary word ("plu", "sage", "des").
bool ordinary_word(const std::string& folded) {
  const analysis::FrenchDictionary* dictionary = analysis::FrenchDictionary::installed();
  return dictionary && dictionary->knows(folded);
}

}  // namespace

std::string_view bundled_acronyms() { return kBundledAcronyms; }

std::string acronym_key_prefix(std::string_view expression) {
  if (!analysis::looks_like_acronym(expression)) return {};
  std::string lower;
  for (const char c : expression) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ordinary_word(lower) ? std::string(schema::kCapitalsOnlyKeyPrefix) : std::string();
}

std::vector<AcronymMeaning> parse_acronyms(std::string_view tsv) {
  std::vector<AcronymMeaning> meanings;
  bool header_read = false;  // the first line that is not a comment names the columns
  for (std::size_t start = 0; start < tsv.size();) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    const std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line.front() == '#') continue;
    if (!header_read) {
      header_read = true;
      continue;
    }
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::size_t next = line.find('\t', tab + 1);
    meanings.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1, next - tab - 1))});
  }
  return meanings;
}

std::vector<AcronymMeaning> acronyms_of(const Xapian::Database& db, const std::vector<AcronymMeaning>& reference,
                                        analysis::FrenchAnalyzer& analyzer) {
  std::vector<AcronymMeaning> meanings;
  std::set<std::pair<std::string, std::string>> seen;  // folded
  const auto add = [&](const std::string& acronym, const std::string& long_form) {
    if (seen.emplace(analyzer.fold(acronym), analyzer.fold(long_form)).second) meanings.push_back({acronym, long_form});
  };
  for (auto it = db.valuestream_begin(schema::kSlotAcronyms); it != db.valuestream_end(schema::kSlotAcronyms); ++it) {
    const std::string packed = *it;
    for (std::size_t start = 0; start < packed.size();) {
      std::size_t end = packed.find(schema::kFacetSeparator, start);
      if (end == std::string::npos) end = packed.size();
      const std::string pair = packed.substr(start, end - start);
      const std::size_t separator = pair.find(schema::kListSeparator);
      if (separator != std::string::npos) add(pair.substr(0, separator), pair.substr(separator + 1));
      start = end + 1;
    }
  }
  for (const AcronymMeaning& meaning : reference) {
    const std::vector<analysis::Token> acronym = words_of(meaning.acronym, analyzer);
    if (acronym.size() != 1) continue;
    const bool acronym_held = db.get_termfreq(acronym.front().term) > 0 && !ordinary_word(acronym.front().term);
    if (acronym_held || holds_phrase(db, words_of(meaning.long_form, analyzer)))
      add(meaning.acronym, meaning.long_form);
  }
  return meanings;
}

void add_acronym_synonyms(Xapian::WritableDatabase& db, const std::vector<AcronymMeaning>& meanings,
                          analysis::FrenchAnalyzer& analyzer) {
  for (const AcronymMeaning& meaning : meanings) {
    const std::vector<analysis::Token> acronym = words_of(meaning.acronym, analyzer);
    const std::vector<analysis::Token> long_form = words_of(meaning.long_form, analyzer);
    if (acronym.size() != 1 || long_form.size() < 2) continue;
    const std::string key = acronym_key_prefix(meaning.acronym) + key_of(acronym);
    db.add_synonym(key, meaning.long_form);
    if (long_form.size() <= kMaxLongFormKeyWords) db.add_synonym(key_of(long_form), meaning.acronym);
  }
}

}  // namespace tec::indexer
