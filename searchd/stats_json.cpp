// Rendering of the query statistics with RapidJSON.
#include "searchd/stats_json.h"

#include <cstdio>

#include "searchd/json_writer.h"

namespace tec::searchd {
namespace {

std::string iso_day(Day day) {
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

void put_queries(JsonWriter& w, const char* key, const std::vector<QueryCount>& counts) {
  w.Key(key);
  w.StartArray();
  for (const QueryCount& c : counts) {
    w.StartObject();
    put(w, "query", c.query);
    w.Key("count");
    w.Uint64(c.count);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

std::string render_query_stats(const QueryReport& report, unsigned days) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("period");
  w.StartObject();
  put(w, "from", iso_day(report.first));
  put(w, "to", iso_day(report.last));
  w.Key("days");
  w.Uint(days);
  w.EndObject();
  w.Key("searches");
  w.Uint64(report.searches);
  w.Key("not_kept");
  w.Uint64(report.not_kept);
  put_queries(w, "top", report.top);
  put_queries(w, "zero_results", report.zero_results);
  w.Key("few_results_max");
  w.Uint64(kFewResults);
  put_queries(w, "few_results", report.few_results);
  w.Key("corrections");
  w.StartArray();
  for (const CorrectionCount& c : report.corrections) {
    w.StartObject();
    put(w, "typed", c.typed);
    put(w, "corrected", c.corrected);
    w.Key("count");
    w.Uint64(c.count);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

}  // namespace tec::searchd
