// The bundled resource base (corpus/resources): it indexes cleanly and holds
// what the product promises (every partner, every type, dated workshops).
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <xapian.h>

#include <fstream>
#include <map>
#include <set>

#include "schema/index_schema.h"
#include "territory/territories.h"
#include "test_support.h"

namespace tec {
namespace {

TEST(BundledCorpus, IndexesWithZeroRejections) {
  test_support::TempDir dir;
  EXPECT_EQ(test_support::index_files(dir.str("index"), test_support::bundled_corpus_files()), 0u);
  Xapian::Database db(dir.str("index"));
  EXPECT_GE(db.get_doccount(), 150u);
  for (const char* source : {"anct", "democratie-ouverte", "decider-ensemble", "icpc", "banque-des-territoires"}) {
    EXPECT_GE(db.get_termfreq(schema::prefixed(schema::kPrefixSource, source)), 20u) << source;
  }
  for (const char* type :
       {"methode", "outil", "guide", "retour_experience", "atelier", "formation", "acteur", "financement"}) {
    EXPECT_GE(db.get_termfreq(schema::prefixed(schema::kPrefixType, type)), 3u) << type;
  }
}

TEST(BundledCorpus, WorkshopsAndTrainingsHaveDatedSessionsMostlyAhead) {
  std::size_t past = 0, ahead = 0;
  std::set<std::string> departments;
  for (const std::string& file : test_support::bundled_corpus_files()) {
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
        if (session.HasMember("department") && session["department"].IsString())
          departments.insert(session["department"].GetString());
      }
    }
  }
  EXPECT_GT(past, 0u);
  EXPECT_GT(ahead, 3 * past);
  EXPECT_GE(departments.size(), 10u);
}

// Every experience report names the collectivity that carried it: a known
// commune, EPCI or département, of the kind the report addresses, whose
// population fits the report's range and whose département is among its
// territories (the peers of a collectivity are found through them).
TEST(BundledCorpus, ExperienceReportsNameFittingCollectivities) {
  const auto territories = territory::Territories::load(test_support::source_dir() / "corpus/territories");
  std::size_t reports = 0;
  for (const std::string& file : test_support::bundled_corpus_files()) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      rapidjson::Document r;
      r.Parse(line.c_str());
      if (std::string(r["type"].GetString()) != "retour_experience") continue;
      ++reports;
      const std::string id = r["id"].GetString();
      ASSERT_TRUE(r.HasMember("collectivites") && r["collectivites"].Size() > 0) << id;
      for (const auto& code : r["collectivites"].GetArray()) {
        const territory::Territory* t = territories.find_code(code.GetString());
        ASSERT_NE(t, nullptr) << id << " " << code.GetString();
        ASSERT_TRUE(t->population) << id;
        if (r.HasMember("population_min")) {
          EXPECT_GE(*t->population, r["population_min"].GetInt64()) << id;
        }
        if (r.HasMember("population_max")) {
          EXPECT_LE(*t->population, r["population_max"].GetInt64()) << id;
        }
        if (r.HasMember("territories")) {
          std::set<std::string> places;
          for (const auto& place : r["territories"].GetArray()) places.insert(place.GetString());
          EXPECT_TRUE(places.contains(t->departement)) << id << " " << t->departement;
        }
        if (r.HasMember("territory_types")) {
          std::set<std::string> kinds;
          for (const auto& kind : r["territory_types"].GetArray()) kinds.insert(kind.GetString());
          EXPECT_TRUE(kinds.contains(std::string(territory::kind_name(t->kind)))) << id;
        }
      }
    }
  }
  EXPECT_GE(reports, 30u);
}

}  // namespace
}  // namespace tec
