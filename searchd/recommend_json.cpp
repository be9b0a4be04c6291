// Reading profiles and rendering recommendations, territories and similar
// resources with RapidJSON.
#include "searchd/recommend_json.h"

#include <rapidjson/document.h>

#include <charconv>
#include <cmath>

#include "analysis/json_errors.h"
#include "analysis/utf8.h"
#include "searchd/http_errors.h"
#include "searchd/json_writer.h"

namespace tec::searchd {
namespace {

using territory::Territory;
using territory::TerritoryKind;

HttpError bad_profile(const std::string& message) { return HttpError(400, "profil_invalide", message); }

std::string string_member(const rapidjson::Value& value, const char* name) {
  if (!value.IsString()) throw bad_profile(std::string(name) + " : texte attendu");
  return {value.GetString(), value.GetStringLength()};
}

std::vector<std::string> string_list_member(const rapidjson::Value& value, const char* name) {
  if (!value.IsArray()) throw bad_profile(std::string(name) + " : liste de textes attendue");
  std::vector<std::string> out;
  for (const auto& item : value.GetArray()) out.push_back(string_member(item, name));
  return out;
}

bool bool_text(const std::string& text, const char* name) {
  if (text == "true" || text == "1" || text == "oui") return true;
  if (text == "false" || text == "0" || text == "non" || text.empty()) return false;
  throw bad_profile(std::string(name) + " : true ou false attendu");
}

std::int64_t population_text(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) throw bad_profile("population : entier positif attendu");
  return value;
}

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

recommend::ProfileRequest profile_from_json(std::string_view body) {
  if (analysis::first_invalid_utf8(body)) throw bad_profile("corps de la requête : UTF-8 invalide");
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError()) throw bad_profile(std::string("corps de la requête : JSON invalide à l'octet ") + std::to_string(doc.GetErrorOffset()) + " : " + analysis::json_parse_error_fr(doc.GetParseError()));
  if (!doc.IsObject()) throw bad_profile("corps de la requête : objet JSON attendu");
  recommend::ProfileRequest request;
  for (const auto& member : doc.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const rapidjson::Value& value = member.value;
    if (value.IsNull()) continue;
    if (name == "insee") request.insee = string_member(value, "insee");
    else if (name == "siren") request.siren = string_member(value, "siren");
    else if (name == "departement") request.departement = string_member(value, "departement");
    else if (name == "region") request.region = string_member(value, "region");
    else if (name == "territory_type") request.territory_type = string_member(value, "territory_type");
    else if (name == "population") {
      if (!value.IsInt64() || value.GetInt64() < 0) throw bad_profile("population : entier positif attendu");
      request.population = value.GetInt64();
    } else if (name == "themes") request.themes = string_list_member(value, "themes");
    else if (name == "audiences") request.audiences = string_list_member(value, "audiences");
    else if (name == "participation_level") request.participation_level = string_member(value, "participation_level");
    else if (name == "maturity") request.maturity = string_member(value, "maturity");
    else if (name == "need") request.need = string_member(value, "need");
    else if (name == "prefers_online") {
      if (!value.IsBool()) throw bad_profile("prefers_online : true ou false attendu");
      request.prefers_online = value.GetBool();
    } else {
      throw bad_profile("champ inconnu « " + name + " »");
    }
  }
  return request;
}

recommend::ProfileRequest profile_from_query(const httplib::Request& req) {
  const auto text = [&](const char* name) {
    std::string value = req.has_param(name) ? req.get_param_value(name) : std::string();
    if (analysis::first_invalid_utf8(value)) throw bad_profile(std::string(name) + " : UTF-8 invalide");
    return value;
  };
  const auto list = [&](const char* name) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i < req.get_param_value_count(name); ++i) {
      std::string value = req.get_param_value(name, i);
      if (analysis::first_invalid_utf8(value)) throw bad_profile(std::string(name) + " : UTF-8 invalide");
      values.push_back(std::move(value));
    }
    return values;
  };
  recommend::ProfileRequest request;
  request.insee = text("insee");
  request.siren = text("siren");
  request.departement = text("departement");
  request.region = text("region");
  request.territory_type = text("territory_type");
  if (req.has_param("population")) request.population = population_text(text("population"));
  request.themes = list("themes");
  request.audiences = list("audiences");
  request.participation_level = text("participation_level");
  request.maturity = text("maturity");
  request.need = text("need");
  request.prefers_online = bool_text(text("prefers_online"), "prefers_online");
  return request;
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
