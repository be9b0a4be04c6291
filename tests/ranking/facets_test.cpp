// FacetSpy and FacetTable: each facet's list values are counted item by
// item, from the in-memory table of the revision searched or from the index,
// with the same counts; counts are scaled when the matcher looked at only
// part of the matches.
#include "ranking/facets.h"

#include <memory>

#include <gtest/gtest.h>

#include "schema/index_schema.h"
#include "test_support.h"

namespace tec::ranking {
namespace {

constexpr std::size_t kType = 0, kTheme = 1, kFormat = 5;

// The value of schema::kSlotFacets for a type, themes and a format.
std::string facets(const std::string& type, const std::string& themes, const std::string& format = "") {
  return schema::packed_facets({type, themes, "anct", "", "", format, ""});
}

using Counts = std::vector<std::pair<std::string, Xapian::doccount>>;

// Four documents matching "x", with types, themes and formats; written to a
// database on disk, whose revisions a FacetTable can tell apart.
class FacetSpyTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    const std::string sep(1, schema::kListSeparator);
    for (const std::string& value :
         {facets("guide", "urbanisme" + sep + "mobilités", "distanciel"), facets("guide", "urbanisme"),
          facets("methode", "urbanisme" + sep + "mobilités"), facets("outil", "jeunesse")}) {
      Xapian::Document doc;
      doc.add_term("x");
      doc.add_value(schema::kSlotFacets, value);
      db.add_document(doc);
    }
    db.commit();
  }
  // The spy run over every match of "x", with a table of this revision when
  // the test's parameter asks for one.
  std::unique_ptr<FacetSpy> counted() {
    if (GetParam()) table = std::make_unique<FacetTable>(db);
    auto spy = std::make_unique<FacetSpy>(db, table.get());
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("x"));
    enquire.add_matchspy(spy.get());
    enquire.get_mset(0, 10, 10);
    return spy;
  }

  test_support::TempDir dir;
  Xapian::WritableDatabase db{dir.str("index"), Xapian::DB_CREATE};
  std::unique_ptr<FacetTable> table;
};

TEST_P(FacetSpyTest, CountsListItemsOfEachFacetAndScales) {
  const auto spy = counted();
  EXPECT_EQ(spy->seen(), 4u);
  EXPECT_EQ(spy->top(kTheme, 10), (Counts{{"urbanisme", 3}, {"mobilités", 2}, {"jeunesse", 1}}));
  EXPECT_EQ(spy->top(kType, 10), (Counts{{"guide", 2}, {"methode", 1}, {"outil", 1}}));
  // A facet a document leaves empty is not counted for it.
  EXPECT_EQ(spy->top(kFormat, 10), (Counts{{"distanciel", 1}}));
  // Seen 4 of an estimated 40 matches: every count times ten.
  EXPECT_EQ(spy->top(kTheme, 1, 10.0), (Counts{{"urbanisme", 30}}));
}

TEST_P(FacetSpyTest, CountsTheDocumentsOfTheRevisionSearched) {
  const auto before = counted();
  // The first document, replaced under the same docid: a table of the
  // previous revision would still count it as a guide.
  Xapian::Document replaced;
  replaced.add_term("x");
  replaced.add_value(schema::kSlotFacets, facets("atelier", "jeunesse"));
  db.replace_document(1, replaced);
  db.commit();
  auto spy = std::make_unique<FacetSpy>(db, table.get());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("x"));
  enquire.add_matchspy(spy.get());
  enquire.get_mset(0, 10, 10);
  EXPECT_EQ(spy->top(kType, 10), (Counts{{"atelier", 1}, {"guide", 1}, {"methode", 1}, {"outil", 1}}));
}

TEST_P(FacetSpyTest, CountsTheDocumentsOfTheDatabaseSearched) {
  const auto before = counted();
  // Another database at the same revision (a rebuilt index swapped in): a
  // table of the first would count its guides for this one's workshops.
  Xapian::WritableDatabase other(dir.str("rebuilt"), Xapian::DB_CREATE);
  for (int i = 0; i < 4; ++i) {
    Xapian::Document doc;
    doc.add_term("x");
    doc.add_value(schema::kSlotFacets, facets("atelier", "jeunesse"));
    other.add_document(doc);
  }
  other.commit();
  ASSERT_EQ(other.get_revision(), db.get_revision());
  FacetSpy spy(other, table.get());
  Xapian::Enquire enquire(other);
  enquire.set_query(Xapian::Query("x"));
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 10, 10);
  EXPECT_EQ(spy.top(kType, 10), (Counts{{"atelier", 4}}));
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutTable, FacetSpyTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "InMemoryTable" : "FromTheIndex"; });

TEST(FacetTableTest, DocumentsWithoutFacetsOrDeletedHaveNone) {
  const test_support::TempDir dir;
  Xapian::WritableDatabase db(dir.str("index"), Xapian::DB_CREATE);
  for (const char* type : {"guide", "", "outil", "methode"}) {
    Xapian::Document doc;
    if (*type) doc.add_value(schema::kSlotFacets, facets(type, "urbanisme"));
    db.add_document(doc);
  }
  db.delete_document(3);
  db.commit();
  const FacetTable table(db);
  // Type, theme and source (see facets()).
  ASSERT_EQ(table.values_of(1).size(), 3u);
  EXPECT_EQ(table.text_of(table.values_of(1)[0]), "guide");
  EXPECT_EQ(table.facet_of(table.values_of(1)[1]), kTheme);
  EXPECT_TRUE(table.values_of(2).empty());
  EXPECT_TRUE(table.values_of(3).empty());
  ASSERT_EQ(table.values_of(4).size(), 3u);
  EXPECT_EQ(table.text_of(table.values_of(4)[0]), "methode");
  // Two documents share the theme and the source: one value each.
  EXPECT_EQ(table.values_of(4)[1], table.values_of(1)[1]);
  EXPECT_EQ(table.values_of(4)[2], table.values_of(1)[2]);
  EXPECT_EQ(table.value_count(), 4u);
  EXPECT_TRUE(table.values_of(5).empty());
}

TEST(FacetSpyTest, ReadsValuesOfDocumentsSeenOutOfOrder) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* type : {"guide", "methode", "outil"}) {
    Xapian::Document doc;
    doc.add_value(schema::kSlotFacets, facets(type, ""));
    db.add_document(doc);
  }
  // The value stream only moves forwards; a document before the last one
  // seen is read from the document itself.
  FacetSpy spy(db, nullptr);
  for (const Xapian::docid did : {2u, 3u, 1u}) spy(db.get_document(did), 0);
  EXPECT_EQ(spy.seen(), 3u);
  const auto counts = spy.top(kType, 10);
  ASSERT_EQ(counts.size(), 3u);
  for (const auto& [value, count] : counts) EXPECT_EQ(count, 1u) << value;
}

}  // namespace
}  // namespace tec::ranking
