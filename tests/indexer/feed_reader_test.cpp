// FeedReader: line numbers, line endings, byte-order mark and byte-level errors.
#include "indexer/feeds/feed_reader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tec::indexer {
namespace {

using test_support::TempDir;
using test_support::write_file;

std::vector<FeedLine> read_all(const std::string& path) {
  FeedReader reader(path);
  std::vector<FeedLine> lines;
  while (auto line = reader.next()) lines.push_back(*line);
  return lines;
}

TEST(FeedReader, NumbersLinesAndSkipsBlankOnes) {
  TempDir dir;
  const auto lines = read_all(write_file(dir.path() / "f.jsonl", "{\"a\":1}\n\n   \n{\"b\":2}\n"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 1u);
  EXPECT_EQ(lines[1].number, 4u);
  EXPECT_EQ(lines[1].text, "{\"b\":2}");
}

TEST(FeedReader, StripsByteOrderMarkAndCarriageReturns) {
  TempDir dir;
  const auto lines = read_all(write_file(dir.path() / "f.jsonl", "\xEF\xBB\xBF{\"a\":1}\r\n{\"b\":2}\r\n"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "{\"a\":1}");
  EXPECT_EQ(lines[1].text, "{\"b\":2}");
}

TEST(FeedReader, ReadsALastLineWithoutNewline) {
  TempDir dir;
  const auto lines = read_all(write_file(dir.path() / "f.jsonl", "{\"a\":1}\n{\"b\":"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].text, "{\"b\":");
  EXPECT_TRUE(lines[1].error.empty());
}

TEST(FeedReader, FlagsInvalidUtf8WithItsPositionAndGoesOn) {
  TempDir dir;
  const auto lines = read_all(write_file(dir.path() / "f.jsonl", "{\"a\":\"caf\xE9\"}\n{\"b\":2}\n"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].error, "UTF-8 invalide à l'octet 10 de la ligne");
  EXPECT_TRUE(lines[1].error.empty());
}

TEST(FeedReader, FlagsNulBytes) {
  TempDir dir;
  const auto lines = read_all(write_file(dir.path() / "f.jsonl", std::string("{\"a\":\"x\0y\"}\n", 12)));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].error, "octet NUL à l'octet 8 de la ligne");
}

TEST(FeedReader, RefusesOversizeRecords) {
  TempDir dir;
  const auto lines = read_all(write_file(dir.path() / "f.jsonl", std::string(kMaxRecordBytes + 1, 'x') + "\n{}\n"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].error.find("enregistrement trop long"), std::string::npos);
  EXPECT_TRUE(lines[1].error.empty());
}

TEST(FeedReader, ThrowsOnAMissingFile) { EXPECT_THROW(FeedReader("/nonexistent/feed.jsonl"), std::runtime_error); }

}  // namespace
}  // namespace tec::indexer
