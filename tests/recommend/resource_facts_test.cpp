// ResourceFacts: read from the record without its body, or from the document
// data of an index written before that record had its slot.
#include "recommend/resource_facts.h"

#include <gtest/gtest.h>

#include "indexer/document_builder.h"
#include "indexer/record_validator.h"
#include "schema/index_schema.h"

namespace tec::recommend {
namespace {

Xapian::Document build(const std::string& line) {
  indexer::RecordValidator validator;
  auto outcome = validator.validate(line, "");
  EXPECT_TRUE(outcome.resource) << outcome.error;
  analysis::FrenchAnalyzer analyzer;
  return indexer::DocumentBuilder(analyzer).build(*outcome.resource).document;
}

constexpr const char* kWorkshop =
    R"({"id":"atelier-1","source":"anct","type":"atelier","title":"Concerter sans s'épuiser",)"
    R"("summary":"Deux heures en ligne.","body":"<p>Un long programme</p>","territory_types":["commune"],)"
    R"("population_max":5000,"sessions":[{"start":"2027-02-03T14:00","online":true,"seats_left":12}]})";

TEST(ResourceFacts, AreReadFromTheRecordWithoutItsBody) {
  Xapian::Document document = build(kWorkshop);
  // Data that says otherwise shows which of the two is read.
  document.set_data("not a stored document");
  const auto facts = facts_of(document);
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->id, "atelier-1");
  EXPECT_EQ(facts->title, "Concerter sans s'épuiser");
  EXPECT_EQ(facts->territory_types, std::vector<std::string>{"commune"});
  EXPECT_EQ(facts->population_max, 5000);
  ASSERT_EQ(facts->sessions.size(), 1u);
  EXPECT_EQ(facts->sessions[0].date, "2027-02-03");
  EXPECT_EQ(facts->sessions[0].seats_left, 12);
}

TEST(ResourceFacts, AnOlderDocumentIsReadFromItsData) {
  Xapian::Document document = build(kWorkshop);
  document.remove_value(schema::kSlotRecordWithoutBody);
  const auto facts = facts_of(document);
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->id, "atelier-1");
  EXPECT_TRUE(facts->sessions[0].online);

  document.set_data("not a stored document");
  EXPECT_FALSE(facts_of(document));
}

}  // namespace
}  // namespace tec::recommend
