// DocidList: a query over a fixed set of documents, as the feedback run uses
// it to reorder the first results only.
#include "ranking/docid_list.h"

#include <gtest/gtest.h>

#include <set>
#include <vector>

namespace tec::ranking {
namespace {

Xapian::WritableDatabase numbered(unsigned documents) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (unsigned i = 1; i <= documents; ++i) {
    Xapian::Document doc;
    doc.add_term("mot");
    if (i % 2 == 0) doc.add_term("pair", i);  // weight grows with the docid
    db.add_document(doc);
  }
  return db;
}

std::vector<Xapian::docid> ranked(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::vector<Xapian::docid> docids;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) docids.push_back(*it);
  return docids;
}

TEST(DocidListTest, QueryRunsOverTheListedDocumentsAlone) {
  const Xapian::WritableDatabase db = numbered(50);
  const Xapian::Query listed((new DocidList({40, 3, 12, 12, 77, 25}))->release());
  EXPECT_EQ(ranked(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("pair"), listed)),
            (std::vector<Xapian::docid>{40, 12}));  // ranked by weight; 77 is no document
  const std::vector<Xapian::docid> all =
      ranked(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("mot"), listed));
  EXPECT_EQ(std::multiset<Xapian::docid>(all.begin(), all.end()), (std::multiset<Xapian::docid>{3, 12, 25, 40}));
}

TEST(DocidListTest, EmptyListMatchesNothing) {
  const Xapian::WritableDatabase db = numbered(5);
  const Xapian::Query listed((new DocidList({}))->release());
  EXPECT_TRUE(ranked(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("mot"), listed)).empty());
}

}  // namespace
}  // namespace tec::ranking
