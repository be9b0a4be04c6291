// Rendering recommendations, territories and similar resources with
// RapidJSON.
#include "searchd/recommend_json.h"

#include <cmath>

#include "searchd/json_writer.h"

namespace tec::searchd {
namespace {

using territory::Territory;
using territory::TerritoryKind;

void put_item(JsonWriter& w, const recommend::RecommendedItem& item, bool with_sessions) {
  w.StartObject();
  put_resource_identity(w, item.id, item.source, item.type, item.title, item.url);
  put(w, "summary", item.summary);
  w.Key("score");
  w.Double(std::round(item.score * 100) / 100);
  put_list(w, "reasons", item.reasons);
  if (with_sessions) {
    w.Key("sessions");
    w.StartArray();
    for (const recommend::SessionFacts& session : item.sessions) {
      w.StartObject();
      put(w, "start", session.start);
      put_or_null(w, "location", session.location);
      put_or_null(w, "department", session.departement);
      w.Key("online");
      w.Bool(session.online);
      w.Key("seats_left");
      if (session.seats_left) w.Int64(*session.seats_left);
      else w.Null();
      put_or_null(w, "registration_url", session.registration_url);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

void put_territory_fields(JsonWriter& w, const Territory& t, const territory::Territories& territories) {
  put(w, "type", territory::kind_name(t.kind));
  put(w, "code", t.code);
  put(w, "name", t.name);
  w.Key("population");
  if (t.population) w.Int64(*t.population);
  else w.Null();
  const Territory* departement = territories.find(TerritoryKind::Departement, t.departement);
  const Territory* region = territories.find(TerritoryKind::Region, t.region);
  put_or_null(w, "departement", t.departement);
  put_or_null(w, "departement_name", departement ? departement->name : "");
  put_or_null(w, "region", t.region);
  put_or_null(w, "region_name", region ? region->name : "");
  if (t.kind == TerritoryKind::Commune) {
    const Territory* epci = territories.find(TerritoryKind::Epci, t.epci);
    put_or_null(w, "epci", t.epci);
    put_or_null(w, "epci_name", epci ? epci->name : "");
  }
  if (t.kind == TerritoryKind::Epci) {
    put(w, "nature", t.nature);
    w.Key("member_communes");
    w.Uint64(territories.member_count(t.code));
  }
}

std::string render_recommendation(const recommend::CollectivityProfile& profile, std::string_view today,
                                  const recommend::Recommendation& recommendation, double took_ms) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("profile");
  w.StartObject();
  put_or_null(w, "territory_type", profile.territory_type);
  put_or_null(w, "code", profile.code);
  put_or_null(w, "name", profile.name);
  w.Key("population");
  if (profile.population) w.Int64(*profile.population);
  else w.Null();
  put_or_null(w, "departement", profile.departement);
  put_or_null(w, "departement_name", profile.departement_name);
  put_or_null(w, "region", profile.region);
  put_or_null(w, "region_name", profile.region_name);
  put_or_null(w, "epci", profile.epci);
  put_or_null(w, "epci_name", profile.epci_name);
  if (profile.territory_type == "epci") {
    w.Key("member_communes");
    w.Uint64(profile.member_communes);
  }
  put_list(w, "themes", profile.themes);
  put_or_null(w, "participation_level", profile.participation_level);
  put_list(w, "audiences", profile.audiences);
  w.Key("prefers_online");
  w.Bool(profile.prefers_online);
  put_or_null(w, "maturity", profile.maturity);
  put_or_null(w, "need", profile.need);
  w.EndObject();
  put(w, "now", today);
  w.Key("took_ms");
  w.Double(took_ms);
  w.Key("resources");
  w.StartArray();
  for (const auto& item : recommendation.resources) put_item(w, item, false);
  w.EndArray();
  w.Key("workshops");
  w.StartArray();
  for (const auto& item : recommendation.workshops) put_item(w, item, true);
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

std::string render_territories(std::string_view query, const std::vector<const Territory*>& found,
                               const territory::Territories& territories) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put(w, "query", query);
  w.Key("territories");
  w.StartArray();
  for (const Territory* t : found) {
    w.StartObject();
    put_territory_fields(w, *t, territories);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

std::string render_territory(const Territory& territory, const territory::Territories& territories) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put_territory_fields(w, territory, territories);
  w.EndObject();
  return take(buffer);
}

std::string render_similar(std::string_view source, std::string_view id, const std::vector<ranking::SearchHit>& hits) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put(w, "source", source);
  put(w, "id", id);
  w.Key("results");
  w.StartArray();
  for (const ranking::SearchHit& hit : hits) {
    w.StartObject();
    put_resource_identity(w, hit.id, hit.source, hit.type, hit.title, hit.url);
    put(w, "summary", hit.summary);
    w.Key("score");
    w.Double(hit.score);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

}  // namespace tec::searchd
