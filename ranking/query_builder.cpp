// QueryBuilder implementation: tokens grouped by position into word queries.
#include "ranking/query_builder.h"

#include <map>

#include "ranking/ranking_params.h"
#include "schema/index_schema.h"

namespace tec::ranking {
namespace {

using analysis::Token;

void add_alternatives(const Token& token, std::vector<Xapian::Query>& alternatives, QueryTerms& terms) {
  alternatives.emplace_back(token.term);
  terms.terms.insert(token.term);
  for (const std::string& stem : token.stems) {
    alternatives.emplace_back(schema::prefixed(schema::kPrefixStem, stem));
    terms.stems.insert(stem);
  }
}

}  // namespace

bool QueryTerms::matches(const Token& token) const {
  if (terms.contains(token.term)) return true;
  for (const std::string& stem : token.stems) {
    if (stems.contains(stem)) return true;
  }
  return false;
}

BuiltQuery QueryBuilder::build(std::string_view text) {
  BuiltQuery built;
  const std::vector<Token> tokens = analyzer_.analyze(text);
  std::map<unsigned, std::vector<const Token*>> words;  // Word and Variant tokens by position
  std::map<unsigned, const Token*> compounds;           // by first position
  for (const Token& token : tokens) {
    if (token.kind == Token::Kind::Compound) compounds[token.position] = &token;
    else words[token.position].push_back(&token);
  }

  std::vector<Xapian::Query> groups;
  for (auto it = words.begin(); it != words.end();) {
    std::vector<Xapian::Query> alternatives;
    const auto compound = compounds.find(it->first);
    if (compound != compounds.end()) {
      const Token& joined = *compound->second;
      std::vector<Xapian::Query> parts;
      const unsigned last = joined.position + joined.span;
      for (; it != words.end() && it->first < last; ++it) {
        parts.emplace_back(it->second.front()->term);
        for (const Token* part : it->second) {
          built.terms.terms.insert(part->term);
          built.terms.stems.insert(part->stems.begin(), part->stems.end());
        }
      }
      alternatives.emplace_back(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
      add_alternatives(joined, alternatives, built.terms);
    } else {
      for (const Token* token : it->second) add_alternatives(*token, alternatives, built.terms);
      ++it;
    }
    groups.emplace_back(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
  }

  if (groups.size() == 1) {
    built.query = groups.front();
  } else if (groups.size() > 1) {
    const Xapian::Query every_word(Xapian::Query::OP_AND, groups.begin(), groups.end());
    const Xapian::Query some_words(Xapian::Query::OP_OR, groups.begin(), groups.end());
    built.query = Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, every_word, kAllWordsBoost), some_words);
  }
  return built;
}

}  // namespace tec::ranking
