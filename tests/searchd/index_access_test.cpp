// IndexAccess: each request reads the index as last committed, with the
// lexicon of that very database, also when a rebuilt index is swapped in.
#include "searchd/index_access.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "test_support.h"

namespace tec::searchd {
namespace {

// An index at `path` holding one document per word, committed one by one, so
// that its revision is the number of words.
void write_index(const std::string& path, const std::vector<std::string>& words) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (const std::string& word : words) {
    Xapian::Document doc;
    doc.add_term(word);
    db.add_document(doc);
    db.commit();
  }
}

Xapian::doccount known(IndexAccess& access, const std::string& word) {
  return access.run([&](IndexAccess::Reader& reader) { return reader.lexicon->frequency(word); });
}

TEST(IndexAccessTest, SeesEachCommitWithItsVocabulary) {
  test_support::TempDir dir;
  write_index(dir.str("index"), {"concertation"});
  IndexAccess access(dir.str("index"));
  EXPECT_EQ(known(access, "concertation"), 1u);
  {
    Xapian::WritableDatabase db(dir.str("index"), Xapian::DB_OPEN);
    Xapian::Document doc;
    doc.add_term("budget");
    db.add_document(doc);
    db.commit();
  }
  EXPECT_EQ(known(access, "budget"), 1u);
}

TEST(IndexAccessTest, ARebuiltIndexSwappedInWithALowerRevisionGetsItsOwnVocabulary) {
  test_support::TempDir dir;
  write_index(dir.str("index"), {"concertation", "budget", "jury"});
  IndexAccess access(dir.str("index"));
  EXPECT_EQ(known(access, "jury"), 1u);
  // As ./run does: the new index built beside the old one, then renamed in.
  write_index(dir.str("index.new"), {"panel"});
  std::filesystem::rename(dir.path() / "index", dir.path() / "index.old");
  std::filesystem::rename(dir.path() / "index.new", dir.path() / "index");
  std::filesystem::remove_all(dir.path() / "index.old");
  EXPECT_EQ(known(access, "panel"), 1u);
  EXPECT_EQ(known(access, "jury"), 0u);
}

}  // namespace
}  // namespace tec::searchd
