// tec-index sync: a source becomes exactly its feed; the rest of the index,
// and the index itself when the sync is refused or fails, stay as they were.
#include "indexer/sync.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <thread>

#include "indexer/index_writer.h"
#include "schema/index_schema.h"
#include "test_support.h"

namespace tec::indexer {
namespace {

using test_support::TempDir;
using test_support::write_file;

std::string record(const std::string& source, const std::string& id, const std::string& title) {
  return R"({"id":")" + id + R"(","source":")" + source + R"(","type":"guide","title":")" + title + "\"}\n";
}

std::string feed_of(const std::string& source, int count, const std::string& title = "Guide") {
  std::string feed;
  for (int i = 0; i < count; ++i) feed += record(source, "r" + std::to_string(i), title + " " + std::to_string(i));
  return feed;
}

class SyncTest : public ::testing::Test {
 protected:
  SyncReport sync(const std::string& source, const std::string& content, SyncOptions options = {}) {
    const std::string file = write_file(dir_.path() / ("feed" + std::to_string(++feeds_) + ".jsonl"), content);
    options.source = source;
    return sync_source(index(), analyzer_, {file}, options);
  }
  std::string index() const { return dir_.str("index"); }
  Xapian::doccount count(const std::string& source) {
    return Xapian::Database(index()).get_termfreq(schema::prefixed(schema::kPrefixSource, source));
  }

  TempDir dir_;
  int feeds_ = 0;
  analysis::FrenchAnalyzer analyzer_;
};

TEST_F(SyncTest, AddsUpdatesLeavesUnchangedAndDeletes) {
  SyncReport first = sync("anct", feed_of("anct", 10));
  EXPECT_EQ(first.added, 10u);
  EXPECT_TRUE(first.applied());
  EXPECT_GT(first.revision, 0u);

  // r0..r7 kept (r3 changed), r8 and r9 gone, r10 new.
  std::string next;
  for (int i = 0; i < 8; ++i)
    next += record("anct", "r" + std::to_string(i), i == 3 ? "Guide modifié" : "Guide " + std::to_string(i));
  next += record("anct", "r10", "Nouveau guide");
  const SyncReport second = sync("anct", next);
  EXPECT_EQ(second.before, 10u);
  EXPECT_EQ(second.added, 1u);
  EXPECT_EQ(second.updated, 1u);
  EXPECT_EQ(second.unchanged, 7u);
  EXPECT_EQ(second.deleted, 2u);
  Xapian::Database db(index());
  EXPECT_EQ(db.get_doccount(), 9u);
  EXPECT_TRUE(db.term_exists("modifie"));
  EXPECT_FALSE(db.term_exists(schema::unique_term("anct", "r9")));
  EXPECT_TRUE(db.term_exists(schema::unique_term("anct", "r10")));
}

TEST_F(SyncTest, UnchangedRecordsAreNotRewritten) {
  sync("anct", feed_of("anct", 5));
  const Xapian::docid before = *Xapian::Database(index()).postlist_begin(schema::unique_term("anct", "r2"));
  const SyncReport again = sync("anct", feed_of("anct", 5));
  EXPECT_EQ(again.unchanged, 5u);
  EXPECT_EQ(again.added + again.updated + again.deleted, 0u);
  EXPECT_EQ(*Xapian::Database(index()).postlist_begin(schema::unique_term("anct", "r2")), before);
}

TEST_F(SyncTest, NeverTouchesOtherSources) {
  sync("icpc", feed_of("icpc", 4));
  sync("anct", feed_of("anct", 6));
  const SyncReport report = sync("anct", feed_of("anct", 5) + record("icpc", "intrus", "Pas à moi"));
  EXPECT_EQ(report.deleted, 1u);
  ASSERT_EQ(report.rejected.size(), 1u);
  EXPECT_EQ(report.rejected[0].reason, "source « icpc » différente de la source indexée « anct »");
  EXPECT_EQ(count("icpc"), 4u);
  EXPECT_EQ(count("anct"), 5u);
}

TEST_F(SyncTest, RefusesToDeleteMoreThanTheAllowedShare) {
  sync("anct", feed_of("anct", 10));
  const SyncReport truncated = sync("anct", feed_of("anct", 6));
  EXPECT_FALSE(truncated.refused.empty());
  EXPECT_FALSE(truncated.applied());
  EXPECT_EQ(truncated.deleted, 4u);
  EXPECT_EQ(count("anct"), 10u);
  EXPECT_TRUE(sync("anct", feed_of("anct", 7)).refused.empty());  // 3 of 10: allowed
  SyncOptions allow;
  allow.allow_mass_delete = true;
  EXPECT_TRUE(sync("anct", feed_of("anct", 1), allow).applied());
  EXPECT_EQ(count("anct"), 1u);
}

TEST_F(SyncTest, TheRatioIsConfigurable) {
  sync("anct", feed_of("anct", 10));
  SyncOptions strict;
  strict.max_delete_ratio = 0.1;
  EXPECT_FALSE(sync("anct", feed_of("anct", 8), strict).refused.empty());
  EXPECT_TRUE(sync("anct", feed_of("anct", 9), strict).refused.empty());
}

TEST_F(SyncTest, AnEmptyFeedIsRefusedNotAWipe) {
  sync("anct", feed_of("anct", 3));
  const SyncReport empty = sync("anct", "");
  EXPECT_EQ(empty.records, 0u);
  EXPECT_FALSE(empty.refused.empty());
  EXPECT_EQ(count("anct"), 3u);
}

TEST_F(SyncTest, DryRunReportsWithoutWriting) {
  sync("anct", feed_of("anct", 4));
  const Xapian::rev revision = Xapian::Database(index()).get_revision();
  SyncOptions dry;
  dry.dry_run = true;
  const SyncReport report = sync("anct", feed_of("anct", 4, "Autre titre") + record("anct", "r9", "Nouveau"), dry);
  EXPECT_EQ(report.updated, 4u);
  EXPECT_EQ(report.added, 1u);
  EXPECT_FALSE(report.applied());
  EXPECT_EQ(report.revision, 0u);
  EXPECT_EQ(Xapian::Database(index()).get_revision(), revision);
  EXPECT_NE(report.text().find("essai à blanc"), std::string::npos);
}

TEST_F(SyncTest, StoresItsReportInTheIndex) {
  const SyncReport report = sync("anct", feed_of("anct", 2));
  const std::string stored = Xapian::Database(index()).get_metadata(schema::sync_metadata_key("anct"));
  EXPECT_NE(stored.find(R"("outcome":"ok")"), std::string::npos);
  EXPECT_NE(stored.find(R"("added":2)"), std::string::npos);
  EXPECT_NE(stored.find(R"("revision":)" + std::to_string(report.revision)), std::string::npos);
  EXPECT_EQ(Xapian::Database(index()).get_revision(), report.revision);
}

TEST_F(SyncTest, WritesTheThesaurus) {
  const std::vector<SynonymGroup> thesaurus = {{"budget participatif", "BP"}};
  SyncOptions options;
  options.synonyms = &thesaurus;
  sync("anct", feed_of("anct", 1), options);
  Xapian::Database db(index());
  EXPECT_NE(db.synonym_keys_begin("bp"), db.synonym_keys_end("bp"));
}

TEST_F(SyncTest, WaitsForAnotherWriterOrFailsClearly) {
  sync("anct", feed_of("anct", 1));
  auto holder = std::make_unique<IndexWriter>(index());
  EXPECT_THROW(sync("anct", feed_of("anct", 2)), Xapian::DatabaseLockError);
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    holder.reset();
  });
  SyncOptions patient;
  patient.wait = std::chrono::seconds(30);
  EXPECT_TRUE(sync("anct", feed_of("anct", 2), patient).applied());
  release.join();
  EXPECT_EQ(count("anct"), 2u);
}

TEST_F(SyncTest, AnUnreadableFeedChangesNothing) {
  sync("anct", feed_of("anct", 2));
  SyncOptions options;
  options.source = "anct";
  EXPECT_THROW(sync_source(index(), analyzer_, {dir_.str("absent.jsonl")}, options), std::runtime_error);
  EXPECT_EQ(count("anct"), 2u);
}

}  // namespace
}  // namespace tec::indexer
