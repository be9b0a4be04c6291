// FacetSpy: list values are counted item by item, and counts are scaled when
// the matcher looked at only part of the matches.
#include "ranking/facets.h"

#include <gtest/gtest.h>

#include "schema/index_schema.h"

namespace tec::ranking {
namespace {

TEST(FacetSpyTest, CountsListItemsAndScales) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string sep(1, schema::kListSeparator);
  const std::vector<std::string> rows = {"urbanisme" + sep + "mobilités", "urbanisme", "urbanisme" + sep + "mobilités", "jeunesse"};
  for (const std::string& themes : rows) {
    Xapian::Document doc;
    doc.add_term("x");
    doc.add_value(schema::kSlotThemes, themes);
    db.add_document(doc);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("x"));
  FacetSpy spy(db, {schema::kSlotThemes});
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 10, 10);
  EXPECT_EQ(spy.seen(), 4u);
  const auto counts = spy.top(0, 10);
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[0], (std::pair<std::string, Xapian::doccount>{"urbanisme", 3}));
  EXPECT_EQ(counts[1], (std::pair<std::string, Xapian::doccount>{"mobilités", 2}));
  EXPECT_EQ(counts[2], (std::pair<std::string, Xapian::doccount>{"jeunesse", 1}));
  // Seen 4 of an estimated 40 matches: every count times ten.
  EXPECT_EQ(spy.top(0, 1, 10.0).front().second, 30u);
}

TEST(FacetSpyTest, ReadsValuesOfDocumentsSeenOutOfOrder) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* type : {"guide", "methode", "outil"}) {
    Xapian::Document doc;
    doc.add_value(schema::kSlotType, type);
    db.add_document(doc);
  }
  // The value streams only move forwards; a document before the last one
  // seen is read from the document itself.
  FacetSpy spy(db, {schema::kSlotType});
  for (const Xapian::docid did : {2u, 3u, 1u}) spy(db.get_document(did), 0);
  EXPECT_EQ(spy.seen(), 3u);
  const auto counts = spy.top(0, 10);
  ASSERT_EQ(counts.size(), 3u);
  for (const auto& [value, count] : counts) EXPECT_EQ(count, 1u) << value;
}

}  // namespace
}  // namespace tec::ranking
