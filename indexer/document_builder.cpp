// DocumentBuilder implementation: free text through FrenchAnalyzer, facets
// as boolean terms, dates and sizes as values.
#include "indexer/document_builder.h"

#include <algorithm>

#include "analysis/acronyms.h"
#include "analysis/html_text.h"
#include "indexer/content_hash.h"
#include "schema/index_schema.h"
#include "schema/stored_document.h"
#include "territory/territories.h"

namespace tec::indexer {
namespace {

std::string compact_date(const std::string& iso) {
  std::string out;
  for (char c : iso.substr(0, 10)) {
    if (c != '-') out += c;
  }
  return out;
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += schema::kListSeparator;
    out += value;
  }
  return out;
}

const std::string& prefixed_into(std::string& out, std::string_view prefix, std::string_view value) {
  out.clear();
  out += prefix;
  out += value;
  return out;
}

bool is_word(const analysis::TokenView& token) {
  return token.kind == analysis::Token::Kind::Word && !token.stems.empty();
}

}  // namespace

unsigned DocumentBuilder::index_text(IndexedDocument& out, std::string_view text, Xapian::termcount wdf,
                                     unsigned position, bool title) {
  Xapian::Document& doc = out.document;
  unsigned next = position;
  std::string term;  // reused: a prefixed term per stem of every word
  std::string word;
  analyzer_.analyze(text, position, [&](const analysis::TokenView& token) {
    if (is_word(token)) {
      const auto it = out.spellings.find(token.lowered);
      if (it != out.spellings.end()) {
        ++it->second;
      } else {
        out.spellings.emplace(std::string(token.lowered), 1);
      }
    }
    // Positions are 1-based in Xapian; compounds and variants sit at the
    // position of their first word so phrases over the parts still match.
    word.clear();
    word += token.term;
    doc.add_posting(word, token.position + 1, wdf);
    for (const std::string& stem : token.stems) doc.add_term(prefixed_into(term, schema::kPrefixStem, stem), wdf);
    // A title word's weight goes to its title stems. The exact title word
    // weighs nothing: suggestions match by it words without a stem (numbers)
    // and phrases, and document lengths, hence BM25, stay what they were
    // when it held the weight.
    if (title) {
      doc.add_term(prefixed_into(term, schema::kPrefixTitle, token.term), 0);
      for (const std::string& stem : token.stems)
        doc.add_term(prefixed_into(term, schema::kPrefixTitleStem, stem), wdf);
    }
    next = std::max(next, token.position + token.span);
  });
  return next + schema::kFieldPositionGap;
}

IndexedDocument DocumentBuilder::build(const Resource& resource) {
  using namespace schema;
  IndexedDocument out;
  Xapian::Document& doc = out.document;
  const std::string body_text = analysis::html_to_text(resource.body);

  unsigned position = 0;
  position = index_text(out, resource.title, kWdfTitle, position, true);
  position = index_text(out, resource.summary, kWdfSummary, position, false);
  for (const std::string& theme : resource.themes) position = index_text(out, theme, kWdfThemes, position, false);
  index_text(out, body_text, kWdfBody, position, false);

  // A facet value too long to be a Xapian term stays displayed (value slots)
  // but cannot be filtered on.
  const auto add_facet = [&](std::string_view prefix, const std::string& value) {
    const std::string term = prefixed(prefix, analyzer_.fold(value));
    if (term.size() <= kMaxTermBytes) doc.add_boolean_term(term);
  };
  doc.add_boolean_term(unique_term(resource.source, resource.id));
  add_facet(kPrefixType, resource.type);
  add_facet(kPrefixSource, resource.source);
  for (const auto& theme : resource.themes) add_facet(kPrefixTheme, theme);
  for (const auto& level : resource.participation_levels) add_facet(kPrefixLevel, level);
  for (const auto& audience : resource.audiences) add_facet(kPrefixAudience, audience);
  for (const auto& kind : resource.territory_types) add_facet(kPrefixTerritoryType, kind);
  if (!resource.territory_types.empty()) {
    for (const territory::TerritoryKind kind : territory::kTerritoryKinds) {
      const std::string name(territory::kind_name(kind));
      if (std::find(resource.territory_types.begin(), resource.territory_types.end(), name) ==
          resource.territory_types.end()) {
        add_facet(kPrefixNotForTerritoryType, name);
      }
    }
  }
  for (const auto& code : resource.territories) add_facet(kPrefixTerritory, code);
  for (const auto& code : resource.collectivites) add_facet(kPrefixCollectivity, code);
  if (!resource.format.empty()) add_facet(kPrefixFormat, resource.format);

  if (!resource.published_at.empty()) {
    const std::string date = compact_date(resource.published_at);
    doc.add_value(kSlotPublished, date);
  }
  // In kFacets order: type, theme, source, level, audience, format, territory.
  doc.add_value(kSlotFacets, packed_facets({resource.type, joined(resource.themes), resource.source,
                                            joined(resource.participation_levels), joined(resource.audiences),
                                            resource.format, joined(resource.territories)}));
  if (!resource.territories.empty()) doc.add_value(kSlotTerritories, joined(resource.territories));
  if (resource.population_min)
    doc.add_value(kSlotPopulationMin, Xapian::sortable_serialise(static_cast<double>(*resource.population_min)));
  if (resource.population_max)
    doc.add_value(kSlotPopulationMax, Xapian::sortable_serialise(static_cast<double>(*resource.population_max)));

  std::string last_session;
  for (const Session& session : resource.sessions) last_session = std::max(last_session, compact_date(session.start));
  if (!last_session.empty()) doc.add_value(kSlotLastSession, last_session);

  doc.add_value(kSlotContentHash, content_hash(resource.json));
  std::string definitions;
  for (const std::string_view text :
       {std::string_view(resource.title), std::string_view(resource.summary), std::string_view(body_text)}) {
    for (const analysis::AcronymDefinition& definition : analysis::acronym_definitions(text, analyzer_)) {
      if (!definitions.empty()) definitions += kFacetSeparator;
      definitions += definition.acronym + kListSeparator + definition.long_form;
    }
  }
  if (!definitions.empty()) doc.add_value(kSlotAcronyms, definitions);

  StoredDocument stored;
  stored.resource_json = resource.json;
  stored.body_text = body_text;
  stored.body_text_is_body = body_text == resource.body;
  doc.set_data(stored.encode());
  return out;
}

}  // namespace tec::indexer
