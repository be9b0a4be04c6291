// Comparability of two collectivities: kind and size rules, place points
// with and without a distance, and the French wording of a peer.
#include "peers/comparability.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tec::peers {
namespace {

using territory::Territory;
using territory::TerritoryKind;

const territory::Territories& reference() {
  static const auto territories = territory::Territories::load(test_support::source_dir() / "corpus/territories");
  return territories;
}

const Territory& commune(const char* code) { return *reference().find(TerritoryKind::Commune, code); }

TEST(ComparabilityTest, SameKindAndSizeClassOnly) {
  const Territory& montaud = commune("34164");  // 1 014 inhabitants
  EXPECT_TRUE(
      admissible(montaud, commune("34173"), compare(montaud, commune("34173"), reference())));  // Montpeyroux, 1 449
  EXPECT_TRUE(admissible(montaud, commune("34010"),
                         compare(montaud, commune("34010"), reference())));  // Aniane, 2 979: within ×4
  EXPECT_FALSE(admissible(montaud, commune("34114"),
                          compare(montaud, commune("34114"), reference())));  // Gignac, 6 651: beyond ×4
  EXPECT_FALSE(admissible(montaud, commune("34172"), compare(montaud, commune("34172"), reference())));  // Montpellier
  const Territory& herault = *reference().find(TerritoryKind::Departement, "34");
  EXPECT_FALSE(admissible(montaud, herault, compare(montaud, herault, reference())));
  EXPECT_FALSE(admissible(montaud, montaud, compare(montaud, montaud, reference())));
}

TEST(ComparabilityTest, NearerAndCloserInSizeScoresMore) {
  const Territory& montaud = commune("34164");
  const double montpeyroux = comparability_points(compare(montaud, commune("34173"), reference()));
  const double lapoutroie = comparability_points(compare(montaud, commune("68175"), reference()));  // 1 881, in Alsace
  const double aniane = comparability_points(compare(montaud, commune("34010"), reference()));
  EXPECT_GT(montpeyroux, lapoutroie);
  EXPECT_GT(montpeyroux, aniane);
}

TEST(ComparabilityTest, DistanceBetweenCentres) {
  const Comparison c = compare(commune("34164"), commune("34173"), reference());
  ASSERT_TRUE(c.distance_km);
  // Montaud and Montpeyroux are about 30 km apart as the crow flies.
  EXPECT_GT(*c.distance_km, 20);
  EXPECT_LT(*c.distance_km, 40);
  EXPECT_EQ(c.relation, PlaceRelation::SameDepartement);
}

TEST(ComparabilityTest, DescribesSizeAndDistanceInFrench) {
  const Territory& montaud = commune("34164");
  const Territory& lapoutroie = commune("68175");
  const Comparison c = compare(montaud, lapoutroie, reference());
  const std::string text = describe(lapoutroie, c, reference());
  EXPECT_EQ(text.rfind("Commune de 1 881 habitants à ", 0), 0u) << text;
  EXPECT_TRUE(text.ends_with(" km")) << text;
  const Territory& clunisois = *reference().find(TerritoryKind::Epci, "200040293");
  EXPECT_EQ(kind_label(clunisois), "Communauté de communes");
  EXPECT_EQ(grouped(1014), "1 014");
  EXPECT_EQ(grouped(310240), "310 240");
  EXPECT_EQ(grouped(999), "999");
}

TEST(ComparabilityTest, WithoutCentresFallsBackToDepartementsThenRegion) {
  // Copies without centres and of one size, so that only the place differs.
  Territory a = commune("34164"), same = commune("34173"), neighbour = commune("30026"), region = commune("32012"),
            far = commune("68175");
  for (Territory* t : {&a, &same, &neighbour, &region, &far}) {
    t->centre.reset();
    t->population = a.population;
  }
  EXPECT_FALSE(compare(a, same, reference()).distance_km);
  EXPECT_EQ(compare(a, same, reference()).relation, PlaceRelation::SameDepartement);
  EXPECT_EQ(compare(a, neighbour, reference()).relation, PlaceRelation::NeighbourDepartement);
  EXPECT_EQ(compare(a, region, reference()).relation, PlaceRelation::SameRegion);
  EXPECT_EQ(compare(a, far, reference()).relation, PlaceRelation::Elsewhere);
  const auto points = [&](const Territory& b) { return comparability_points(compare(a, b, reference())); };
  EXPECT_GT(points(same), points(neighbour));
  EXPECT_GT(points(neighbour), points(region));
  EXPECT_GT(points(region), points(far));
  EXPECT_NE(describe(neighbour, compare(a, neighbour, reference()), reference()).find(", département voisin (Gard)"),
            std::string::npos);
}

}  // namespace
}  // namespace tec::peers
