// The `collectivites` field: checked against the territories (an unknown
// code is a warning and the record is kept), indexed as XCOLL terms, read
// from CSV, and filled by a mapping from the text of feeds that name their
// collectivity, the real ones of ../shared/data/fr included.
#include <gtest/gtest.h>

#include <rapidjson/document.h>
#include <xapian.h>

#include <iostream>
#include <map>

#include "indexer/feeds/collectivity_mapping.h"
#include "indexer/feeds/csv_mapping.h"
#include "indexer/ingest.h"
#include "schema/json_members.h"
#include "schema/stored_document.h"
#include "test_support.h"

namespace tec::indexer {
namespace {

const territory::Territories& reference() {
  static const auto territories = territory::Territories::load(test_support::source_dir() / "corpus/territories");
  return territories;
}

IngestReport ingest_into(const std::string& index, const std::vector<std::string>& files, const FeedContext& context,
                         const CsvMapping* mapping = nullptr) {
  analysis::FrenchAnalyzer analyzer;
  IndexWriter writer(index);
  IngestOptions options;
  options.context = context;
  options.mapping = mapping;
  IngestReport report = ingest(writer, analyzer, files, options);
  writer.commit();
  return report;
}

// source:id -> the collectivites of each stored record.
std::map<std::string, std::vector<std::string>> stored_collectivities(const std::string& index) {
  std::map<std::string, std::vector<std::string>> out;
  const Xapian::Database db(index);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    rapidjson::Document document;
    const std::string data = db.get_document(*it).get_data();
    const rapidjson::Value* record = schema::StoredDocument::parse_record(data, document);
    if (!record) continue;
    std::vector<std::string> codes;
    if (record->HasMember("collectivites")) {
      for (const auto& code : (*record)["collectivites"].GetArray()) codes.emplace_back(code.GetString());
    }
    out[schema::string_member(*record, "source") + ":" + schema::string_member(*record, "id")] = codes;
  }
  return out;
}

TEST(CollectivitiesTest, UnknownCodeIsAWarningAndTheRecordIsKept) {
  test_support::TempDir dir;
  const std::string feed = test_support::write_file(
      dir.path() / "feed.jsonl",
      R"({"id":"a","source":"anct","type":"retour_experience","title":"Montaud éteint la nuit",)"
      R"("collectivites":["34164","2A004"]})"
      "\n"
      R"({"id":"b","source":"anct","type":"retour_experience","title":"Une commune inconnue",)"
      R"("collectivites":["34164","99999"]})"
      "\n"
      R"({"id":"c","source":"anct","type":"retour_experience","title":"Un code mal formé","collectivites":["Montaud"]})"
      "\n");
  const IngestReport report = ingest_into(dir.str("index"), {feed}, {&reference(), nullptr});
  EXPECT_EQ(report.indexed, 2u);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].line, 2u);
  EXPECT_EQ(
      report.warnings[0].reason.rfind("collectivites/1 : code « 99999 » absent du référentiel des territoires", 0), 0u)
      << report.warnings[0].reason;
  ASSERT_EQ(report.rejected.size(), 1u);  // the schema's pattern
  EXPECT_EQ(report.rejected[0].line, 3u);
  EXPECT_EQ(stored_collectivities(dir.str("index"))["anct:b"], (std::vector<std::string>{"34164", "99999"}));
  const Xapian::Database db(dir.str("index"));
  EXPECT_EQ(db.get_termfreq("XCOLL34164"), 2u);
  EXPECT_EQ(db.get_termfreq("XCOLL2a004"), 1u);
}

// tec-index's first run builds a new index in shards: it checks the same.
TEST(CollectivitiesTest, ANewIndexBuiltInShardsChecksTheCodesToo) {
  test_support::TempDir dir;
  const std::string feed =
      test_support::write_file(dir.path() / "feed.jsonl",
                               R"({"id":"b","source":"anct","type":"retour_experience","title":"Une commune inconnue",)"
                               R"("collectivites":["34164","99999"]})"
                               "\n");
  IngestOptions options;
  options.context = {&reference(), nullptr};
  options.shards = 2;
  const IngestReport report = ingest_new_index(dir.str("index"), {feed}, {}, options);
  EXPECT_EQ(report.indexed, 1u);
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].reason.rfind("collectivites/1 : code « 99999 »", 0), 0u) << report.warnings[0].reason;
}

TEST(CollectivitiesTest, WithoutTerritoriesNothingIsChecked) {
  test_support::TempDir dir;
  const std::string feed =
      test_support::write_file(dir.path() / "feed.jsonl",
                               R"({"id":"b","source":"anct","type":"retour_experience","title":"Une commune inconnue",)"
                               R"("collectivites":["99999"]})"
                               "\n");
  const IngestReport report = ingest_into(dir.str("index"), {feed}, {});
  EXPECT_EQ(report.indexed, 1u);
  EXPECT_TRUE(report.warnings.empty());
}

TEST(CollectivitiesTest, CsvColumnIsAList) {
  test_support::TempDir dir;
  const std::string csv =
      test_support::write_file(dir.path() / "feed.csv", "id,title,codes\nx,Deux villages,34164;34173\n");
  CsvMapping mapping = CsvMapping::parse(R"({"constants": {"type": "retour_experience", "source": "anct"},
                                             "fields": {"id": "id", "title": "title", "collectivites": "codes"}})",
                                         "m");
  const IngestReport report = ingest_into(dir.str("index"), {csv}, {&reference(), nullptr}, &mapping);
  EXPECT_EQ(report.indexed, 1u);
  EXPECT_EQ(stored_collectivities(dir.str("index"))["anct:x"], (std::vector<std::string>{"34164", "34173"}));
}

TEST(CollectivitiesTest, MappingFillsTheFieldFromText) {
  const CollectivityMapping mapping = CollectivityMapping::parse(
      R"({"departement_field": "territories", "sources": [{"field": "porteur"}, {"field": "body",)"
      R"( "pattern": "Organisé par (?:la |le )?([^.]+)\\."}]})",
      "m");
  const auto apply = [&](const std::string& line) {
    rapidjson::Document doc;
    doc.Parse(mapping.apply(line, reference()).c_str());
    std::vector<std::string> codes;
    if (doc.HasMember("collectivites"))
      for (const auto& c : doc["collectivites"].GetArray()) codes.emplace_back(c.GetString());
    return codes;
  };
  EXPECT_EQ(apply(R"({"id":"1","porteur":"Commune de Kingersheim","territories":["68"]})"),
            (std::vector<std::string>{"68166"}));
  EXPECT_EQ(apply(R"({"id":"2","porteur":"SNCF Réseau","body":"Organisé par la Région Bretagne. Fin."})"),
            (std::vector<std::string>{"r53"}));
  EXPECT_EQ(apply(R"({"id":"3","porteur":"SNCF Réseau"})"), (std::vector<std::string>{}));
  EXPECT_EQ(apply(R"({"id":"4","porteur":"Commune de Kingersheim","collectivites":["34164"]})"),
            (std::vector<std::string>{"34164"}));
  EXPECT_EQ(mapping.apply("pas du JSON", reference()), "pas du JSON");
  EXPECT_THROW(CollectivityMapping::parse(R"({"sources": []})", "m"), std::runtime_error);
  EXPECT_THROW(CollectivityMapping::parse(R"({"sources": [{"field": "body", "pattern": "sans capture"}]})", "m"),
               std::runtime_error);
  EXPECT_THROW(CollectivityMapping::parse(R"({"sources": [{"field": "body", "pattern": "(("}]})", "m"),
               std::runtime_error);
}

TEST(CollectivitiesTest, RealFeedsNameTheirCollectivities) {
  const auto shared = test_support::shared_dir();
  if (shared.empty()) GTEST_SKIP() << "../shared/data absent de cette copie : test des flux réels ignoré";
  const auto data = test_support::source_dir() / "tests/data";
  test_support::TempDir dir;
  std::size_t named = 0;
  for (const auto& [feed, mapping_file] : std::vector<std::pair<std::string, std::string>>{
           {"decider-ensemble.jsonl", "decider-ensemble.collectivites.json"},
           {"ditp-usages.jsonl", "ditp-usages.collectivites.json"}}) {
    const CollectivityMapping mapping = CollectivityMapping::load((data / mapping_file).string());
    const IngestReport report =
        ingest_into(dir.str("index"), {(shared / "data/fr" / feed).string()}, {&reference(), &mapping});
    EXPECT_TRUE(report.rejected.empty()) << feed;
    EXPECT_TRUE(report.warnings.empty()) << feed;  // a mapping only writes codes it found
  }
  auto stored = stored_collectivities(dir.str("index"));
  for (const auto& [key, codes] : stored) named += !codes.empty();
  // Décider ensemble: the porteur, placed by the feed's département.
  EXPECT_EQ(stored["decider-ensemble:1"], (std::vector<std::string>{"32"}));          // Département du Gers
  EXPECT_EQ(stored["decider-ensemble:3"], (std::vector<std::string>{"68166"}));       // Commune de Kingersheim
  EXPECT_EQ(stored["decider-ensemble:21"], (std::vector<std::string>{"54273"}));      // Maire de Jarny
  EXPECT_EQ(stored["decider-ensemble:12"], (std::vector<std::string>{"200066793"}));  // CA du Grand Annecy
  EXPECT_EQ(stored["decider-ensemble:40"], (std::vector<std::string>{"243300316"}));  // Bordeaux Métropole
  EXPECT_TRUE(stored["decider-ensemble:5"].empty());                                  // SNCF Réseau
  // DITP usage reports: the platform's owner in the summary, else the body.
  EXPECT_EQ(stored["ditp:usage-Courbevoie"], (std::vector<std::string>{"92026"}));
  EXPECT_EQ(stored["ditp:usage-Loiret"], (std::vector<std::string>{"45"}));
  EXPECT_EQ(stored["ditp:usage-mulhouse"], (std::vector<std::string>{"68224"}));
  EXPECT_EQ(stored["ditp:usage-decidim-angers"], (std::vector<std::string>{"49007"}));
  EXPECT_TRUE(stored["ditp:usage-hcrr"].empty());
  // A floor, not a count to match: most Décider ensemble cases are carried by
  // collectivities, most DITP usages by ministries.
  EXPECT_GE(named, 60u) << named << " of " << stored.size();
  std::cout << named << " of " << stored.size() << " real resources got their collectivity\n";
}

}  // namespace
}  // namespace tec::indexer
