// ProfileResolver: codes fill in the collectivity, bad fields are refused
// with a French message, unknown codes are told apart from malformed ones.
#include "recommend/profile_resolver.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace tec::recommend {
namespace {

const territory::Territories& reference() {
  static const auto territories = territory::Territories::load(test_support::source_dir() / "corpus/territories");
  return territories;
}

CollectivityProfile resolve(const ProfileRequest& request) { return ProfileResolver(&reference()).resolve(request); }

ProfileError::Kind error_of(const ProfileRequest& request) {
  try {
    resolve(request);
  } catch (const ProfileError& e) {
    return e.kind;
  }
  ADD_FAILURE() << "the profile was accepted";
  return ProfileError::Kind::Invalid;
}

bool has(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

TEST(ProfileResolverTest, InseeCodeFillsInTheCommune) {
  const auto profile = resolve({.insee = "34164"});
  EXPECT_EQ(profile.territory_type, "commune");
  EXPECT_EQ(profile.name, "Montaud");
  EXPECT_EQ(profile.departement, "34");
  EXPECT_EQ(profile.departement_name, "Hérault");
  EXPECT_EQ(profile.region, "76");
  EXPECT_EQ(profile.region_name, "Occitanie");
  EXPECT_EQ(profile.epci, "243400017");
  EXPECT_FALSE(profile.epci_name.empty());
  ASSERT_TRUE(profile.population);
  EXPECT_EQ(profile.territory_codes, (std::vector<std::string>{"34", "r76"}));
}

TEST(ProfileResolverTest, SirenFillsInTheEpci) {
  const auto profile = resolve({.siren = "200040293"});
  EXPECT_EQ(profile.territory_type, "epci");
  EXPECT_EQ(profile.departement, "71");
  EXPECT_GT(profile.member_communes, 30u);
}

TEST(ProfileResolverTest, RegionCoversItsDepartements) {
  const auto profile = resolve({.region = "53"});
  EXPECT_EQ(profile.territory_type, "region");
  EXPECT_EQ(profile.name, "Bretagne");
  for (const char* code : {"r53", "22", "29", "35", "56"}) EXPECT_TRUE(has(profile.territory_codes, code)) << code;
  EXPECT_FALSE(has(profile.territory_codes, "44"));
}

TEST(ProfileResolverTest, DepartementCodeIsADepartementProfile) {
  const auto profile = resolve({.departement = "2A"});
  EXPECT_EQ(profile.territory_type, "departement");
  EXPECT_EQ(profile.region, "94");
  EXPECT_EQ(profile.territory_codes, (std::vector<std::string>{"2A", "r94"}));
}

TEST(ProfileResolverTest, FieldsGivenDirectly) {
  const auto profile = resolve({.departement = "29", .territory_type = "commune", .population = 600});
  EXPECT_EQ(profile.territory_type, "commune");
  EXPECT_EQ(profile.population, 600);
  EXPECT_EQ(profile.region, "53");
  EXPECT_TRUE(profile.name.empty());
  EXPECT_EQ(error_of({.departement = "29", .region = "76", .territory_type = "commune"}), ProfileError::Kind::Invalid);
  EXPECT_EQ(error_of({.territory_type = "village"}), ProfileError::Kind::Invalid);
}

TEST(ProfileResolverTest, ExplicitPopulationOverridesTheReference) {
  EXPECT_EQ(resolve({.insee = "34164", .population = 1500}).population, 1500);
}

TEST(ProfileResolverTest, LadderAndMaturityAcceptAccents) {
  const auto profile = resolve({.insee = "34164", .participation_level = "Co-Décider", .maturity = "Débutant"});
  EXPECT_EQ(profile.participation_level, "co-decider");
  EXPECT_EQ(profile.maturity, "debutant");
  EXPECT_EQ(error_of({.participation_level = "voter"}), ProfileError::Kind::Invalid);
  EXPECT_EQ(error_of({.maturity = "expert"}), ProfileError::Kind::Invalid);
}

TEST(ProfileResolverTest, UnknownCodesAreNotFound) {
  EXPECT_EQ(error_of({.insee = "34999"}), ProfileError::Kind::UnknownTerritory);
  EXPECT_EQ(error_of({.siren = "123456789"}), ProfileError::Kind::UnknownTerritory);
  EXPECT_EQ(error_of({.region = "99"}), ProfileError::Kind::UnknownTerritory);
}

TEST(ProfileResolverTest, UnknownCodesAreNamedWithTheRightAgreement) {
  const auto message_of = [](const ProfileRequest& request) {
    try {
      resolve(request);
    } catch (const ProfileError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message_of({.insee = "34999"}), "commune inconnue : « 34999 »");
  EXPECT_EQ(message_of({.siren = "123456789"}), "EPCI inconnu : « 123456789 »");
  EXPECT_EQ(message_of({.departement = "345"}), "département inconnu : « 345 »");
  EXPECT_EQ(message_of({.region = "99"}), "région inconnue : « 99 »");
}

TEST(ProfileResolverTest, MalformedOrConflictingCodesAreInvalid) {
  EXPECT_EQ(error_of({.insee = "3416"}), ProfileError::Kind::Invalid);
  EXPECT_EQ(error_of({.siren = "2000402"}), ProfileError::Kind::Invalid);
  EXPECT_EQ(error_of({.insee = "34164", .siren = "200040293"}), ProfileError::Kind::Invalid);
  EXPECT_EQ(error_of({.insee = "34164", .departement = "34"}), ProfileError::Kind::Invalid);
  EXPECT_EQ(error_of({.departement = "345"}), ProfileError::Kind::UnknownTerritory);
  EXPECT_EQ(error_of({.departement = "3"}), ProfileError::Kind::Invalid);
}

TEST(ProfileResolverTest, ListsAreBoundedAndDeduplicated) {
  const auto profile = resolve({.themes = {"éclairage public", "éclairage public", ""}});
  EXPECT_EQ(profile.themes, std::vector<std::string>{"éclairage public"});
  EXPECT_EQ(error_of({.themes = std::vector<std::string>(21, "x")}), ProfileError::Kind::Invalid);
  EXPECT_EQ(error_of({.need = std::string(3000, 'a')}), ProfileError::Kind::Invalid);
}

TEST(ProfileResolverTest, WithoutReferenceDataCodesCannotResolve) {
  const ProfileResolver resolver(nullptr);
  EXPECT_THROW(resolver.resolve({.insee = "34164"}), ProfileError);
  EXPECT_EQ(resolver.resolve({.departement = "34", .territory_type = "commune", .population = 900}).territory_codes,
            (std::vector<std::string>{"34"}));
}

}  // namespace
}  // namespace tec::recommend
