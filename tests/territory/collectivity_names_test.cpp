// resolve_collectivity_name: the designations partner feeds write, each
// resolved to its territory, and what stays unresolved.
#include "territory/collectivity_names.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace tec::territory {
namespace {

const Territories& reference() {
  static const Territories territories = Territories::load(test_support::source_dir() / "corpus/territories");
  return territories;
}

std::string code(std::string_view text, std::string_view departement = "") {
  const Territory* t = resolve_collectivity_name(reference(), text, departement);
  return t ? t->code : "";
}

TEST(CollectivityNamesTest, Communes) {
  EXPECT_EQ(code("Commune de Castillon-la-Bataille", "33"), "33108");
  EXPECT_EQ(code("Mairie de Saint-Martin d'Uriage", "38"), "38422");
  EXPECT_EQ(code("Ville d’Angers", "49"), "49007");
  EXPECT_EQ(code("Mairie du Plessé", "44"), "44128");
  EXPECT_EQ(code("Maire de Jarny", "54"), "54273");
  EXPECT_EQ(code("Centre Communal d'Action Sociale de Macouria", "973"), "97305");
  EXPECT_EQ(code("Commune de Courbevoie"), "92026");
}

TEST(CollectivityNamesTest, AHintTellsHomonymsApart) {
  EXPECT_EQ(code("Mairie de Bailleul", "59"), "59043");
  EXPECT_EQ(code("Mairie de Bailleul", "80"), "80051");
  EXPECT_EQ(code("Mairie de Bailleul"), "");      // three Bailleul, no hint
  EXPECT_EQ(code("Ville de Lannion", "29"), "");  // Lannion is in the 22
}

TEST(CollectivityNamesTest, DepartementsAndRegions) {
  EXPECT_EQ(code("Département du Gers"), "32");
  EXPECT_EQ(code("Conseil départemental de la Haute-Garonne"), "31");
  EXPECT_EQ(code("Département du Val-de-Marne"), "94");
  EXPECT_EQ(code("Région Bretagne"), "53");
  EXPECT_EQ(code("Conseil régional de la Réunion", "67"), "04");  // a wrong hint does not matter for a région
  EXPECT_EQ(resolve_collectivity_name(reference(), "Région Bretagne", "")->kind, TerritoryKind::Region);
}

TEST(CollectivityNamesTest, Intercommunalities) {
  EXPECT_EQ(code("Communauté de communes du Pays de Lumbres"), "246201016");
  EXPECT_EQ(code("Communauté d'agglomération du Grand Annecy"), "200066793");
  EXPECT_EQ(code("Communauté Urbaine du Grand Poitiers"), "200069854");
  EXPECT_EQ(code("Communauté d'Agglomération Nîmes Métropole"), "243000643");
  EXPECT_EQ(code("Bordeaux Métropole"), "243300316");
  EXPECT_EQ(code("Métropole Européenne de Lille"), "200093201");
}

TEST(CollectivityNamesTest, WhatNamesNoCollectivity) {
  EXPECT_EQ(code("SNCF Réseau"), "");
  EXPECT_EQ(code("Hôtel de ville"), "");
  EXPECT_EQ(code("Association \"Habitats des Possibles\""), "");
  EXPECT_EQ(code(""), "");
  EXPECT_EQ(code("Commune de Nullepart-sur-Rien"), "");
}

}  // namespace
}  // namespace tec::territory
