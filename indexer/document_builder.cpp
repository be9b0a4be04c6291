// DocumentBuilder implementation: free text through FrenchAnalyzer, facets
// as boolean terms, dates and sizes as values.
#include "indexer/document_builder.h"

#include "analysis/html_text.h"
#include "schema/index_schema.h"
#include "schema/stored_document.h"

namespace tec::indexer {
namespace {

std::string compact_date(const std::string& iso) {
  std::string out;
  for (char c : iso.substr(0, 10)) {
    if (c != '-') out += c;
  }
  return out;
}

}  // namespace

unsigned DocumentBuilder::index_text(Xapian::Document& doc, std::string_view text, Xapian::termcount wdf,
                                     unsigned position, bool title) {
  unsigned next = position;
  for (const analysis::Token& token : analyzer_.analyze(text, position)) {
    // Positions are 1-based in Xapian; compounds and variants sit at the
    // position of their first word so phrases over the parts still match.
    doc.add_posting(token.term, token.position + 1, wdf);
    if (title) doc.add_term(schema::prefixed(schema::kPrefixTitle, token.term), wdf);
    for (const std::string& stem : token.stems) doc.add_term(schema::prefixed(schema::kPrefixStem, stem), wdf);
    next = std::max(next, token.position + token.span);
  }
  return next + schema::kFieldPositionGap;
}

Xapian::Document DocumentBuilder::build(const Resource& resource) {
  using namespace schema;
  Xapian::Document doc;
  const std::string body_text = analysis::html_to_text(resource.body);

  unsigned position = 0;
  position = index_text(doc, resource.title, kWdfTitle, position, true);
  position = index_text(doc, resource.summary, kWdfSummary, position, false);
  for (const std::string& theme : resource.themes) position = index_text(doc, theme, kWdfThemes, position, false);
  index_text(doc, body_text, kWdfBody, position, false);

  doc.add_boolean_term(unique_term(resource.source, resource.id));
  doc.add_boolean_term(prefixed(kPrefixType, resource.type));
  doc.add_boolean_term(prefixed(kPrefixSource, resource.source));
  doc.add_boolean_term(prefixed(kPrefixLanguage, analyzer_.fold(resource.language)));
  for (const auto& theme : resource.themes) doc.add_boolean_term(prefixed(kPrefixTheme, analyzer_.fold(theme)));
  for (const auto& level : resource.participation_levels) doc.add_boolean_term(prefixed(kPrefixLevel, level));
  for (const auto& audience : resource.audiences) doc.add_boolean_term(prefixed(kPrefixAudience, analyzer_.fold(audience)));
  for (const auto& kind : resource.territory_types) doc.add_boolean_term(prefixed(kPrefixTerritoryType, kind));
  for (const auto& code : resource.territories) doc.add_boolean_term(prefixed(kPrefixTerritory, analyzer_.fold(code)));
  if (!resource.format.empty()) doc.add_boolean_term(prefixed(kPrefixFormat, resource.format));

  if (!resource.published_at.empty()) {
    const std::string date = compact_date(resource.published_at);
    doc.add_boolean_term(prefixed(kPrefixDate, date));
    doc.add_boolean_term(prefixed(kPrefixMonth, date.substr(0, 6)));
    doc.add_boolean_term(prefixed(kPrefixYear, date.substr(0, 4)));
    doc.add_value(kSlotPublished, date);
  }
  if (!resource.updated_at.empty()) doc.add_value(kSlotUpdated, compact_date(resource.updated_at));
  doc.add_value(kSlotType, resource.type);
  doc.add_value(kSlotSource, resource.source);
  if (resource.population_min) doc.add_value(kSlotPopulationMin, Xapian::sortable_serialise(static_cast<double>(*resource.population_min)));
  if (resource.population_max) doc.add_value(kSlotPopulationMax, Xapian::sortable_serialise(static_cast<double>(*resource.population_max)));

  StoredDocument stored;
  stored.resource_json = resource.json;
  stored.body_text = body_text;
  doc.set_data(stored.encode());
  return doc;
}

}  // namespace tec::indexer
