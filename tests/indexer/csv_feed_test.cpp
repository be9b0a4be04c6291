// CSV feeds through a column mapping: quoted newlines, byte-order mark, CRLF,
// lists spread over columns, HTML entities, values mapped; and the real
// Participedia exports of ../shared, every row indexed or rejected.
#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>

#include "indexer/feeds/csv_feed_reader.h"
#include "indexer/sync.h"
#include "schema/index_schema.h"
#include "test_support.h"

namespace tec::indexer {
namespace {

const char* kMapping = R"({
  "list_separator": ";",
  "html_columns": ["resume"],
  "constants": {"type": "methode", "source": "anct"},
  "fields": {
    "id": "ref", "title": "nom", "summary": "resume",
    "themes": ["theme_1", "theme_2"],
    "published_at": "cree_le",
    "population_max": "pop_max",
    "format": {"column": "mode", "values": {"salle": "presentiel", "visio": "distanciel"}}
  }})";

std::vector<FeedLine> read_all(const std::string& path, const CsvMapping& mapping) {
  CsvFeedReader reader(path, mapping);
  std::vector<FeedLine> lines;
  while (auto line = reader.next()) lines.push_back(*line);
  return lines;
}

TEST(CsvFeed, MapsRowsToRecordsWithTheLineTheyStartOn) {
  test_support::TempDir dir;
  const std::string csv = test_support::write_file(dir.path() / "f.csv",
                                                   "\xEF\xBB\xBF"
                                                   "ref,nom,resume,theme_1,theme_2,cree_le,pop_max,mode\r\n"
                                                   "m1,Jury citoyen,\"Un avis &amp; une\r\ndélibération\",urbanisme; "
                                                   "jeunesse, eau,2024-05-01 10:00:00,3500,salle\r\n"
                                                   "\r\n"
                                                   "m2,Forum ouvert,,,,2023-01-02,,visio\r\n");
  const auto lines = read_all(csv, CsvMapping::parse(kMapping, "mapping"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].number, 2u);
  EXPECT_EQ(lines[0].error, "");
  EXPECT_EQ(
      lines[0].text,
      R"({"source":"anct","type":"methode","id":"m1","title":"Jury citoyen","summary":"Un avis & une délibération",)"
      R"("themes":["urbanisme","jeunesse","eau"],"published_at":"2024-05-01","population_max":3500,)"
      R"("format":"presentiel"})");
  EXPECT_EQ(lines[1].number, 5u);
  EXPECT_EQ(lines[1].text,
            R"({"source":"anct","type":"methode","id":"m2","title":"Forum ouvert","published_at":"2023-01-02",)"
            R"("format":"distanciel"})");
}

TEST(CsvFeed, ReportsRowsThatCannotBeRecords) {
  test_support::TempDir dir;
  const std::string csv = test_support::write_file(dir.path() / "f.csv",
                                                   "ref,nom,resume,theme_1,theme_2,cree_le,pop_max,mode\n"
                                                   "m1,Trop,de,colonnes,a,b,c,d,e\n"
                                                   "m2,Mode inconnu,,,,,,hybride\n"
                                                   "m3,Coupé,\"guillemet jamais fermé\n");
  const auto lines = read_all(csv, CsvMapping::parse(kMapping, "mapping"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].error, "9 colonnes au lieu de 8");
  EXPECT_EQ(lines[1].error, "colonne « mode » : valeur « hybride » sans correspondance pour format");
  EXPECT_EQ(lines[2].number, 4u);
  EXPECT_EQ(lines[2].error, "guillemet jamais fermé : le fichier semble tronqué");
}

TEST(CsvFeed, RefusesAHeaderWithoutAMappedColumn) {
  test_support::TempDir dir;
  const std::string csv = test_support::write_file(dir.path() / "f.csv", "ref,nom\nm1,Jury\n");
  EXPECT_THROW(CsvFeedReader(csv, CsvMapping::parse(kMapping, "mapping")), std::runtime_error);
}

TEST(CsvFeed, RefusesMalformedMappings) {
  EXPECT_THROW(CsvMapping::parse("[]", "m"), std::runtime_error);
  EXPECT_THROW(CsvMapping::parse(R"({"fields": {"title": "nom"}})", "m"), std::runtime_error);  // no id
  EXPECT_THROW(CsvMapping::parse(R"({"fields": {"id": "a", "title": ["x", "y"]}})", "m"), std::runtime_error);
  EXPECT_THROW(CsvMapping::parse(R"({"delimiter": ";;", "fields": {"id": "a"}})", "m"), std::runtime_error);
}

// Rows of a CSV file as a careful reader counts them: RFC 4180 quoting.
std::size_t csv_rows(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::size_t rows = 0;
  bool quoted = false, content = false;
  for (char c; in.get(c);) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) {
      rows += content;
      content = false;
    } else if (c != '\r') {
      content = true;
    }
  }
  return rows + content - 1;  // the header is not a record
}

class ParticipediaExport : public ::testing::TestWithParam<const char*> {};

TEST_P(ParticipediaExport, EveryRowIsIndexedOrRejectedWithAReason) {
  const auto shared = test_support::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared/data absent de cette copie : exports Participedia ignorés";
  const std::string name = GetParam();
  const std::string csv = (shared / "data" / "participedia" / (name + ".csv")).string();
  const CsvMapping mapping = CsvMapping::load(
      (test_support::source_dir() / "tests" / "data" / ("participedia-" + name + ".mapping.json")).string());
  test_support::TempDir dir;
  analysis::FrenchAnalyzer analyzer;
  SyncOptions options;
  options.source = "participedia";
  options.mapping = &mapping;
  const SyncReport report = sync_source(dir.str("index"), analyzer, {csv}, options);
  const std::size_t expected = csv_rows(csv);
  EXPECT_EQ(report.records, expected);
  for (const LineReport& line : report.rejected) EXPECT_FALSE(line.reason.empty()) << line.text();
  EXPECT_EQ(report.added + report.rejected.size() + report.duplicates.size(), expected);
  EXPECT_EQ(Xapian::Database(dir.str("index")).get_doccount(), report.added);
  EXPECT_GT(report.added, expected * 9 / 10);
}

INSTANTIATE_TEST_SUITE_P(Exports, ParticipediaExport, ::testing::Values("methods", "cases"));

}  // namespace
}  // namespace tec::indexer
