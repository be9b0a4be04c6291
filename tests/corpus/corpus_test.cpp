// The bundled resource base (corpus/resources): it indexes cleanly and holds
// what the product promises (every partner, every type, dated workshops).
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <set>

#include "schema/index_schema.h"
#include "test_support.h"

namespace tec {
namespace {

TEST(BundledCorpus, IndexesWithZeroRejections) {
  testing::TempDir dir;
  EXPECT_EQ(testing::index_files(dir.str("index"), testing::bundled_corpus_files()), 0u);
  Xapian::Database db(dir.str("index"));
  EXPECT_GE(db.get_doccount(), 150u);
  for (const char* source : {"anct", "democratie-ouverte", "decider-ensemble", "icpc", "banque-des-territoires"}) {
    EXPECT_GE(db.get_termfreq(schema::prefixed(schema::kPrefixSource, source)), 20u) << source;
  }
  for (const char* type : {"methode", "outil", "guide", "retour_experience", "atelier", "formation", "acteur", "financement"}) {
    EXPECT_GE(db.get_termfreq(schema::prefixed(schema::kPrefixType, type)), 3u) << type;
  }
}

TEST(BundledCorpus, WorkshopsAndTrainingsHaveDatedSessionsMostlyAhead) {
  std::size_t past = 0, ahead = 0;
  std::set<std::string> departments;
  for (const std::string& file : testing::bundled_corpus_files()) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      rapidjson::Document record;
      record.Parse(line.c_str());
      ASSERT_FALSE(record.HasParseError()) << file;
      const std::string type = record["type"].GetString();
      if (type != "atelier" && type != "formation") continue;
      ASSERT_TRUE(record.HasMember("sessions") && record["sessions"].Size() > 0) << record["id"].GetString();
      for (const auto& session : record["sessions"].GetArray()) {
        const std::string start = session["start"].GetString();
        (start >= "2026-12-01" ? ahead : past)++;
        if (session.HasMember("department") && session["department"].IsString()) departments.insert(session["department"].GetString());
      }
    }
  }
  EXPECT_GT(past, 0u);
  EXPECT_GT(ahead, 3 * past);
  EXPECT_GE(departments.size(), 10u);
}

}  // namespace
}  // namespace tec
