// QueryBuilder implementation: clauses -> words -> groups -> one query.
#include "ranking/query_builder.h"

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "analysis/acronyms.h"
#include "analysis/french_dictionary.h"
#include "ranking/query_syntax.h"
#include "ranking/ranking_params.h"
#include "ranking/stopwords.h"
#include "schema/index_schema.h"
#include "schema/synonym_key.h"

namespace tec::ranking {
namespace {

using analysis::Token;

// One word of a plain clause: its readings (Word and Variants at one
// position) and, when it starts a hyphenated compound, that compound.
struct PlainWord {
  std::vector<Token> readings;
  const Token* compound = nullptr;  // points into `compounds` below
  std::size_t clause = 0;
  std::size_t offset = 0;  // byte offset of the word in the query text
  bool open = false;       // the word being typed
};

// What one word (or one run of words) of the query contributes: `every` is
// required of documents ranked first, `some` are the parts any of which
// lets a document in at all. They differ for a thesaurus run, whose words
// are required together (or an equivalent) but count one by one otherwise.
struct Group {
  Xapian::Query every;
  std::vector<Xapian::Query> some;
  std::size_t clause = 0;
  bool stopword = false;
  std::vector<std::string> little = {};  // the little words, as typed, when `stopword`
  // Documents holding its rarest word (in that word's most frequent form);
  // 0 for an unknown word, the word being typed, a compound or a phrase,
  // which always lead (see kCommonWordShare).
  Xapian::doccount frequency = 0;
};

struct Replacement {
  std::size_t begin, end;
  std::string text;
};

std::size_t typo_distance(std::size_t length) {
  if (length < kTypoMinLength) return 0;
  return length <= kTypoOneEditMaxLength ? 1 : 2;
}

// An ignored word as given back: a pasted blob need not come back whole.
std::string shortened(std::string_view word) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(word[i]) & 0xC0) != 0x80;
    if (starts_character && characters++ == kIgnoredWordShown) return std::string(word.substr(0, i)) + "…";
  }
  return std::string(word);
}

Xapian::Query any_of(std::vector<Xapian::Query>& queries) {
  return queries.size() == 1 ? queries.front() : Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

class Builder {
 public:
  Builder(analysis::FrenchAnalyzer& analyzer, const Xapian::Database& db, const Lexicon* lexicon,
          const BuildOptions& options, BuiltQuery& built)
      : analyzer_(analyzer), db_(db), lexicon_(lexicon), options_(options), built_(built) {}

  // The terms of a folded word and of a stem in the text searched.
  std::string word_term(const std::string& term) const {
    return options_.titles_only ? schema::prefixed(schema::kPrefixTitle, term) : term;
  }
  std::string stem_term(const std::string& stem) const {
    return schema::prefixed(options_.titles_only ? schema::kPrefixTitleStem : schema::kPrefixStem, stem);
  }

  // Words side by side, or anywhere in a title (title words have no positions).
  static Xapian::Query phrase_of(const std::vector<Xapian::Query>& words, bool in_titles) {
    if (in_titles) return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                         static_cast<Xapian::termcount>(words.size()));
  }

  // The exact form and stems of a token, noted for highlighting when `marked`.
  void add_forms(const Token& token, std::vector<Xapian::Query>& alternatives, bool marked = true) {
    if (options_.exact_forms || token.stems.empty()) {
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(word_term(token.term)), kExactFormWeight);
    }
    if (marked) built_.terms.terms.insert(token.term);
    for (const std::string& stem : token.stems) {
      alternatives.emplace_back(stem_term(stem));
      if (marked) built_.terms.stems.insert(stem);
    }
  }

  bool known(const Token& token) const {
    if (db_.get_termfreq(token.term) > 0) return true;
    return std::any_of(token.stems.begin(), token.stems.end(), [&](const std::string& stem) {
      return db_.get_termfreq(schema::prefixed(schema::kPrefixStem, stem)) > 0;
    });
  }

  // Completions of the word being typed, when there are any. They are
  // searched by their stems, not word by word: the most frequent words a
  // prefix begins share a few stems (participation, participatif, participer),
  // and the typed word's own stems are among its forms already. A few stem
  // posting lists cost far less to merge than thirty word lists.
  //
  // A word already complete ("citoyen") may still be the start of another
  // ("citoyenneté"), but is most likely meant as it is. A plural is completed
  // as its singular, when the index knows it, so that both find the same
  // resources: "publics" brings "publique" as "public" does. (Completing from
  // the stem instead reached too far: "ecoles", stem "ecol", brought "écologie".)
  bool add_completions(const Token& token, std::vector<Xapian::Query>& alternatives) {
    if (token.term.size() < kMinPrefixLength) return false;
    const bool complete_word = lexicon_->frequency(token.term) > 0;
    std::string_view prefix = token.term;
    if (complete_word && prefix.size() > kMinPrefixLength && (prefix.ends_with('s') || prefix.ends_with('x')) &&
        lexicon_->frequency(prefix.substr(0, prefix.size() - 1)) > 0) {
      prefix.remove_suffix(1);
    }
    const auto completions = lexicon_->completions(prefix, kMaxPrefixExpansion, 20000);
    if (completions.empty() || (completions.size() == 1 && completions.front().first == token.term)) return false;
    if (!complete_word) built_.terms.prefixes.push_back(token.term);
    std::unordered_set<std::string> seen(token.stems.begin(), token.stems.end());
    std::vector<Xapian::Query> stems;
    for (const auto& [completion, frequency] : completions) {
      for (const Token& reading : analyzer_.analyze(completion)) {
        if (reading.kind != Token::Kind::Word) continue;
        for (const std::string& stem : reading.stems) {
          if (seen.insert(stem).second) stems.emplace_back(stem_term(stem));
        }
      }
    }
    if (!stems.empty()) {
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(Xapian::Query::OP_SYNONYM, stems.begin(), stems.end()),
                                complete_word ? kPrefixWeightOfCompleteWord : kPrefixWeight);
    }
    return true;
  }

  // Closest known words of `token`, looked up once per query however many
  // times the thesaurus and the word's own query ask for them.
  const std::vector<Lexicon::Correction>& corrections(const Token& token) {
    auto [found, added] = corrections_.try_emplace(token.term);
    if (!added) return found->second;
    const std::size_t max_distance = typo_distance(token.term.size());
    if (max_distance == 0 || token.stems.empty()) return found->second;
    if (typo_rows_spent_ >= kTypoBudgetPerQuery) {
      built_.partial = true;
      return found->second;
    }
    bool cut = false;
    found->second = lexicon_->corrections(token.term, static_cast<unsigned>(max_distance), kMaxTypoCandidates,
                                          std::min(kTypoBudget, kTypoBudgetPerQuery - typo_rows_spent_), &cut);
    typo_rows_spent_ += kTypoBudget;
    built_.partial = built_.partial || cut;
    return found->second;
  }

  // The word as typed, capitals included.
  std::string_view typed(const Token& token, const PlainWord& word) const {
    return text_.substr(word.offset + token.begin, token.end - token.begin);
  }

  // Whether a word may be a misspelling: not one typed like an acronym
  // ("PLUi", "CCAS"), nor a correct French word in any inflection. Those are
  // searched as typed.
  bool misspelling(const Token& token, const PlainWord& word) const {
    if (analysis::looks_like_acronym(typed(token, word))) return false;
    const analysis::FrenchDictionary* dictionary = analysis::FrenchDictionary::installed();
    return !dictionary || !dictionary->knows(token.lowered);
  }

  // Closest known words of an unknown (or, on request, rare) word: those at
  // the smallest distance found only, so that a word two edits away never
  // competes with one a single edit away ("budjet": budget, not sujet). The
  // first, which the index holds most often, is the correction shown and
  // marked.
  void add_corrections(const Token& token, const PlainWord& word, std::vector<Xapian::Query>& alternatives) {
    if (typo_distance(token.term.size()) == 0 || token.stems.empty()) return;
    const Xapian::doccount frequency = lexicon_->frequency(token.term);
    const bool unknown = !known(token);
    if (!unknown && frequency > kRareFrequency) return;
    if (!misspelling(token, word)) return;
    if (!unknown) {
      built_.has_rare_words = true;
      if (!options_.correct_rare_words) return;
    }
    bool replaced = false;
    unsigned closest = 0;
    for (const Lexicon::Correction& candidate : corrections(token)) {
      if (!unknown && candidate.frequency < kRareRatio * std::max<Xapian::doccount>(frequency, 1)) continue;
      if (closest == 0) closest = candidate.distance;
      if (candidate.distance > closest) break;  // closest first
      std::vector<Xapian::Query> forms;
      for (const Token& reading : analyzer_.analyze(candidate.term)) {
        if (reading.kind == Token::Kind::Word) add_forms(reading, forms, !replaced);
      }
      if (forms.empty()) continue;
      alternatives.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, any_of(forms), kTypoWeight / candidate.distance);
      if (!replaced) {
        replacements_.push_back(
            {word.offset + token.begin, word.offset + token.end, lexicon_->display(candidate.term)});
        replaced = true;
      }
    }
  }

  // Each word as the thesaurus may read it when it does not know the words
  // as typed: the closest correction of a word the index does not know, so
  // that "juri citoyen" brings the equivalents of "jury citoyen". The word
  // being typed is completed, not corrected.
  std::vector<const Token*> corrected_readings(const std::vector<PlainWord>& words) {
    std::vector<const Token*> readings;
    for (const PlainWord& word : words) {
      const Token* reading = &word.readings.front();
      if (lexicon_ && !word.open && !known(*reading) && misspelling(*reading, word)) {
        const auto& candidates = corrections(*reading);
        if (!candidates.empty()) {
          for (const Token& corrected : analyzer_.analyze(candidates.front().term)) {
            if (corrected.kind != Token::Kind::Word) continue;
            corrected_readings_.push_back(corrected);
            reading = &corrected_readings_.back();
            break;
          }
        }
      }
      readings.push_back(reading);
    }
    return readings;
  }

  Xapian::Query word_query(const PlainWord& word, bool expand) {
    std::vector<Xapian::Query> alternatives;
    for (const Token& reading : word.readings) add_forms(reading, alternatives);
    if (expand && lexicon_) {
      const Token& main = word.readings.front();
      // A word typed like an acronym is whole: "RIC" is not the start of
      // "Richelieu". The dropdown's titles still complete it while typed.
      const bool whole = !options_.titles_only && analysis::looks_like_acronym(typed(main, word));
      const std::size_t own_forms = alternatives.size();
      const bool completed = word.open && options_.complete_last_word && !whole && add_completions(main, alternatives);
      // In titles, a little word being typed ("des", "par") stands for the
      // longer words it begins: its own forms are in nearly every title.
      if (completed && options_.titles_only && is_stopword(main.term) && alternatives.size() > own_forms) {
        alternatives.erase(alternatives.begin(), alternatives.begin() + static_cast<std::ptrdiff_t>(own_forms));
      }
      if (!completed) add_corrections(main, word, alternatives);
    }
    return any_of(alternatives);
  }

  // The query of a thesaurus expression: all its words but little ones, each
  // weighted so that the expression as a whole weighs like the `typed_words`
  // it stands for, times kSynonymWeight: a long equivalent must not outweigh
  // the short words the user typed.
  Xapian::Query expression_query(const std::string& expression, std::size_t typed_words) {
    const std::vector<Token> tokens = analyzer_.analyze(expression);
    std::vector<Xapian::Query> words;
    std::vector<QueryTerms::ExpressionWord> marked;
    for (const Token& token : tokens) {
      if (token.kind != Token::Kind::Word) continue;
      const bool little = is_stopword(token.term) && tokens.size() > 1;
      marked.push_back({token.term, token.stems, little});
      if (little) continue;
      std::vector<Xapian::Query> forms;
      add_forms(token, forms, false);
      words.push_back(any_of(forms));
    }
    if (!words.empty()) built_.terms.expressions.push_back(std::move(marked));
    if (words.empty()) return Xapian::Query();
    const double scale =
        kSynonymWeight * static_cast<double>(std::max<std::size_t>(typed_words, 1)) / static_cast<double>(words.size());
    const Xapian::Query all =
        words.size() == 1 ? words.front() : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, all, scale);
  }

  // Documents holding the word in the text searched, in its most frequent form.
  Xapian::doccount frequency_of(const Token& token) const {
    Xapian::doccount frequency = db_.get_termfreq(word_term(token.term));
    for (const std::string& stem : token.stems) frequency = std::max(frequency, db_.get_termfreq(stem_term(stem)));
    return frequency;
  }

  // Documents holding the least frequent (non-little) word of a run.
  Xapian::doccount rarest_frequency(const std::vector<const Token*>& run) const {
    Xapian::doccount rarest = db_.get_doccount();
    for (const Token* token : run) {
      if (run.size() > 1 && is_stopword(token->term)) continue;
      rarest = std::min(rarest, frequency_of(*token));
    }
    return rarest;
  }

  // Longest run of words from `k` that the thesaurus knows, as typed or else
  // as corrected, or 0; `*run` receives the readings it knew. A single word
  // typed like an acronym is also looked up among the acronyms that are
  // ordinary words too ("PLU", not "plu").
  std::size_t synonym_run(const std::vector<PlainWord>& words, const std::vector<const Token*>& corrected,
                          std::size_t k, const std::vector<std::string>** found, std::vector<const Token*>* run) {
    if (!lexicon_) return 0;
    const std::size_t longest = std::min<std::size_t>(lexicon_->longest_synonym_key(), words.size() - k);
    for (std::size_t n = longest; n >= 1; --n) {
      const Token& first = words[k].readings.front();
      const bool capitals = n == 1 && analysis::looks_like_acronym(typed(first, words[k]));
      if (capitals) {
        const std::string key = std::string(schema::kCapitalsOnlyKeyPrefix) + schema::synonym_key({&first});
        if ((*found = lexicon_->synonyms(key))) {
          *run = {&first};
          return 1;
        }
      }
      // A little word typed in small letters is that word, not an acronym
      // whose key it shares ("ce" and CEE, "de" and DEA, "et" and ETS: keys
      // are stems), which made it a required word of the query.
      if (n == 1 && !capitals && is_stopword(first.term)) return 0;
      std::vector<const Token*> typed;
      for (std::size_t i = k; i < k + n; ++i) typed.push_back(&words[i].readings.front());
      const std::vector<const Token*> fixed(corrected.begin() + static_cast<std::ptrdiff_t>(k),
                                            corrected.begin() + static_cast<std::ptrdiff_t>(k + n));
      if ((*found = lexicon_->synonyms(schema::synonym_key(typed)))) {
        *run = std::move(typed);
        return n;
      }
      if (fixed != typed && (*found = lexicon_->synonyms(schema::synonym_key(fixed)))) {
        *run = fixed;
        return n;
      }
    }
    return 0;
  }

  std::vector<Group> plain_groups(const std::vector<PlainWord>& words) {
    std::vector<Group> groups;
    const std::vector<const Token*> corrected = corrected_readings(words);
    for (std::size_t k = 0; k < words.size();) {
      const PlainWord& word = words[k];
      Group group{Xapian::Query(), {}, word.clause, false};
      const std::vector<std::string>* synonyms = nullptr;
      std::vector<const Token*> run;
      if (const std::size_t n = synonym_run(words, corrected, k, &synonyms, &run); n > 0) {
        std::vector<Xapian::Query> as_typed;
        for (std::size_t i = k; i < k + n; ++i) {
          if (n == 1 || !is_stopword(words[i].readings.front().term)) as_typed.push_back(word_query(words[i], true));
        }
        std::vector<Xapian::Query> equivalents;
        for (const std::string& expression : *synonyms) {
          if (Xapian::Query q = expression_query(expression, as_typed.size()); !q.empty()) equivalents.push_back(q);
        }
        group.some = as_typed;
        const Xapian::doccount rarest = rarest_frequency(run);
        std::vector<Xapian::Query> alternatives;
        alternatives.push_back(as_typed.size() == 1
                                   ? as_typed.front()
                                   : Xapian::Query(Xapian::Query::OP_AND, as_typed.begin(), as_typed.end()));
        if (!equivalents.empty()) {
          // Their weights add up. Counting only the best one (OP_MAX) ranked
          // no better on the judged sets, and Xapian 1.4.22 crashes on OP_MAX
          // under an OR when the matcher prunes (matcher_robustness_test).
          const Xapian::Query any_equivalent(Xapian::Query::OP_OR, equivalents.begin(), equivalents.end());
          group.some.push_back(any_equivalent);
          // When the words as typed are common in the index, the texts using
          // them are the answer; equivalents only fill in after them.
          if (rarest < kSynonymsRankFirstBelow) alternatives.push_back(any_equivalent);
        }
        group.every = any_of(alternatives);
        if (!words[k + n - 1].open) group.frequency = rarest;
        k += n;
      } else if (word.compound) {
        const Token& compound = *word.compound;
        std::vector<Xapian::Query> parts, part_words;
        std::size_t n = 0;
        bool little_parts = true;  // "est-ce", "peut-on", "a-t-il": a question's scaffolding
        for (; k + n < words.size() && n < compound.span; ++n) {
          parts.emplace_back(word_term(words[k + n].readings.front().term));
          const bool little = is_stopword(words[k + n].readings.front().term);
          little_parts = little_parts && little;
          part_words.push_back(word_query(words[k + n], !little));
        }
        group.stopword = little_parts && !options_.titles_only;
        if (group.stopword)
          group.little.emplace_back(text_.substr(word.offset + compound.begin, compound.end - compound.begin));
        // Exact parts side by side, the joined form, or each part in any
        // form (plural, corrected): "tier-lieux" still finds "tiers-lieu".
        std::vector<Xapian::Query> alternatives;
        alternatives.push_back(phrase_of(parts, options_.titles_only));
        alternatives.emplace_back(Xapian::Query::OP_AND, part_words.begin(), part_words.end());
        add_forms(compound, alternatives);
        if (lexicon_ && options_.complete_last_word && words[k + n - 1].open) add_completions(compound, alternatives);
        group.every = any_of(alternatives);
        group.some = {group.every};
        k += std::max<std::size_t>(n, 1);
      } else {
        // In titles (the dropdown), the word being typed is the start of a
        // longer one even when it is a little word: "par" for "participatif".
        group.stopword = is_stopword(word.readings.front().term) && !(options_.titles_only && word.open);
        if (group.stopword) group.little.emplace_back(typed(word.readings.front(), word));
        group.every = word_query(word, !group.stopword);
        group.some = {group.every};
        if (!word.open) group.frequency = frequency_of(word.readings.front());
        ++k;
      }
      groups.push_back(std::move(group));
    }
    return groups;
  }

  void ignore(std::string_view word, IgnoredWord::Reason reason) {
    IgnoredWord ignored{shortened(word), reason};
    const bool seen = std::any_of(built_.ignored.begin(), built_.ignored.end(),
                                  [&](const IgnoredWord& w) { return w.word == ignored.word && w.reason == reason; });
    if (!seen) built_.ignored.push_back(std::move(ignored));
  }

  Xapian::Query phrase_query(const std::vector<Token>& tokens, bool in_titles) {
    std::vector<Xapian::Query> terms;
    for (const Token& token : tokens) {
      if (token.kind != Token::Kind::Word) continue;
      terms.emplace_back(in_titles ? word_term(token.term) : token.term);
      built_.terms.terms.insert(token.term);
    }
    if (terms.size() <= 1) return terms.empty() ? Xapian::Query() : terms.front();
    return phrase_of(terms, in_titles);
  }

  void build(std::string_view text) {
    text_ = text;
    const QuerySyntax syntax = parse_query_syntax(text);
    std::vector<Group> groups;
    std::vector<Xapian::Query> excluded;
    const bool positive_words = read_clauses(syntax, groups, excluded);
    std::vector<Group> joined = joined_by_or(groups, syntax);
    std::vector<Xapian::Query> every, some, common;
    sort_groups(joined, every, some, common);
    set_query(every, some, common, excluded, positive_words);
    if (!replacements_.empty()) built_.corrected = corrected_text(text);
  }

 private:
  // The groups of the query's clauses, in order, and the queries of its
  // excluded clauses. Returns whether any word was typed outside exclusions,
  // searched or not.
  bool read_clauses(const QuerySyntax& syntax, std::vector<Group>& groups, std::vector<Xapian::Query>& excluded) {
    std::vector<PlainWord> plain;
    std::deque<Token> compounds;  // stable addresses for PlainWord::compound
    unsigned words_seen = 0;
    bool positive_words = false;  // typed outside exclusions, searched or not

    const auto flush_plain = [&]() {
      for (Group& group : plain_groups(plain)) groups.push_back(std::move(group));
      plain.clear();
    };

    for (std::size_t c = 0; c < syntax.clauses.size(); ++c) {
      const QueryClause& clause = syntax.clauses[c];
      std::vector<Token> tokens = clause_tokens(clause, words_seen, positive_words);
      if (tokens.empty()) continue;

      if (clause.excluded || clause.phrase) {
        flush_plain();
        const Xapian::Query query = clause_query(clause, tokens);
        if (clause.excluded) {
          excluded.push_back(query);
        } else {
          groups.push_back({query, {query}, c, false});
        }
        continue;
      }

      add_plain_words(tokens, clause, c, plain, compounds);
      if (c + 1 == syntax.clauses.size() && syntax.last_word_open && !plain.empty()) plain.back().open = true;
    }
    flush_plain();
    return positive_words;
  }

  // The tokens of a clause within the query's kMaxQueryWords (the query is
  // partial when words are left out), its too-long words ignored. Counts the
  // clause's words into `words_seen`, and sets `positive_words` when it typed
  // any outside an exclusion.
  std::vector<Token> clause_tokens(const QueryClause& clause, unsigned& words_seen, bool& positive_words) {
    std::vector<std::string> too_long;
    std::vector<Token> tokens = analyzer_.analyze(clause.text, too_long);
    for (const std::string& word : too_long) ignore(word, IgnoredWord::Reason::TooLong);
    positive_words = positive_words || (!clause.excluded && (!tokens.empty() || !too_long.empty()));
    std::erase_if(tokens, [&](const Token& token) {
      return token.position >= kMaxQueryWords - std::min(words_seen, kMaxQueryWords);
    });
    const unsigned clause_words = tokens.empty() ? 0 : tokens.back().position + 1;
    if (words_seen + clause_words > kMaxQueryWords ||
        (tokens.empty() && !clause.text.empty() && words_seen >= kMaxQueryWords)) {
      built_.partial = true;
    }
    words_seen += clause_words;
    return tokens;
  }

  // The query of a quoted or excluded clause: its words side by side, or
  // (excluded, unquoted) all of them as typed.
  Xapian::Query clause_query(const QueryClause& clause, const std::vector<Token>& tokens) {
    if (clause.phrase) return phrase_query(tokens, options_.titles_only && !clause.excluded);
    std::vector<Xapian::Query> forms;
    for (const Token& token : tokens) {
      if (token.kind != Token::Kind::Variant) forms.emplace_back(token.term);
    }
    return Xapian::Query(Xapian::Query::OP_AND, forms.begin(), forms.end());
  }

  // The words of a plain clause, each with its readings and the compound it
  // starts, appended to `plain`; compounds are kept in `compounds`.
  static void add_plain_words(const std::vector<Token>& tokens, const QueryClause& clause, std::size_t c,
                              std::vector<PlainWord>& plain, std::deque<Token>& compounds) {
    std::map<unsigned, PlainWord> by_position;
    for (const Token& token : tokens) {
      PlainWord& word = by_position[token.position];
      if (token.kind == Token::Kind::Compound) {
        compounds.push_back(token);
        word.compound = &compounds.back();
      } else {
        word.readings.push_back(token);
      }
    }
    for (auto& [position, word] : by_position) {
      if (word.readings.empty()) continue;
      word.clause = c;
      word.offset = clause.offset;
      plain.push_back(std::move(word));
    }
  }

  // OR joins a clause's group to the previous clause's group.
  static std::vector<Group> joined_by_or(std::vector<Group>& groups, const QuerySyntax& syntax) {
    std::vector<Group> joined;
    for (Group& group : groups) {
      if (!joined.empty() && syntax.clauses[group.clause].or_with_previous && joined.back().clause != group.clause) {
        Group& previous = joined.back();
        previous.every = Xapian::Query(Xapian::Query::OP_OR, previous.every, group.every);
        previous.some.insert(previous.some.end(), group.some.begin(), group.some.end());
        previous.clause = group.clause;
        previous.stopword = previous.stopword && group.stopword;
        previous.little.insert(previous.little.end(), group.little.begin(), group.little.end());
      } else {
        joined.push_back(std::move(group));
      }
    }
    return joined;
  }

  // Each group's required query into `every`, and its parts into `some` or,
  // for a word most documents hold, into `common`.
  void sort_groups(const std::vector<Group>& joined, std::vector<Xapian::Query>& every,
                   std::vector<Xapian::Query>& some, std::vector<Xapian::Query>& common) {
    // Little words alone would match every document: they are ignored too,
    // and said to be.
    const bool only_stopwords = std::all_of(joined.begin(), joined.end(), [](const Group& g) { return g.stopword; });
    const Xapian::doccount common_from = std::max<Xapian::doccount>(
        kCommonWordMinDocuments, static_cast<Xapian::doccount>(kCommonWordShare * db_.get_doccount()));
    for (const Group& group : joined) {
      if (group.stopword) {
        if (only_stopwords) {
          for (const std::string& word : group.little) ignore(word, IgnoredWord::Reason::Stopword);
        }
        continue;
      }
      every.push_back(group.every);
      std::vector<Xapian::Query>& into = group.frequency >= common_from ? common : some;
      into.insert(into.end(), group.some.begin(), group.some.end());
    }
    // Without a rarer word, every word leads.
    if (some.empty()) std::swap(some, common);
  }

  // The query searched, documents holding every word ranked first, and the
  // query of those alone; excluded clauses taken out of both.
  void set_query(const std::vector<Xapian::Query>& every, const std::vector<Xapian::Query>& some,
                 const std::vector<Xapian::Query>& common, const std::vector<Xapian::Query>& excluded,
                 bool positive_words) {
    built_.words = every.size();
    built_.nothing_left = every.empty() && positive_words;
    Xapian::Query positive;
    if (every.size() == 1 && some.size() + common.size() == 1) {
      positive = every.front();
    } else if (!every.empty()) {
      const Xapian::Query every_word(Xapian::Query::OP_AND, every.begin(), every.end());
      // Documents holding some words but not all are found by their rarer
      // words; the common ones only add to their weight. Walking the
      // documents of a word most documents hold would cost most of the
      // search and bring only documents that rank last.
      Xapian::Query some_words(Xapian::Query::OP_OR, some.begin(), some.end());
      if (!common.empty()) {
        some_words = Xapian::Query(Xapian::Query::OP_AND_MAYBE, some_words,
                                   Xapian::Query(Xapian::Query::OP_OR, common.begin(), common.end()));
      }
      positive = Xapian::Query(Xapian::Query::OP_OR,
                               Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, every_word, kAllWordsBoost), some_words);
      built_.all_words = every_word;
    } else if (!excluded.empty() && !built_.nothing_left) {
      positive = Xapian::Query::MatchAll;
    }
    if (!excluded.empty() && !positive.empty()) {
      const Xapian::Query any_excluded(Xapian::Query::OP_OR, excluded.begin(), excluded.end());
      positive = Xapian::Query(Xapian::Query::OP_AND_NOT, positive, any_excluded);
      if (!built_.all_words.empty())
        built_.all_words = Xapian::Query(Xapian::Query::OP_AND_NOT, built_.all_words, any_excluded);
    }
    built_.query = positive;
  }

  // The query as typed with its corrections, applied from the last so that
  // the offsets of the others still hold.
  std::string corrected_text(std::string_view text) {
    std::string corrected(text);
    std::sort(replacements_.begin(), replacements_.end(),
              [](const auto& a, const auto& b) { return a.begin > b.begin; });
    for (const Replacement& r : replacements_) corrected.replace(r.begin, r.end - r.begin, r.text);
    return corrected;
  }

  analysis::FrenchAnalyzer& analyzer_;
  const Xapian::Database& db_;
  const Lexicon* lexicon_;
  const BuildOptions& options_;
  BuiltQuery& built_;
  std::string_view text_;  // the query as typed (capitals included)
  std::vector<Replacement> replacements_;
  std::size_t typo_rows_spent_ = 0;
  std::unordered_map<std::string, std::vector<Lexicon::Correction>> corrections_;
  std::deque<Token> corrected_readings_;  // stable addresses for corrected_readings()
};

}  // namespace

bool QueryTerms::matches(const analysis::TokenView& token) const {
  if (terms.contains(token.term)) return true;
  for (const std::string& stem : token.stems) {
    if (stems.contains(stem)) return true;
  }
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) { return token.term.starts_with(p); });
}

BuiltQuery QueryBuilder::build(std::string_view text, const BuildOptions& options) {
  BuiltQuery built;
  Builder(analyzer_, db_, lexicon_, options, built).build(text);
  return built;
}

}  // namespace tec::ranking
