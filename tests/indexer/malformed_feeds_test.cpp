// Malformed partner feeds, one case each, through the nightly sync: the bad
// line is rejected with its exact reason and line number, the good lines
// around it are indexed, nothing crashes (the suite runs under ASan/UBSan).
#include <gtest/gtest.h>
#include <xapian.h>

#include "indexer/feeds/feed_reader.h"
#include "indexer/sync.h"
#include "schema/index_schema.h"
#include "test_support.h"

namespace tec::indexer {
namespace {

const std::string kBefore = R"({"id":"avant","source":"anct","type":"guide","title":"Avant"})";
const std::string kAfter = R"({"id":"apres","source":"anct","type":"guide","title":"Après"})";

struct MalformedCase {
  const char* name;
  std::string line;
  std::string reason;  // expected, exactly
};

std::string with_fields(const std::string& fields) {
  return R"({"id":"x","source":"anct","type":"guide","title":"Titre")" + fields + "}";
}

std::vector<MalformedCase> cases() {
  return {
      {"InvalidUtf8",
       with_fields(R"(,"summary":"caf)"
                   "\xE9"
                   R"(")"),
       "UTF-8 invalide à l'octet 72 de la ligne"},
      {"NulByte", with_fields(std::string(R"(,"summary":"a)") + '\0' + R"(b")"), "octet NUL à l'octet 70 de la ligne"},
      {"ArrayLine", R"([{"id":"x"}])", "l'enregistrement doit être un objet JSON, pas un tableau"},
      {"MissingId", R"({"source":"anct","type":"guide","title":"Titre"})", "champ obligatoire manquant : id"},
      {"MissingTitle", R"({"id":"x","source":"anct","type":"guide"})", "champ obligatoire manquant : title"},
      {"ThemesAsString", with_fields(R"(,"themes":"urbanisme")"), "themes : type chaîne au lieu de array"},
      {"IdWithSpace", R"({"id":"a b","source":"anct","type":"guide","title":"T"})",
       R"(id : valeur "a b" mal formée (motif attendu ^[A-Za-z0-9._:-]+$))"},
      {"IdWithSlash", R"({"id":"a/b","source":"anct","type":"guide","title":"T"})",
       R"(id : valeur "a/b" mal formée (motif attendu ^[A-Za-z0-9._:-]+$))"},
      {"IdWithDotDot", R"({"id":"../etc","source":"anct","type":"guide","title":"T"})",
       R"(id : valeur "../etc" mal formée (motif attendu ^[A-Za-z0-9._:-]+$))"},
      {"Nested10000", R"({"id":"x","deep":)" + std::string(10000, '[') + std::string(10000, ']') + "}",
       "imbrication trop profonde (plus de 32 niveaux)"},
      {"PopulationBounds", with_fields(R"(,"population_min":5000,"population_max":100)"),
       "population_max (100) inférieure à population_min (5000)"},
      {"NotADate", with_fields(R"(,"published_at":"hier")"),
       R"(published_at : valeur "hier" mal formée (motif attendu ^[0-9]{4}-[0-9]{2}-[0-9]{2}$))"},
      {"ImpossibleDate", with_fields(R"(,"published_at":"2026-02-30")"),
       "published_at : date inexistante « 2026-02-30 »"},
      {"UnknownType", R"({"id":"x","source":"anct","type":"webinaire","title":"T"})",
       "type : valeur \"webinaire\" inconnue (valeurs permises : methode, outil, guide, retour_experience, atelier, "
       "formation, acteur, financement)"},
      {"NulEscapeInDate", with_fields(R"(,"published_at":"2026-01-01\u0000")"),
       "published_at : caractère NUL (\\u0000) interdit"},
      {"ControlCharacterInTheme", with_fields(R"(,"themes":["mobilité","eau\u001fassainissement"])"),
       "themes/1 : caractère de contrôle interdit (retour à la ligne, tabulation…)"},
      {"NulEscapeInId", R"({"id":"b\u0000 x/../","source":"anct","type":"guide","title":"T"})",
       "id : caractère NUL (\\u0000) interdit"},
      {"EmptyTitle", R"({"id":"x","source":"anct","type":"guide","title":""})", "title : valeur vide"},
      {"NullTitle", R"({"id":"x","source":"anct","type":"guide","title":null})", "title : type null au lieu de string"},
      {"EmptyId", R"({"id":"","source":"anct","type":"guide","title":"T"})", "id : valeur vide"},
      {"EmptySessionStart", with_fields(R"(,"sessions":[{"start":"","online":true}])"),
       R"(sessions/0/start : valeur "" mal formée (motif attendu ^[0-9]{4}-[0-9]{2}-[0-9]{2})"
       R"((T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?$))"},
      {"OversizeBody", with_fields(R"(,"body":")" + std::string(9 * 1024 * 1024, 'a') + "\""),
       "enregistrement trop long (9437251 octets, maximum 8388608)"},
  };
}

void PrintTo(const MalformedCase& c, std::ostream* out) { *out << c.name; }

class MalformedFeed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedFeed, RejectsTheBadLineAndKeepsTheOthers) {
  test_support::TempDir dir;
  const std::string feed =
      test_support::write_file(dir.path() / "feed.jsonl", kBefore + "\n" + GetParam().line + "\n" + kAfter + "\n");
  analysis::FrenchAnalyzer analyzer;
  SyncOptions options;
  options.source = "anct";
  const SyncReport report = sync_source(dir.str("index"), analyzer, {feed}, options);
  ASSERT_EQ(report.rejected.size(), 1u);
  EXPECT_EQ(report.rejected[0].line, 2u);
  EXPECT_EQ(report.rejected[0].reason, GetParam().reason);
  EXPECT_EQ(report.added, 2u);
  Xapian::Database db(dir.str("index"));
  EXPECT_TRUE(db.term_exists(schema::unique_term("anct", "avant")));
  EXPECT_TRUE(db.term_exists(schema::unique_term("anct", "apres")));
}

INSTANTIATE_TEST_SUITE_P(Cases, MalformedFeed, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<MalformedCase>& info) {
                           return std::string(info.param.name);
                         });

// Partner exports write "" or null or [] for what they do not have: in an
// optional field that is an absent value, kept with a warning.
struct EmptyValueCase {
  const char* name;
  std::string line;
  std::string warning;   // expected, exactly
  std::string left_out;  // a piece of JSON the stored record must not hold
};

std::vector<EmptyValueCase> empty_value_cases() {
  return {
      {"OnlineSessionWithEmptyDepartment",
       with_fields(R"(,"sessions":[{"start":"2027-01-12T10:00","online":true,"department":""}])"),
       "champ vide ignoré : sessions/0/department", R"("department")"},
      {"EmptyUrl", with_fields(R"(,"url":"")"), "champ vide ignoré : url", R"("url")"},
      {"NullSummary", with_fields(R"(,"summary":null)"), "champ vide ignoré : summary", R"("summary")"},
      {"EmptyPublishedAt", with_fields(R"(,"published_at":"")"), "champ vide ignoré : published_at",
       R"("published_at")"},
      {"BlankFormat", with_fields(R"(,"format":"  ")"), "champ vide ignoré : format", R"("format")"},
      {"EmptyThemes", with_fields(R"(,"themes":[])"), "champ vide ignoré : themes", R"("themes")"},
      {"BlankTheme", with_fields(R"(,"themes":["urbanisme",""])"), "champ vide ignoré : themes/1", R"("urbanisme",")"},
      {"NullPopulation", with_fields(R"(,"population_min":null)"), "champ vide ignoré : population_min",
       R"("population_min")"},
      {"EmptySourceFilledByTheSync", R"({"id":"x","source":"","type":"guide","title":"T"})",
       "champ vide ignoré : source", R"("source":"")"},
      {"SeveralInOneRecord",
       with_fields(R"(,"url":"","summary":"","sessions":[{"start":"2027-01-12","location":"","seats_left":null},{}])"),
       "champs vides ignorés : url, summary, sessions/0/location, sessions/0/seats_left, sessions/1", R"("location")"},
  };
}

void PrintTo(const EmptyValueCase& c, std::ostream* out) { *out << c.name; }

class EmptyOptionalValue : public ::testing::TestWithParam<EmptyValueCase> {};

TEST_P(EmptyOptionalValue, KeepsTheRecordWithoutTheValueAndWarns) {
  test_support::TempDir dir;
  const std::string feed =
      test_support::write_file(dir.path() / "feed.jsonl", kBefore + "\n" + GetParam().line + "\n" + kAfter + "\n");
  analysis::FrenchAnalyzer analyzer;
  SyncOptions options;
  options.source = "anct";
  const SyncReport report = sync_source(dir.str("index"), analyzer, {feed}, options);
  EXPECT_TRUE(report.rejected.empty()) << report.text();
  ASSERT_EQ(report.warnings.size(), 1u);
  EXPECT_EQ(report.warnings[0].line, 2u);
  EXPECT_EQ(report.warnings[0].reason, GetParam().warning);
  EXPECT_EQ(report.warnings[0].warning_text(), feed + ":2: warning: " + GetParam().warning);
  EXPECT_EQ(report.added, 3u);
  EXPECT_EQ(report.kept, 3u);
  Xapian::Database db(dir.str("index"));
  const std::string term = schema::unique_term("anct", "x");
  ASSERT_TRUE(db.term_exists(term));
  const std::string data = db.get_document(*db.postlist_begin(term)).get_data();
  EXPECT_EQ(data.find(GetParam().left_out), std::string::npos) << data;
}

INSTANTIATE_TEST_SUITE_P(Cases, EmptyOptionalValue, ::testing::ValuesIn(empty_value_cases()),
                         [](const ::testing::TestParamInfo<EmptyValueCase>& info) {
                           return std::string(info.param.name);
                         });

class MalformedFeedShape : public ::testing::Test {
 protected:
  SyncReport sync(const std::string& content) {
    const std::string feed = test_support::write_file(dir_.path() / "feed.jsonl", content);
    SyncOptions options;
    options.source = "anct";
    return sync_source(dir_.str("index"), analyzer_, {feed}, options);
  }
  test_support::TempDir dir_;
  analysis::FrenchAnalyzer analyzer_;
};

TEST_F(MalformedFeedShape, TruncatedLastLine) {
  const SyncReport report = sync(kBefore + "\n" + kAfter + "\n" + R"({"id":"coupe","source":"anct","ty)");
  ASSERT_EQ(report.rejected.size(), 1u);
  EXPECT_EQ(report.rejected[0].line, 3u);
  EXPECT_EQ(report.rejected[0].reason, "JSON invalide à la colonne 34 : guillemet fermant manquant dans une chaîne");
  EXPECT_EQ(report.added, 2u);
}

TEST_F(MalformedFeedShape, ByteOrderMarkAndCrlf) {
  const SyncReport report = sync("\xEF\xBB\xBF" + kBefore + "\r\n" + kAfter + "\r\n");
  EXPECT_TRUE(report.rejected.empty());
  EXPECT_EQ(report.added, 2u);
}

TEST_F(MalformedFeedShape, DuplicateIdsKeepTheLastAndSaySo) {
  const SyncReport report =
      sync(kBefore + "\n" + R"({"id":"avant","source":"anct","type":"guide","title":"Deuxième version"})" + "\n");
  ASSERT_EQ(report.duplicates.size(), 1u);
  EXPECT_EQ(report.duplicates[0].line, 2u);
  EXPECT_EQ(report.added, 1u);
  EXPECT_TRUE(Xapian::Database(dir_.str("index")).term_exists("deuxieme"));
}

TEST_F(MalformedFeedShape, FiveMegabyteBodyIsAccepted) {
  const SyncReport report = sync(with_fields(R"(,"body":")" + std::string(5 * 1000 * 1000, 'a') + " budget\"") + "\n");
  EXPECT_TRUE(report.rejected.empty());
  EXPECT_EQ(report.added, 1u);
  EXPECT_LT(5u * 1000 * 1000, kMaxRecordBytes);
}

TEST_F(MalformedFeedShape, AFacetValueTooLongForATermIsKeptButNotFiltered) {
  std::string theme;
  for (int i = 0; i < 80; ++i) theme += "€";
  const SyncReport report = sync(with_fields(R"(,"themes":[")" + theme + R"("])") + "\n");
  EXPECT_TRUE(report.rejected.empty());
  EXPECT_EQ(report.added, 1u);
}

TEST_F(MalformedFeedShape, TheReportCountsKeptRejectedAndWarnedRecords) {
  const SyncReport report =
      sync(kBefore + "\n" + with_fields(R"(,"url":"")") + "\n" + R"({"id":"y","source":"anct"})" + "\n");
  EXPECT_EQ(report.kept, 2u);
  EXPECT_EQ(report.rejected.size(), 1u);
  EXPECT_EQ(report.warnings.size(), 1u);
  EXPECT_NE(report.json().find(R"("tally":{"kept":2,"rejected":1,"warned":1})"), std::string::npos) << report.json();
  EXPECT_NE(report.text().find(":2: warning: champ vide ignoré : url"), std::string::npos) << report.text();
}

TEST_F(MalformedFeedShape, ANullTheSchemaAllowsIsAValueNotAWarning) {
  const SyncReport report =
      sync(with_fields(R"(,"sessions":[{"start":"2027-01-12","online":true,"department":null}])") + "\n");
  EXPECT_TRUE(report.rejected.empty());
  EXPECT_TRUE(report.warnings.empty()) << report.text();
  EXPECT_EQ(report.added, 1u);
}

TEST_F(MalformedFeedShape, EmptyFileIsRefusedByTheGuard) {
  sync(kBefore + "\n" + kAfter + "\n");
  const SyncReport report = sync("");
  EXPECT_FALSE(report.refused.empty());
  EXPECT_EQ(Xapian::Database(dir_.str("index")).get_doccount(), 2u);
}

}  // namespace
}  // namespace tec::indexer
