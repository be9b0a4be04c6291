// Reading ResourceFacts from the stored record with RapidJSON. Records were
// validated at indexing, so a field of the wrong type is simply skipped.
#include "recommend/resource_facts.h"

#include <rapidjson/document.h>

#include "schema/stored_document.h"

namespace tec::recommend {
namespace {

std::vector<std::string> string_list(const rapidjson::Value& object, const char* name) {
  std::vector<std::string> out;
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsArray()) return out;
  for (const auto& item : it->value.GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return out;
}

std::optional<std::int64_t> integer_field(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  if (it == object.MemberEnd() || !it->value.IsInt64()) return std::nullopt;
  return it->value.GetInt64();
}

}  // namespace

bool is_workshop(const std::string& type) { return type == "atelier" || type == "formation"; }

std::optional<ResourceFacts> facts_of(const std::string& document_data) {
  rapidjson::Document document;
  const rapidjson::Value* found = schema::StoredDocument::parse_record(document_data, document);
  if (!found) return std::nullopt;
  const rapidjson::Value& record = *found;
  ResourceFacts facts;
  facts.id = schema::string_member(record, "id");
  facts.source = schema::string_member(record, "source");
  facts.type = schema::string_member(record, "type");
  facts.title = schema::string_member(record, "title");
  facts.summary = schema::string_member(record, "summary");
  facts.url = schema::string_member(record, "url");
  facts.themes = string_list(record, "themes");
  facts.participation_levels = string_list(record, "participation_levels");
  facts.audiences = string_list(record, "audiences");
  facts.territory_types = string_list(record, "territory_types");
  facts.territories = string_list(record, "territories");
  facts.format = schema::string_member(record, "format");
  facts.population_min = integer_field(record, "population_min");
  facts.population_max = integer_field(record, "population_max");
  if (const auto sessions = record.FindMember("sessions"); sessions != record.MemberEnd() && sessions->value.IsArray()) {
    for (const auto& item : sessions->value.GetArray()) {
      if (!item.IsObject()) continue;
      SessionFacts session;
      session.start = schema::string_member(item, "start");
      session.date = session.start.substr(0, 10);
      session.location = schema::string_member(item, "location");
      session.departement = schema::string_member(item, "department");
      const auto online = item.FindMember("online");
      session.online = online != item.MemberEnd() && online->value.IsBool() && online->value.GetBool();
      session.seats_left = integer_field(item, "seats_left");
      session.registration_url = schema::string_member(item, "registration_url");
      if (!session.date.empty()) facts.sessions.push_back(std::move(session));
    }
  }
  return facts;
}

}  // namespace tec::recommend
