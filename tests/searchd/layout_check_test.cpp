// The layout version: written by a new index, read by tec-searchd at start.
#include "searchd/layout_check.h"

#include <gtest/gtest.h>

#include "indexer/index_writer.h"
#include "schema/index_schema.h"
#include "test_support.h"

namespace tec::searchd {
namespace {

// An index as IndexWriter leaves it, then its layout metadata set to
// `recorded` ("" removes it).
Xapian::Database index_recording(const test_support::TempDir& dir, const std::string* recorded) {
  {
    indexer::IndexWriter writer(dir.str("index"));
    writer.commit();
  }
  if (recorded != nullptr) {
    Xapian::WritableDatabase db(dir.str("index"), Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kLayoutMetadataKey), *recorded);
    db.commit();
  }
  return Xapian::Database(dir.str("index"));
}

LayoutCheck check_recording(const std::string& recorded) {
  const test_support::TempDir dir;
  return check_layout(index_recording(dir, &recorded));
}

TEST(LayoutCheckTest, ANewIndexRecordsTheCurrentLayout) {
  const test_support::TempDir dir;
  const Xapian::Database db = index_recording(dir, nullptr);
  EXPECT_EQ(db.get_metadata(std::string(schema::kLayoutMetadataKey)), schema::layout_name(schema::kIndexLayoutVersion));
  EXPECT_EQ(check_layout(db).verdict, LayoutCheck::Verdict::Current);
}

TEST(LayoutCheckTest, AnIndexKeepsTheLayoutItWasCreatedWith) {
  const test_support::TempDir dir;
  const std::string older = "tec-layout-3";
  index_recording(dir, &older);
  {
    indexer::IndexWriter writer(dir.str("index"));
    writer.commit();
  }
  EXPECT_EQ(Xapian::Database(dir.str("index")).get_metadata(std::string(schema::kLayoutMetadataKey)), older);
}

TEST(LayoutCheckTest, OlderOrUnsaidLayoutsAreServedWithAWarning) {
  const LayoutCheck older = check_recording("tec-layout-3");
  EXPECT_EQ(older.verdict, LayoutCheck::Verdict::Older);
  EXPECT_NE(older.message.find("créé au format tec-layout-3"), std::string::npos) << older.message;
  EXPECT_NE(older.message.find("reconstruisez-le"), std::string::npos) << older.message;
  EXPECT_EQ(check_recording("").verdict, LayoutCheck::Verdict::Older);
}

TEST(LayoutCheckTest, NewerOrUnreadableLayoutsAreRefused) {
  const LayoutCheck newer = check_recording(schema::layout_name(schema::kIndexLayoutVersion + 1));
  EXPECT_EQ(newer.verdict, LayoutCheck::Verdict::Refused);
  EXPECT_NE(newer.message.find("mettez tec-searchd à jour"), std::string::npos) << newer.message;
  EXPECT_EQ(check_recording("tec-layout-5x").verdict, LayoutCheck::Verdict::Refused);
  EXPECT_EQ(check_recording("omega").verdict, LayoutCheck::Verdict::Refused);
}

}  // namespace
}  // namespace tec::searchd
