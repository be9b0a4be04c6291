// Rendering of search results, errors and health as JSON.
#include "searchd/json_render.h"

#include <rapidjson/document.h>

#include <filesystem>

#include "searchd/json_writer.h"

namespace tec::searchd {
namespace {

// A search result's identity, and its title with the query's words marked.
void put_hit_identity(JsonWriter& w, const ranking::SearchHit& hit) {
  put_resource_identity(w, hit.id, hit.source, hit.type, hit.title, hit.url);
  put(w, "title_html", hit.title_html);
}

// A sync report as shown over HTTP: file names without their directories,
// which are the server's own (spool, data folders).
std::string without_directories(const std::string& report_json) {
  rapidjson::Document report;
  report.Parse(report_json.c_str());
  if (report.HasParseError() || !report.IsObject()) return "{}";
  const auto base_name = [&](rapidjson::Value& value) {
    if (!value.IsString()) return;
    const std::string name = std::filesystem::path(value.GetString()).filename().string();
    value.SetString(name.c_str(), static_cast<rapidjson::SizeType>(name.size()), report.GetAllocator());
  };
  if (report.HasMember("files") && report["files"].IsArray()) {
    for (auto& file : report["files"].GetArray()) base_name(file);
  }
  for (const char* list : {"rejected", "duplicates"}) {
    if (!report.HasMember(list) || !report[list].IsArray()) continue;
    for (auto& line : report[list].GetArray()) {
      if (line.IsObject() && line.HasMember("file")) base_name(line["file"]);
    }
  }
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  report.Accept(w);
  return take(buffer);
}

}  // namespace

std::string render_search(std::string_view query, const ranking::SearchRequest& request,
                          const ranking::SearchResponse& response, double took_ms) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put(w, "query", query);
  w.Key("total");
  w.Uint(response.total);
  w.Key("page");
  w.Uint(request.page);
  w.Key("per_page");
  w.Uint(request.per_page);
  w.Key("total_exact");
  w.Bool(response.total_exact);
  w.Key("took_ms");
  w.Double(took_ms);
  w.Key("corrected_query");
  if (response.corrected_query.empty()) w.Null();
  else put_string(w, response.corrected_query);
  w.Key("partial");
  w.Bool(response.partial);
  w.Key("ignored");
  w.StartArray();
  for (const ranking::IgnoredWord& ignored : response.ignored) {
    w.StartObject();
    put(w, "word", ignored.word);
    put(w, "reason", ignored.reason == ranking::IgnoredWord::Reason::TooLong ? "trop_long" : "mot_vide");
    w.EndObject();
  }
  w.EndArray();
  w.Key("results");
  w.StartArray();
  for (const ranking::SearchHit& hit : response.hits) {
    w.StartObject();
    put_hit_identity(w, hit);
    put(w, "summary", hit.summary);
    w.Key("score");
    w.Double(hit.score);
    put(w, "snippet", hit.snippet);
    w.EndObject();
  }
  w.EndArray();
  w.Key("facets");
  w.StartObject();
  for (const ranking::FacetCounts& facet : response.facets) {
    w.Key(facet.name.c_str());
    w.StartArray();
    for (const ranking::FacetValue& value : facet.values) {
      w.StartObject();
      put(w, "value", value.value);
      w.Key("count");
      w.Uint(value.count);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();
  return take(buffer);
}

std::string render_suggest(std::string_view query, const ranking::SuggestResponse& response, double took_ms) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put(w, "query", query);
  w.Key("took_ms");
  w.Double(took_ms);
  w.Key("completions");
  w.StartArray();
  for (const ranking::Completion& completion : response.completions) {
    w.StartObject();
    put(w, "text", completion.text);
    w.Key("documents");
    w.Uint(completion.documents);
    w.EndObject();
  }
  w.EndArray();
  w.Key("titles");
  w.StartArray();
  for (const ranking::SearchHit& hit : response.titles) {
    w.StartObject();
    put_hit_identity(w, hit);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

std::string render_sources(const std::vector<SourceSummary>& sources) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("sources");
  w.StartArray();
  for (const SourceSummary& source : sources) {
    w.StartObject();
    put(w, "source", source.source);
    w.Key("documents");
    w.Uint(source.documents);
    w.Key("last_sync");
    if (source.last_sync_json.empty()) {
      w.Null();
    } else {
      const std::string report = without_directories(source.last_sync_json);
      w.RawValue(report.data(), report.size(), rapidjson::kObjectType);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

std::string render_sync_status(const SyncStatus& status) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put(w, "id", status.id);
  put(w, "source", status.source);
  put(w, "state", status.state);
  put(w, "received_at", status.received_at);
  put(w, "status_url", "/v1/sources/" + status.source + "/syncs/" + status.id);
  w.Key("report");
  if (status.report_json.empty()) {
    w.Null();
  } else {
    const std::string report = without_directories(status.report_json);
    w.RawValue(report.data(), report.size(), rapidjson::kObjectType);
  }
  w.Key("error");
  if (status.error.empty()) w.Null();
  else put_string(w, status.error);
  w.EndObject();
  return take(buffer);
}

std::string render_error(std::string_view code, std::string_view message) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("error");
  w.StartObject();
  put(w, "code", code);
  put(w, "message", message);
  w.EndObject();
  w.EndObject();
  return take(buffer);
}

std::string render_health(Xapian::doccount documents, Xapian::rev revision) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put(w, "status", "ok");
  w.Key("documents");
  w.Uint(documents);
  w.Key("revision");
  w.Uint64(revision);
  w.EndObject();
  return take(buffer);
}

}  // namespace tec::searchd
