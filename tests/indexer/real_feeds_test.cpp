// Every real French feed of ../shared/data/fr (text written by others) indexes
// without a single rejection.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "test_support.h"

namespace tec {
namespace {

TEST(RealFrenchFeeds, IndexWithZeroRejections) {
  const auto shared = test_support::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared/data absent de cette copie : test des flux réels ignoré";
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "data" / "fr")) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 8u);

  test_support::TempDir dir;
  EXPECT_EQ(test_support::index_files(dir.str("index"), files), 0u);
  Xapian::Database db(dir.str("index"));
  EXPECT_EQ(db.get_doccount(), 1830u);
}

}  // namespace
}  // namespace tec
