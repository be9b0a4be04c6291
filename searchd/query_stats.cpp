// QueryStats implementation: per-day hash maps, a tab-separated file.
#include "searchd/query_stats.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <type_traits>

namespace tec::searchd {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// `text` cut to at most `bytes` without splitting a UTF-8 character.
void cut_utf8(std::string& text, std::size_t bytes) {
  if (text.size() <= bytes) return;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  text.resize(bytes);
  while (!text.empty() && text.back() == ' ') text.pop_back();
}

std::string day_text(Day day) {
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

bool parse_day(std::string_view text, Day& day) {
  int year = 0;
  unsigned month = 0, dom = 0;
  const char* p = text.data();
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || std::from_chars(p, p + 4, year).ptr != p + 4 ||
      std::from_chars(p + 5, p + 7, month).ptr != p + 7 || std::from_chars(p + 8, p + 10, dom).ptr != p + 10) {
    return false;
  }
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(dom)};
  if (!date.ok()) return false;
  day = std::chrono::sys_days(date);
  return true;
}

bool parse_count(std::string_view text, std::uint64_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

// The entries with a non-zero count, most frequent first (then by text), at most `limit`.
template <class Entry>
std::vector<Entry> most_frequent(std::vector<Entry> entries, std::size_t limit) {
  std::erase_if(entries, [](const Entry& e) { return e.count == 0; });
  const auto order = [](const Entry& a, const Entry& b) {
    if (a.count != b.count) return a.count > b.count;
    if constexpr (std::is_same_v<Entry, CorrectionCount>)
      return std::tie(a.typed, a.corrected) < std::tie(b.typed, b.corrected);
    else return a.query < b.query;
  };
  const std::size_t kept = std::min(limit, entries.size());
  std::partial_sort(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(kept), entries.end(), order);
  entries.resize(kept);
  return entries;
}

constexpr const char* kHeader =
    "# tec-searchd query statistics: day, kind (d: day, q: query, c: correction), counts, texts";

}  // namespace

Day utc_today() { return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()); }

std::string QueryStats::normalize(std::string_view query) const {
  std::lock_guard lock(mutex_);
  return normalize_locked(query);
}

std::string QueryStats::normalize_locked(std::string_view query) const {
  const std::string folded = analyzer_.fold(query);
  std::string out;
  out.reserve(folded.size());
  for (char c : folded) {
    if (!is_space(c)) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  cut_utf8(out, kMaxStatsQueryBytes);
  return out;
}

void QueryStats::record(Day day, std::string_view typed, std::string_view corrected, std::uint64_t results) {
  std::lock_guard lock(mutex_);
  std::string query = normalize_locked(typed);
  if (query.empty()) return;
  if (days_.empty() || day > days_.rbegin()->first) forget_days_before(day - std::chrono::days(kMaxStatsDays - 1));
  DayCounts& counts = days_[day];
  ++counts.searches;
  ++recorded_;
  auto it = counts.queries.find(query);
  if (it == counts.queries.end()) {
    if (counts.queries.size() >= kMaxQueriesPerDay) {
      ++counts.not_kept;
      return;
    }
    it = counts.queries.emplace(query, Counts{}).first;
  }
  ++it->second.searches;
  it->second.zero += results == 0;
  it->second.few += results > 0 && results <= kFewResults;
  if (corrected.empty()) return;
  std::pair key{std::move(query), normalize_locked(corrected)};
  if (key.first == key.second) return;
  const auto correction = counts.corrections.find(key);
  if (correction != counts.corrections.end()) ++correction->second;
  else if (counts.corrections.size() < kMaxCorrectionsPerDay) counts.corrections.emplace(std::move(key), 1);
}

void QueryStats::forget_days_before(Day first) { days_.erase(days_.begin(), days_.lower_bound(first)); }

std::uint64_t QueryStats::recorded() const {
  std::lock_guard lock(mutex_);
  return recorded_;
}

QueryReport QueryStats::report(Day today, unsigned days, std::size_t limit) const {
  QueryReport report;
  report.last = today;
  report.first = today - std::chrono::days(std::max(days, 1u) - 1);
  std::unordered_map<std::string, Counts> queries;
  std::map<std::pair<std::string, std::string>, std::uint64_t> corrections;
  {
    std::lock_guard lock(mutex_);
    for (auto it = days_.lower_bound(report.first); it != days_.end() && it->first <= report.last; ++it) {
      report.searches += it->second.searches;
      report.not_kept += it->second.not_kept;
      for (const auto& [query, counts] : it->second.queries) {
        Counts& sum = queries[query];
        sum.searches += counts.searches;
        sum.zero += counts.zero;
        sum.few += counts.few;
      }
      for (const auto& [key, count] : it->second.corrections) corrections[key] += count;
    }
  }
  std::vector<QueryCount> top, zero, few;
  for (const auto& [query, counts] : queries) {
    top.push_back({query, counts.searches});
    zero.push_back({query, counts.zero});
    few.push_back({query, counts.few});
  }
  std::vector<CorrectionCount> applied;
  for (const auto& [key, count] : corrections) applied.push_back({key.first, key.second, count});
  report.top = most_frequent(std::move(top), limit);
  report.zero_results = most_frequent(std::move(zero), limit);
  report.few_results = most_frequent(std::move(few), limit);
  report.corrections = most_frequent(std::move(applied), limit);
  return report;
}

void QueryStats::save(const std::string& path) const {
  std::ostringstream text;
  text << kHeader << '\n';
  {
    std::lock_guard lock(mutex_);
    for (const auto& [day, counts] : days_) {
      const std::string date = day_text(day);
      text << date << "\td\t" << counts.searches << '\t' << counts.not_kept << '\n';
      for (const auto& [query, c] : counts.queries) {
        text << date << "\tq\t" << c.searches << '\t' << c.zero << '\t' << c.few << '\t' << query << '\n';
      }
      for (const auto& [key, count] : counts.corrections) {
        text << date << "\tc\t" << count << '\t' << key.first << '\t' << key.second << '\n';
      }
    }
  }
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc | std::ios::binary);
    out << text.str();
    out.flush();
    if (!out) throw std::runtime_error("impossible d'écrire " + temporary);
  }
  chmod(temporary.c_str(), 0600);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) throw std::runtime_error("impossible de remplacer " + path);
}

void QueryStats::load(const std::string& path) {
  std::map<Day, DayCounts> days;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  for (std::size_t number = 1; in && std::getline(in, line); ++number) {
    if (line.empty() || line.front() == '#') continue;
    const auto fail = [&](const std::string& reason) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + reason);
    };
    const std::vector<std::string_view> f = split_tabs(line);
    Day day;
    if (f.size() < 2 || !parse_day(f[0], day)) fail("date AAAA-MM-JJ attendue en première colonne");
    DayCounts& counts = days[day];
    std::uint64_t a = 0, b = 0, c = 0;
    if (f[1] == "d" && f.size() == 4 && parse_count(f[2], a) && parse_count(f[3], b)) {
      counts.searches = a;
      counts.not_kept = b;
    } else if (f[1] == "q" && f.size() == 6 && parse_count(f[2], a) && parse_count(f[3], b) && parse_count(f[4], c) &&
               !f[5].empty()) {
      // A file edited by hand cannot grow a day past the cap.
      if (counts.queries.size() < kMaxQueriesPerDay) counts.queries[std::string(f[5])] = {a, b, c};
      else counts.not_kept += a;
    } else if (f[1] == "c" && f.size() == 5 && parse_count(f[2], a) && !f[3].empty() && !f[4].empty()) {
      if (counts.corrections.size() < kMaxCorrectionsPerDay)
        counts.corrections[{std::string(f[3]), std::string(f[4])}] = a;
    } else {
      fail("ligne attendue : date, d|q|c, puis les compteurs et les textes séparés par des tabulations");
    }
  }
  std::lock_guard lock(mutex_);
  days_ = std::move(days);
  if (!days_.empty()) forget_days_before(days_.rbegin()->first - std::chrono::days(kMaxStatsDays - 1));
}

}  // namespace tec::searchd
