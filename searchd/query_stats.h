// QueryStats: what the public search box was asked, per UTC day, for the
// editors (GET /v1/stats/queries): how often each query was searched, how
// often it found nothing or few resources, and which corrections were applied.
// Queries are normalised (case, accents, spaces) before they are counted; no
// address, user, time finer than the day or raw query is kept. Memory is
// bounded: kMaxStatsDays days, each with at most kMaxQueriesPerDay distinct
// queries and kMaxCorrectionsPerDay distinct corrections; once a day is full,
// its further new queries are counted (not_kept) without their text, so the
// day's most asked ones, which come back early and often, stay exact.
// No HTTP and no JSON here; every member is thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analysis/french_analyzer.h"

namespace tec::searchd {

using Day = std::chrono::sys_days;

inline constexpr unsigned kMaxStatsDays = 90;
inline constexpr std::size_t kMaxQueriesPerDay = 2000;
inline constexpr std::size_t kMaxCorrectionsPerDay = 500;
// A normalised query is cut (at a character boundary) beyond this length.
inline constexpr std::size_t kMaxStatsQueryBytes = 200;
// A search finding 1 to kFewResults resources counts as one with few results.
inline constexpr std::uint64_t kFewResults = 3;

struct QueryCount {
  std::string query;
  std::uint64_t count = 0;
};

struct CorrectionCount {
  std::string typed, corrected;
  std::uint64_t count = 0;
};

struct QueryReport {
  Day first{}, last{};                   // the period, both included
  std::uint64_t searches = 0;            // searches recorded over the period
  std::uint64_t not_kept = 0;            // of which the daily cap left the text out
  std::vector<QueryCount> top;           // each list: most frequent first, at most `limit`
  std::vector<QueryCount> zero_results;  // count: the searches that found nothing
  std::vector<QueryCount> few_results;   // count: those that found 1 to kFewResults
  std::vector<CorrectionCount> corrections;
};

class QueryStats {
 public:
  // `typed` and `corrected` (empty: none applied) as the user typed them and
  // the search corrected them; `results`: the resources found.
  void record(Day day, std::string_view typed, std::string_view corrected, std::uint64_t results);

  // The `days` days ending with `today`, each list cut to `limit` entries.
  QueryReport report(Day today, unsigned days, std::size_t limit) const;

  // How many searches were recorded since the start: tells a saver whether
  // there is anything new to write.
  std::uint64_t recorded() const;

  // Writes every day to `path`, in a temporary file renamed into place.
  // Throws std::runtime_error when it cannot.
  void save(const std::string& path) const;
  // Replaces the counts with those saved in `path` (absent: none). Throws
  // std::runtime_error("PATH:LINE: reason") on a malformed line.
  void load(const std::string& path);

  // The normalised form under which a query is counted.
  std::string normalize(std::string_view query) const;

 private:
  struct Counts {
    std::uint64_t searches = 0, zero = 0, few = 0;
  };
  struct DayCounts {
    std::uint64_t searches = 0, not_kept = 0;
    std::unordered_map<std::string, Counts> queries;
    std::map<std::pair<std::string, std::string>, std::uint64_t> corrections;
  };
  std::string normalize_locked(std::string_view query) const;
  void forget_days_before(Day first);  // with mutex_ held

  mutable std::mutex mutex_;
  analysis::FrenchAnalyzer analyzer_;  // folds under mutex_: one thread at a time
  std::map<Day, DayCounts> days_;
  std::uint64_t recorded_ = 0;
};

// Today, UTC.
Day utc_today();

}  // namespace tec::searchd
