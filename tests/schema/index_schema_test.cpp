// The index layout: what a built document holds, checked against the schema header.
#include "schema/index_schema.h"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include "indexer/document_builder.h"
#include "indexer/record_validator.h"
#include "schema/stored_document.h"

namespace tec::schema {
namespace {

Xapian::Document build(const std::string& line) {
  indexer::RecordValidator validator;
  auto outcome = validator.validate(line, "");
  EXPECT_TRUE(outcome.resource) << outcome.error;
  analysis::FrenchAnalyzer analyzer;
  return indexer::DocumentBuilder(analyzer).build(*outcome.resource).document;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

constexpr const char* kRecord =
    R"({"id":"jury-1","source":"decider-ensemble","type":"methode","title":"Le jury citoyen",)"
    R"("summary":"Quinze personnes tirées au sort.","body":"<p>Un avis motiv&eacute;</p>",)"
    R"("themes":["Démocratie locale"],"participation_levels":["concerter"],"audiences":["habitants"],)"
    R"("territory_types":["commune","epci"],"territories":["2A","r94"],"format":"presentiel",)"
    R"("population_min":1000,"population_max":20000,"published_at":"2026-03-14","updated_at":"2026-04-01",)"
    R"("language":"fr"})";

// Boolean terms are the filters a query reads, and nothing else: each one
// written costs index space and indexing time.
TEST(IndexSchema, BooleanTermsAreTheFiltersOfThePrefixTable) {
  std::set<std::string> boolean;
  for (const std::string& term : terms_of(build(kRecord))) {
    if (term.starts_with(kPrefixUniqueId) || term.starts_with("X") || term.starts_with("L") || term.starts_with("D") ||
        term.starts_with("M") || term.starts_with("Y")) {
      boolean.insert(term);
    }
  }
  EXPECT_EQ(boolean, (std::set<std::string>{
                         unique_term("decider-ensemble", "jury-1"), prefixed(kPrefixType, "methode"),
                         prefixed(kPrefixSource, "decider-ensemble"), prefixed(kPrefixTheme, "democratie locale"),
                         prefixed(kPrefixLevel, "concerter"), prefixed(kPrefixAudience, "habitants"),
                         prefixed(kPrefixTerritoryType, "commune"), prefixed(kPrefixTerritoryType, "epci"),
                         prefixed(kPrefixNotForTerritoryType, "departement"),
                         prefixed(kPrefixNotForTerritoryType, "region"), prefixed(kPrefixTerritory, "2a"),
                         prefixed(kPrefixTerritory, "r94"), prefixed(kPrefixFormat, "presentiel")}));
}

// A resource that names no kind of collectivity is for every kind: it is
// marked as not for none.
TEST(IndexSchema, AResourceForEveryKindOfCollectivityIsNotMarkedAsNotForAny) {
  std::string record = kRecord;
  record.replace(record.find(R"("territory_types":["commune","epci"],)"),
                 std::string_view(R"("territory_types":["commune","epci"],)").size(), "");
  for (const std::string& term : terms_of(build(record))) {
    EXPECT_FALSE(term.starts_with(kPrefixNotForTerritoryType)) << term;
    EXPECT_FALSE(term.starts_with(kPrefixTerritoryType)) << term;
  }
}

TEST(IndexSchema, FreeTextTermsAreFoldedWordsTitleWordsAndStems) {
  const Xapian::Document doc = build(kRecord);
  const auto terms = terms_of(doc);
  EXPECT_TRUE(terms.contains("jury"));
  EXPECT_TRUE(terms.contains(prefixed(kPrefixTitle, "citoyen")));
  EXPECT_TRUE(terms.contains(prefixed(kPrefixTitleStem, "citoyen")));
  EXPECT_TRUE(terms.contains(prefixed(kPrefixStem, "citoyen")));  // title words count in the whole text too
  EXPECT_TRUE(terms.contains(prefixed(kPrefixStem, "tir")));      // tirées
  EXPECT_TRUE(terms.contains("motive"));                          // motiv&eacute; decoded, folded
  EXPECT_FALSE(terms.contains(prefixed(kPrefixTitle, "avis")));   // body word
  EXPECT_FALSE(terms.contains(prefixed(kPrefixTitleStem, "tir")));
  EXPECT_TRUE(is_text_stem(prefixed(kPrefixStem, "tir")));
  EXPECT_FALSE(is_text_stem(prefixed(kPrefixTitleStem, "citoyen")));
}

TEST(IndexSchema, TitleWeighsMoreThanSummaryAndThemesMoreThanBody) {
  const std::string line =
      R"({"id":"w","source":"anct","type":"guide","title":"alpha","summary":"beta","themes":["gamma"],"body":"delta"})";
  const Xapian::Document doc = build(line);
  auto wdf = [&](const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0u;
  };
  EXPECT_EQ(wdf("alpha"), kWdfTitle);
  EXPECT_EQ(wdf("beta"), kWdfSummary);
  EXPECT_EQ(wdf("gamma"), kWdfThemes);
  EXPECT_EQ(wdf("delta"), kWdfBody);
  EXPECT_GT(kWdfTitle, kWdfSummary);
  EXPECT_GT(kWdfSummary, kWdfBody);
}

TEST(IndexSchema, TitleWordsWeighThroughTheirTitleStems) {
  // The exact title word matches (numbers, phrases in suggestions) but adds
  // nothing to the document's length: BM25 over whole texts stays as it was
  // before titles had stems of their own.
  const Xapian::Document doc =
      build(R"({"id":"t","source":"anct","type":"guide","title":"Budgets 2024","summary":"s"})");
  auto wdf = [&](const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term ? std::optional<Xapian::termcount>(it.get_wdf()) : std::nullopt;
  };
  EXPECT_EQ(wdf(prefixed(kPrefixTitle, "budgets")), 0u);
  EXPECT_EQ(wdf(prefixed(kPrefixTitle, "2024")), 0u);
  EXPECT_EQ(wdf(prefixed(kPrefixTitleStem, "budget")), kWdfTitle);
  EXPECT_EQ(wdf(prefixed(kPrefixStem, "budget")), kWdfTitle);
}

TEST(IndexSchema, FieldsDoNotTouchForPhrases) {
  const Xapian::Document doc =
      build(R"({"id":"p","source":"anct","type":"guide","title":"budget","summary":"participatif"})");
  auto first_position = [&](const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return *it.positionlist_begin();
  };
  EXPECT_GE(first_position("participatif") - first_position("budget"), kFieldPositionGap);
}

TEST(IndexSchema, FacetSlotHoldsEveryFacetUnderItsName) {
  const std::string packed = build(kRecord).get_value(kSlotFacets);
  const std::map<std::string_view, std::string> expected = {
      {"type", "methode"},
      {"theme", "Démocratie locale"},
      {"source", "decider-ensemble"},
      {"level", "concerter"},
      {"audience", "habitants"},
      {"format", "presentiel"},
      {"territory", std::string("2A") + kListSeparator + "r94"},
  };
  ASSERT_EQ(expected.size(), kFacets.size());
  for (std::size_t i = 0; i < kFacets.size(); ++i)
    EXPECT_EQ(packed_facet(packed, i), expected.at(kFacets[i].name)) << kFacets[i].name;
  // A record without a format leaves that facet empty, the others in place.
  const std::string without =
      build(R"({"id":"f","source":"anct","type":"outil","title":"t","summary":"s"})").get_value(kSlotFacets);
  EXPECT_EQ(packed_facet(without, 0), "outil");
  EXPECT_EQ(packed_facet(without, 2), "anct");
  EXPECT_EQ(packed_facet(without, 5), "");
  EXPECT_EQ(packed_facet(without, kFacets.size()), "");
}

TEST(IndexSchema, ValuesHoldDatesAndSizes) {
  const Xapian::Document doc = build(kRecord);
  EXPECT_EQ(doc.get_value(kSlotPublished), "20260314");
  EXPECT_EQ(doc.get_value(1), "") << "slot 1 (updated_at) is read by nothing";
  EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(kSlotPopulationMin)), 1000);
  EXPECT_EQ(Xapian::sortable_unserialise(doc.get_value(kSlotPopulationMax)), 20000);
}

TEST(IndexSchema, DataHoldsTheRecordAndThePlainBody) {
  const auto stored = StoredDocument::decode(build(kRecord).get_data());
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->id, "jury-1");
  EXPECT_EQ(stored->source, "decider-ensemble");
  EXPECT_EQ(stored->title, "Le jury citoyen");
  EXPECT_EQ(stored->body_text, "Un avis motivé");
  EXPECT_FALSE(StoredDocument::decode("not json"));
}

// Every result reads its document's data: a body without markup is its own
// plain text, and is stored once.
TEST(IndexSchema, PlainBodyStoredOnce) {
  const std::string data =
      build(R"({"id":"p","source":"anct","type":"outil","title":"t","summary":"s","body":"Un corps sans balise"})")
          .get_data();
  std::size_t copies = 0;
  for (std::size_t at = data.find("sans balise"); at != std::string::npos; at = data.find("sans balise", at + 1)) {
    ++copies;
  }
  EXPECT_EQ(copies, 1u);
  const auto stored = StoredDocument::decode(data);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->body_text, "Un corps sans balise");
  // Data written with the body twice, as indexes built before, still reads.
  const auto older = StoredDocument::decode(R"({"resource":{"id":"p","body":"Un corps"},"body_text":"Un corps"})");
  ASSERT_TRUE(older);
  EXPECT_EQ(older->body_text, "Un corps");
}

}  // namespace
}  // namespace tec::schema
