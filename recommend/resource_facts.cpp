// Reading ResourceFacts from the stored record with RapidJSON. Records were
// validated at indexing, so a field of the wrong type is simply skipped.
#include "recommend/resource_facts.h"

#include <rapidjson/document.h>

#include "schema/json_members.h"
#include "schema/stored_document.h"

namespace tec::recommend {

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
  facts.themes = schema::string_list_member(record, "themes");
  facts.participation_levels = schema::string_list_member(record, "participation_levels");
  facts.audiences = schema::string_list_member(record, "audiences");
  facts.territory_types = schema::string_list_member(record, "territory_types");
  facts.territories = schema::string_list_member(record, "territories");
  facts.format = schema::string_member(record, "format");
  facts.population_min = schema::integer_member(record, "population_min");
  facts.population_max = schema::integer_member(record, "population_max");
  if (const auto sessions = record.FindMember("sessions");
      sessions != record.MemberEnd() && sessions->value.IsArray()) {
    for (const auto& item : sessions->value.GetArray()) {
      if (!item.IsObject()) continue;
      SessionFacts session;
      session.start = schema::string_member(item, "start");
      session.date = session.start.substr(0, 10);
      session.location = schema::string_member(item, "location");
      session.departement = schema::string_member(item, "department");
      session.online = schema::true_member(item, "online");
      session.seats_left = schema::integer_member(item, "seats_left");
      session.registration_url = schema::string_member(item, "registration_url");
      if (!session.date.empty()) facts.sessions.push_back(std::move(session));
    }
  }
  return facts;
}

}  // namespace tec::recommend
