// RecordValidator: what is accepted, and the exact reason for what is not.
#include "indexer/record_validator.h"

#include <gtest/gtest.h>

namespace tec::indexer {
namespace {

constexpr const char* kGood =
    R"({"id":"jury-1","source":"anct","type":"methode","title":"Le jury citoyen","themes":["démocratie locale"],)"
    R"("population_min":500,"population_max":20000,"published_at":"2026-02-28","extra":{"x":1}})";

std::string error_of(const std::string& line, const std::string& source = "") {
  RecordValidator validator;
  const ValidationOutcome outcome = validator.validate(line, source);
  EXPECT_FALSE(outcome.resource) << line;
  return outcome.error;
}

TEST(RecordValidator, AcceptsAGoodRecordAndKeepsUnknownFields) {
  RecordValidator validator;
  const ValidationOutcome outcome = validator.validate(kGood, "");
  ASSERT_TRUE(outcome.resource) << outcome.error;
  EXPECT_EQ(outcome.resource->id, "jury-1");
  EXPECT_EQ(outcome.resource->source, "anct");
  EXPECT_EQ(outcome.resource->themes, std::vector<std::string>{"démocratie locale"});
  EXPECT_EQ(outcome.resource->population_max, 20000);
  EXPECT_EQ(outcome.resource->language, "fr");
  EXPECT_NE(outcome.resource->json.find(R"("extra":{"x":1})"), std::string::npos);
}

TEST(RecordValidator, FillsAMissingSourceFromTheCommand) {
  RecordValidator validator;
  const ValidationOutcome outcome = validator.validate(R"({"id":"a","type":"guide","title":"Guide"})", "icpc");
  ASSERT_TRUE(outcome.resource) << outcome.error;
  EXPECT_EQ(outcome.resource->source, "icpc");
  EXPECT_NE(outcome.resource->json.find(R"("source":"icpc")"), std::string::npos);
}

TEST(RecordValidator, RefusesASourceOtherThanTheCommandOne) {
  EXPECT_EQ(error_of(kGood, "icpc"), "source « anct » différente de la source indexée « icpc »");
}

TEST(RecordValidator, NamesTheMissingField) {
  EXPECT_EQ(error_of(R"({"source":"anct","type":"guide","title":"Guide"})"), "champ obligatoire manquant : id");
  EXPECT_EQ(error_of(R"({"id":"a","source":"anct","type":"guide"})"), "champ obligatoire manquant : title");
  EXPECT_EQ(error_of(R"({"id":"a","type":"guide","title":"Guide"})"), "champ obligatoire manquant : source");
}

TEST(RecordValidator, ExplainsIllTypedFields) {
  EXPECT_EQ(error_of(R"({"id":"a","source":"anct","type":"guide","title":"G","themes":"urbanisme"})"),
            "themes : type chaîne au lieu de array");
  EXPECT_EQ(error_of(R"({"id":"a","source":"anct","type":"guide","title":"G","population_min":"500"})"),
            "population_min : type chaîne au lieu de integer");
}

TEST(RecordValidator, ListsAllowedValuesOfAnEnum) {
  EXPECT_EQ(
      error_of(R"({"id":"a","source":"anct","type":"webinaire","title":"G"})"),
      "type : valeur \"webinaire\" inconnue (valeurs permises : methode, outil, guide, retour_experience, atelier, "
      "formation, acteur, financement)");
}

TEST(RecordValidator, RefusesBadIds) {
  for (const char* id : {"a b", "a/b", "../etc"}) {
    const std::string line = std::string(R"({"id":")") + id + R"(","source":"anct","type":"guide","title":"G"})";
    EXPECT_NE(error_of(line).find("id : valeur"), std::string::npos) << id;
  }
  EXPECT_EQ(error_of(R"({"id":"","source":"anct","type":"guide","title":"G"})"), "id : valeur vide");
  EXPECT_EQ(error_of(R"({"id":")" + std::string(129, 'a') + R"(","source":"anct","type":"guide","title":"G"})"),
            "id : valeur trop longue (maximum 128 caractères)");
}

TEST(RecordValidator, ReportsInvalidJsonWithTheColumn) {
  EXPECT_EQ(error_of(R"({"id":"a", "title": )"), "JSON invalide à la colonne 21 : valeur invalide");
}

TEST(RecordValidator, RefusesNonObjects) {
  EXPECT_EQ(error_of(R"([{"id":"a"}])"), "l'enregistrement doit être un objet JSON, pas un tableau");
}

TEST(RecordValidator, RefusesDeepNestingWithoutRecursing) {
  const std::string deep = std::string(10000, '[') + std::string(10000, ']');
  EXPECT_EQ(error_of(R"({"id":"a","x":)" + deep + "}"), "imbrication trop profonde (plus de 32 niveaux)");
}

TEST(RecordValidator, ChecksCalendarDates) {
  EXPECT_EQ(error_of(R"({"id":"a","source":"anct","type":"guide","title":"G","published_at":"2026-02-30"})"),
            "published_at : date inexistante « 2026-02-30 »");
  EXPECT_NE(error_of(R"({"id":"a","source":"anct","type":"guide","title":"G","published_at":"hier"})")
                .find("published_at : valeur"),
            std::string::npos);
}

TEST(RecordValidator, ChecksPopulationBounds) {
  EXPECT_EQ(
      error_of(R"({"id":"a","source":"anct","type":"guide","title":"G","population_min":5000,"population_max":100})"),
      "population_max (100) inférieure à population_min (5000)");
}

TEST(RecordValidator, ChecksSessions) {
  EXPECT_EQ(error_of(R"({"id":"a","source":"anct","type":"atelier","title":"G","sessions":[{"end":"2027-01-01"}]})"),
            "champ obligatoire manquant : start");
  EXPECT_EQ(
      error_of(R"({"id":"a","source":"anct","type":"atelier","title":"G","sessions":[{"start":"2027-01-02T10:00",)"
               R"("end":"2027-01-01T10:00"}]})"),
      "sessions/0 : fin avant le début");
}

TEST(RecordValidator, CanBeReusedAfterAnError) {
  RecordValidator validator;
  EXPECT_FALSE(validator.validate(R"({"id":"a b"})", "").resource);
  EXPECT_TRUE(validator.validate(kGood, "").resource);
}

// Found by the fuzzer: a number beyond 64 bits reached the schema
// validator, whose hashing of numbers is then undefined.
TEST(RecordValidator, RefusesANumberTooLargeForSixtyFourBits) {
  EXPECT_EQ(error_of(R"({"id":"t1","source":"test","type":92233720368547758082})"), "type : nombre trop grand");
  EXPECT_EQ(error_of(R"({"id":"t1","source":"test","type":"guide","title":"t","extra":[1,-1e30]})"),
            "extra/1 : nombre trop grand");
}

}  // namespace
}  // namespace tec::indexer
