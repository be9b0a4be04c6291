// Reading the profile of a recommendation request, from a JSON body or from
// query parameters, as recommend_request.h describes.
#include "searchd/recommend_request.h"

#include <rapidjson/document.h>

#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/json_errors.h"
#include "analysis/utf8.h"
#include "searchd/http_errors.h"

namespace tec::searchd {
namespace {

HttpError bad_profile(const std::string& message) { return HttpError(400, "profil_invalide", message); }

// A profile field's JSON value as text; `name` is the field, for the error.
std::string text_value(const rapidjson::Value& value, const char* name) {
  if (!value.IsString()) throw bad_profile(std::string(name) + " : texte attendu");
  return {value.GetString(), value.GetStringLength()};
}

std::vector<std::string> text_list_value(const rapidjson::Value& value, const char* name) {
  if (!value.IsArray()) throw bad_profile(std::string(name) + " : liste de textes attendue");
  std::vector<std::string> out;
  for (const auto& item : value.GetArray()) out.push_back(text_value(item, name));
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
  if (error != std::errc() || end != text.data() + text.size() || value < 0)
    throw bad_profile("population : entier positif attendu");
  return value;
}

}  // namespace

recommend::ProfileRequest profile_from_json(std::string_view body) {
  if (analysis::first_invalid_utf8(body)) throw bad_profile("corps de la requête : UTF-8 invalide");
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError())
    throw bad_profile(std::string("corps de la requête : JSON invalide à l'octet ") +
                      std::to_string(doc.GetErrorOffset()) + " : " +
                      analysis::json_parse_error_fr(doc.GetParseError()));
  if (!doc.IsObject()) throw bad_profile("corps de la requête : objet JSON attendu");
  recommend::ProfileRequest request;
  for (const auto& member : doc.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    const rapidjson::Value& value = member.value;
    if (value.IsNull()) continue;
    if (name == "insee") request.insee = text_value(value, "insee");
    else if (name == "siren") request.siren = text_value(value, "siren");
    else if (name == "departement") request.departement = text_value(value, "departement");
    else if (name == "region") request.region = text_value(value, "region");
    else if (name == "territory_type") request.territory_type = text_value(value, "territory_type");
    else if (name == "population") {
      if (!value.IsInt64() || value.GetInt64() < 0) throw bad_profile("population : entier positif attendu");
      request.population = value.GetInt64();
    } else if (name == "themes") request.themes = text_list_value(value, "themes");
    else if (name == "audiences") request.audiences = text_list_value(value, "audiences");
    else if (name == "participation_level") request.participation_level = text_value(value, "participation_level");
    else if (name == "maturity") request.maturity = text_value(value, "maturity");
    else if (name == "need") request.need = text_value(value, "need");
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

}  // namespace tec::searchd
