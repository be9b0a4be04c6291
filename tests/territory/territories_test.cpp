// Territories: the reference data of corpus/territories/ loads, codes find
// the right places, names complete without accents, bad files are reported
// with file and line.
#include "territory/territories.h"

#include <gtest/gtest.h>

#include <chrono>

#include "test_support.h"

namespace tec::territory {
namespace {

const Territories& reference() {
  static const Territories territories = Territories::load(test_support::source_dir() / "corpus/territories");
  return territories;
}

std::vector<std::string> codes(const std::vector<const Territory*>& found) {
  std::vector<std::string> out;
  for (const Territory* t : found) out.push_back(t->code);
  return out;
}

TEST(TerritoriesTest, CodesFindTheirCommune) {
  const Territory* montaud = reference().find(TerritoryKind::Commune, "34164");
  ASSERT_NE(montaud, nullptr);
  EXPECT_EQ(montaud->name, "Montaud");
  EXPECT_EQ(montaud->departement, "34");
  EXPECT_EQ(montaud->region, "76");
  EXPECT_FALSE(montaud->epci.empty());
  ASSERT_TRUE(montaud->population);
  EXPECT_GT(*montaud->population, 500);
  EXPECT_LT(*montaud->population, 2000);
  EXPECT_EQ(reference().find(TerritoryKind::Commune, "34163")->name, "Montarnaud");
  EXPECT_EQ(reference().find(TerritoryKind::Commune, "73065")->name, "Chambéry");
  EXPECT_EQ(reference().find(TerritoryKind::Commune, "97411")->departement, "974");
  EXPECT_EQ(reference().find(TerritoryKind::Commune, "99999"), nullptr);
}

TEST(TerritoriesTest, RegionAndDepartementCodesDoNotCollide) {
  // "01" is both the Ain and the Guadeloupe région.
  EXPECT_EQ(reference().find(TerritoryKind::Departement, "01")->name, "Ain");
  EXPECT_EQ(reference().find(TerritoryKind::Region, "01")->name, "Guadeloupe");
}

TEST(TerritoriesTest, EpciKnowsItsMembers) {
  const Territory* clunisois = reference().find(TerritoryKind::Epci, "200040293");
  ASSERT_NE(clunisois, nullptr);
  EXPECT_NE(clunisois->name.find("Clunisois"), std::string::npos);
  EXPECT_EQ(clunisois->departement, "71");
  EXPECT_GT(reference().member_count("200040293"), 30u);
}

TEST(TerritoriesTest, RegionListsItsDepartements) {
  const auto bretagne = reference().departements_of_region("53");
  EXPECT_EQ(bretagne, (std::vector<std::string>{"22", "29", "35", "56"}));
}

TEST(TerritoriesTest, CompletionIgnoresAccentsCaseAndHyphens) {
  EXPECT_EQ(codes(reference().complete("chambery", 1)), std::vector<std::string>{"73065"});
  EXPECT_EQ(codes(reference().complete("CHAMBÉRY", 1)), std::vector<std::string>{"73065"});
  const auto montaud = codes(reference().complete("montaud", 10, TerritoryKind::Commune));
  EXPECT_NE(std::find(montaud.begin(), montaud.end(), "34164"), montaud.end());
  // A later word of the name completes too: "denis" finds Saint-Denis.
  const auto denis = codes(reference().complete("saint-denis", 5, TerritoryKind::Commune));
  EXPECT_NE(std::find(denis.begin(), denis.end(), "97411"), denis.end());
  const auto clunisois = codes(reference().complete("clunisois", 5));
  ASSERT_FALSE(clunisois.empty());
  EXPECT_EQ(clunisois.front(), "200040293");
}

TEST(TerritoriesTest, CompletionPutsWholeNamesThenLargerPlacesFirst) {
  const auto found = reference().complete("paris", 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front()->name, "Paris");
  const auto monta = reference().complete("monta", 20, TerritoryKind::Commune);
  ASSERT_GE(monta.size(), 2u);
  for (std::size_t i = 1; i < monta.size(); ++i) {
    EXPECT_GE(monta[i - 1]->population.value_or(0), monta[i]->population.value_or(0));
  }
}

TEST(TerritoriesTest, KindRestrictsCompletion) {
  const auto epci = reference().complete("saint", 20, TerritoryKind::Epci);
  ASSERT_GE(epci.size(), 5u) << "EPCI named Saint-… exist";
  for (const Territory* t : epci) EXPECT_EQ(t->kind, TerritoryKind::Epci);
  EXPECT_TRUE(reference().complete("", 10).empty());
}

TEST(TerritoriesTest, BadFileIsReportedWithFileAndLine) {
  test_support::TempDir dir;
  const auto source = test_support::source_dir() / "corpus/territories";
  for (const char* name : {"regions.tsv", "departements.tsv", "epci.tsv"}) {
    std::filesystem::copy_file(source / name, dir.path() / name);
  }
  test_support::write_file(dir.path() / "communes.tsv",
                           "insee\tnom\tpopulation\tdepartement\tregion\tepci\n"
                           "34164\tMontaud\t1014\t34\t76\t243400017\n"
                           "34163\tMontarnaud\tbeaucoup\t34\t76\t243400017\n");
  try {
    Territories::load(dir.path());
    FAIL() << "a bad population must be refused";
  } catch (const TerritoryDataError& e) {
    EXPECT_NE(std::string(e.what()).find("communes.tsv:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("population invalide"), std::string::npos) << e.what();
  }
  std::filesystem::remove(dir.path() / "communes.tsv");
  EXPECT_THROW(Territories::load(dir.path()), TerritoryDataError);
}

TEST(TerritoriesTest, CodesAsFeedsWriteThem) {
  EXPECT_EQ(reference().find_code("34164")->name, "Montaud");
  EXPECT_EQ(reference().find_code("2A004")->name, "Ajaccio");
  EXPECT_EQ(reference().find_code("200040293")->kind, TerritoryKind::Epci);
  EXPECT_EQ(reference().find_code("34")->kind, TerritoryKind::Departement);
  EXPECT_EQ(reference().find_code("974")->name, "La Réunion");
  EXPECT_EQ(reference().find_code("r76")->name, "Occitanie");
  EXPECT_EQ(reference().find_code("76")->kind, TerritoryKind::Departement);  // Seine-Maritime
  EXPECT_EQ(reference().find_code("99999"), nullptr);
  EXPECT_EQ(reference().find_code("1234"), nullptr);
}

TEST(TerritoriesTest, CommunesHaveCentresAndGroupsTheirMean) {
  const Territory* montaud = reference().find(TerritoryKind::Commune, "34164");
  ASSERT_TRUE(montaud->centre);
  EXPECT_NEAR(montaud->centre->latitude, 43.75, 0.05);
  EXPECT_NEAR(montaud->centre->longitude, 3.96, 0.05);
  const Territory* herault = reference().find(TerritoryKind::Departement, "34");
  ASSERT_TRUE(herault->centre);
  EXPECT_NEAR(herault->centre->latitude, 43.6, 0.3);
  // Montaud to Montpellier: about 20 km as the crow flies.
  const double km = distance_km(*montaud->centre, *reference().find(TerritoryKind::Commune, "34172")->centre);
  EXPECT_GT(km, 12);
  EXPECT_LT(km, 25);
  // Paris to Marseille: about 660 km.
  EXPECT_NEAR(distance_km({48.8566, 2.3522}, {43.2965, 5.3698}), 660, 10);
}

TEST(TerritoriesTest, NeighbouringDepartements) {
  for (const char* code : {"11", "12", "30", "81"}) {
    EXPECT_TRUE(reference().neighbours("34", code)) << code;
    EXPECT_TRUE(reference().neighbours(code, "34")) << code;
  }
  EXPECT_FALSE(reference().neighbours("34", "13"));
  EXPECT_FALSE(reference().neighbours("34", "34"));
  EXPECT_FALSE(reference().neighbours("974", "976"));
}

TEST(TerritoriesTest, PlacesAreOptional) {
  test_support::TempDir dir;
  const auto source = test_support::source_dir() / "corpus/territories";
  for (const char* name : {"regions.tsv", "departements.tsv", "epci.tsv", "communes.tsv"}) {
    std::filesystem::copy_file(source / name, dir.path() / name);
  }
  const Territories without = Territories::load(dir.path());
  EXPECT_FALSE(without.find(TerritoryKind::Commune, "34164")->centre);
  EXPECT_FALSE(without.neighbours("34", "30"));
}

}  // namespace
}  // namespace tec::territory
