// QueryStats: normalisation, counts per kind, the period, the daily caps, old
// days forgotten, and the file it is saved to.
#include "searchd/query_stats.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "test_support.h"

namespace tec::searchd {
namespace {

using std::chrono::days;

const Day kToday = std::chrono::sys_days(std::chrono::year(2026) / 12 / 6);

std::vector<std::pair<std::string, std::uint64_t>> pairs(const std::vector<QueryCount>& counts) {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  for (const QueryCount& c : counts) out.emplace_back(c.query, c.count);
  return out;
}

TEST(QueryStatsTest, QueriesDifferingByCaseAccentsAndSpacesAreOne) {
  QueryStats stats;
  stats.record(kToday, "Éclairage  Public", "", 4);
  stats.record(kToday, "  eclairage public ", "", 4);
  stats.record(kToday, "ÉCLAIRAGE\tpublic", "", 4);
  stats.record(kToday, "   ", "", 0);  // nothing typed: not a query
  const QueryReport report = stats.report(kToday, 30, 10);
  EXPECT_EQ(pairs(report.top), (std::vector<std::pair<std::string, std::uint64_t>>{{"eclairage public", 3}}));
  EXPECT_EQ(report.searches, 3u);
}

TEST(QueryStatsTest, CountsZeroAndFewResultsAndCorrections) {
  QueryStats stats;
  stats.record(kToday, "budget participatif", "", 40);
  stats.record(kToday, "budget participatif", "", 40);
  stats.record(kToday, "zorglub", "", 0);
  stats.record(kToday, "Zorglub", "", 0);
  stats.record(kToday, "jury citoyen", "", 2);
  stats.record(kToday, "jury citoyen", "", 3);
  stats.record(kToday, "jury citoyen", "", 4);  // more than a few
  stats.record(kToday, "budjet", "budget", 12);
  stats.record(kToday, "Budjet", "Budget", 12);
  stats.record(kToday, "concertation", "concertation", 5);  // unchanged: no correction
  const QueryReport report = stats.report(kToday, 30, 10);
  using Pairs = std::vector<std::pair<std::string, std::uint64_t>>;
  EXPECT_EQ(
      pairs(report.top),
      (Pairs{{"jury citoyen", 3}, {"budget participatif", 2}, {"budjet", 2}, {"zorglub", 2}, {"concertation", 1}}));
  EXPECT_EQ(pairs(report.zero_results), (Pairs{{"zorglub", 2}}));
  EXPECT_EQ(pairs(report.few_results), (Pairs{{"jury citoyen", 2}}));
  ASSERT_EQ(report.corrections.size(), 1u);
  EXPECT_EQ(report.corrections[0].typed, "budjet");
  EXPECT_EQ(report.corrections[0].corrected, "budget");
  EXPECT_EQ(report.corrections[0].count, 2u);
}

TEST(QueryStatsTest, TheReportCoversTheDaysAskedAndCutsItsLists) {
  QueryStats stats;
  stats.record(kToday - days(40), "ancienne", "", 0);
  stats.record(kToday - days(6), "semaine", "", 1);
  stats.record(kToday, "aujourd'hui", "", 9);
  stats.record(kToday, "aujourd'hui", "", 9);
  const QueryReport week = stats.report(kToday, 7, 10);
  EXPECT_EQ(week.first, kToday - days(6));
  EXPECT_EQ(week.last, kToday);
  EXPECT_EQ(week.searches, 3u);
  EXPECT_EQ(week.top.size(), 2u);
  EXPECT_EQ(stats.report(kToday, 90, 10).searches, 4u);
  EXPECT_EQ(stats.report(kToday, 1, 10).searches, 2u);
  const QueryReport cut = stats.report(kToday, 90, 1);
  ASSERT_EQ(cut.top.size(), 1u);
  EXPECT_EQ(cut.top[0].query, "aujourd'hui");
}

TEST(QueryStatsTest, ADayKeepsAtMostItsCapOfDistinctQueries) {
  QueryStats stats;
  for (std::size_t i = 0; i < kMaxQueriesPerDay + 5; ++i) stats.record(kToday, "requete " + std::to_string(i), "", 1);
  stats.record(kToday, "requete 0", "", 1);  // already kept: still counted
  const QueryReport report = stats.report(kToday, 1, kMaxQueriesPerDay + 10);
  EXPECT_EQ(report.top.size(), kMaxQueriesPerDay);
  EXPECT_EQ(report.searches, kMaxQueriesPerDay + 6);
  EXPECT_EQ(report.not_kept, 5u);
  EXPECT_EQ(report.top[0].query, "requete 0");
  EXPECT_EQ(report.top[0].count, 2u);
  // The next day starts empty.
  stats.record(kToday + days(1), "requete neuve", "", 1);
  EXPECT_EQ(stats.report(kToday + days(1), 1, 10).top.size(), 1u);
}

TEST(QueryStatsTest, LongQueriesAreCutAtACharacterBoundary) {
  QueryStats stats;
  std::string long_query;
  while (long_query.size() < 3 * kMaxStatsQueryBytes) long_query += "é";
  const std::string normalised = stats.normalize(long_query);
  EXPECT_LE(normalised.size(), kMaxStatsQueryBytes);
  EXPECT_EQ(normalised, std::string(kMaxStatsQueryBytes, 'e'));
}

TEST(QueryStatsTest, DaysOlderThanTheLongestPeriodAreForgotten) {
  QueryStats stats;
  stats.record(kToday - days(kMaxStatsDays), "trop vieille", "", 0);
  stats.record(kToday, "recente", "", 0);
  const test_support::TempDir dir;
  stats.save(dir.str("stats.tsv"));
  EXPECT_EQ(test_support::read_file(dir.path() / "stats.tsv").find("trop vieille"), std::string::npos);
}

TEST(QueryStatsTest, SavedAndLoadedBack) {
  const test_support::TempDir dir;
  const std::string path = dir.str("stats.tsv");
  QueryStats stats;
  stats.record(kToday - days(1), "zorglub", "", 0);
  stats.record(kToday, "budjet", "budget", 2);
  stats.save(path);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));

  QueryStats loaded;
  loaded.load(path);
  const QueryReport report = loaded.report(kToday, 30, 10);
  EXPECT_EQ(report.searches, 2u);
  ASSERT_EQ(report.zero_results.size(), 1u);
  EXPECT_EQ(report.zero_results[0].query, "zorglub");
  ASSERT_EQ(report.few_results.size(), 1u);
  EXPECT_EQ(report.few_results[0].query, "budjet");
  ASSERT_EQ(report.corrections.size(), 1u);
  EXPECT_EQ(report.corrections[0].corrected, "budget");
  // Counting goes on from the loaded counts.
  loaded.record(kToday, "budjet", "budget", 2);
  EXPECT_EQ(loaded.report(kToday, 30, 10).corrections[0].count, 2u);
}

TEST(QueryStatsTest, AnAbsentFileHoldsNothingAndAMalformedLineIsNamed) {
  const test_support::TempDir dir;
  QueryStats stats;
  stats.load(dir.str("absent.tsv"));
  EXPECT_EQ(stats.report(kToday, 30, 10).searches, 0u);

  const std::string path = test_support::write_file(
      dir.path() / "bad.tsv", "# comment\n2026-12-06\td\t3\t0\n2026-12-06\tq\ttrois\t0\t0\tzorglub\n");
  try {
    stats.load(path);
    FAIL() << "a malformed line was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path + ":3: ", 0), 0u) << e.what();
  }
  const std::string bad_day = test_support::write_file(dir.path() / "bad-day.tsv", "2026-02-30\td\t3\t0\n");
  EXPECT_THROW(stats.load(bad_day), std::runtime_error);
}

}  // namespace
}  // namespace tec::searchd
