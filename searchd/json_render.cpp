// Rendering of search results, errors and health as JSON.
#include "searchd/json_render.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tec::searchd {
namespace {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

void put(JsonWriter& w, const char* key, std::string_view value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string take(const rapidjson::StringBuffer& buffer) { return {buffer.GetString(), buffer.GetSize()}; }

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
  w.Key("took_ms");
  w.Double(took_ms);
  w.Key("results");
  w.StartArray();
  for (const ranking::SearchHit& hit : response.hits) {
    w.StartObject();
    put(w, "id", hit.id);
    put(w, "source", hit.source);
    put(w, "type", hit.type);
    put(w, "title", hit.title);
    put(w, "title_html", hit.title_html);
    put(w, "summary", hit.summary);
    put(w, "url", hit.url);
    w.Key("score");
    w.Double(hit.score);
    put(w, "snippet", hit.snippet);
    w.EndObject();
  }
  w.EndArray();
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
