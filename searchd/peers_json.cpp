// Reading peer queries and cohort requests, rendering peers and cohorts,
// with RapidJSON.
#include "searchd/peers_json.h"

#include <rapidjson/document.h>

#include <charconv>
#include <cmath>
#include <functional>

#include "analysis/json_errors.h"
#include "analysis/utf8.h"
#include "peers/peer_params.h"
#include "searchd/http_errors.h"
#include "searchd/json_writer.h"
#include "searchd/recommend_json.h"

namespace tec::searchd {
namespace {

constexpr std::size_t kMaxTextBytes = 2000;

HttpError bad_parameter(const std::string& message) { return HttpError(400, "parametre_invalide", message); }
HttpError bad_request(const std::string& message) { return HttpError(400, "requete_invalide", message); }

std::string checked_text(std::string value, const std::string& name,
                         const std::function<HttpError(const std::string&)>& error) {
  if (analysis::first_invalid_utf8(value) || value.size() > kMaxTextBytes) {
    throw error(name + " : texte UTF-8 de " + std::to_string(kMaxTextBytes) + " octets au plus attendu");
  }
  return value;
}

std::vector<std::string> json_strings(const rapidjson::Value& value, const char* name) {
  if (!value.IsArray()) throw bad_request(std::string(name) + " : liste de textes attendue");
  std::vector<std::string> out;
  for (const auto& item : value.GetArray()) {
    if (!item.IsString()) throw bad_request(std::string(name) + " : liste de textes attendue");
    std::string text = checked_text({item.GetString(), item.GetStringLength()}, name, bad_request);
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

void put_resource(JsonWriter& w, const peers::PeerResource& r) {
  w.StartObject();
  put(w, "source", r.source);
  put(w, "id", r.id);
  put(w, "type", r.type);
  put(w, "title", r.title);
  put_or_null(w, "url", r.url);
  w.Key("year");
  int year = 0;
  if (std::from_chars(r.year.data(), r.year.data() + r.year.size(), year).ec == std::errc() && !r.year.empty())
    w.Int(year);
  else w.Null();
  w.EndObject();
}

void put_took(JsonWriter& w, double took_ms) {
  w.Key("took_ms");
  w.Double(std::round(took_ms * 100) / 100);
}

}  // namespace

peers::PeerQuery peer_query_from_request(const httplib::Request& req) {
  peers::PeerQuery query;
  for (std::size_t i = 0; i < req.get_param_value_count("themes"); ++i) {
    std::string theme = checked_text(req.get_param_value("themes", i), "paramètre themes", bad_parameter);
    if (!theme.empty()) query.themes.push_back(std::move(theme));
  }
  if (req.has_param("need")) query.need = checked_text(req.get_param_value("need"), "paramètre need", bad_parameter);
  query.limit = peers::kDefaultPeers;
  if (req.has_param("limit")) {
    const std::string text = req.get_param_value("limit");
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1 || value > peers::kMaxPeers) {
      throw bad_parameter("paramètre limit : entier entre 1 et " + std::to_string(peers::kMaxPeers) + " attendu");
    }
    query.limit = value;
  }
  return query;
}

CohortRequest cohort_request_from_json(std::string_view body) {
  if (analysis::first_invalid_utf8(body)) throw bad_request("corps de la requête : UTF-8 invalide");
  rapidjson::Document doc;
  doc.Parse(body.data(), body.size());
  if (doc.HasParseError())
    throw bad_request(std::string("corps de la requête : JSON invalide à l'octet ") +
                      std::to_string(doc.GetErrorOffset()) + " : " +
                      analysis::json_parse_error_fr(doc.GetParseError()));
  if (!doc.IsObject()) throw bad_request("corps de la requête : objet JSON attendu");
  CohortRequest request;
  for (const auto& member : doc.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    if (member.value.IsNull()) continue;
    if (name == "themes") request.query.themes = json_strings(member.value, "themes");
    else if (name == "codes") request.codes = json_strings(member.value, "codes");
    else if (name == "need") {
      if (!member.value.IsString()) throw bad_request("need : texte attendu");
      request.query.need =
          checked_text({member.value.GetString(), member.value.GetStringLength()}, "need", bad_request);
    } else {
      throw bad_request("champ inconnu « " + name + " »");
    }
  }
  if (request.query.themes.empty() && request.query.need.empty())
    throw bad_request("themes ou need : au moins un thème ou un besoin attendu");
  if (request.codes.empty()) throw bad_request("codes : au moins un code de collectivité attendu");
  if (request.codes.size() > peers::kMaxCohortCodes) {
    throw bad_request("codes : " + std::to_string(peers::kMaxCohortCodes) + " collectivités au plus");
  }
  return request;
}

std::string render_peers(const territory::Territory& of, const std::vector<peers::Peer>& found,
                         const territory::Territories& territories, double took_ms) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("territory");
  w.StartObject();
  put_territory_fields(w, of, territories);
  w.EndObject();
  put_took(w, took_ms);
  w.Key("peers");
  w.StartArray();
  for (const peers::Peer& peer : found) {
    const territory::Territory& t = *peer.territory;
    w.StartObject();
    put(w, "code", t.code);
    put(w, "name", t.name);
    put(w, "type", territory::kind_name(t.kind));
    w.Key("population");
    if (t.population) w.Int64(*t.population);
    else w.Null();
    w.Key("distance_km");
    if (peer.distance_km) w.Int64(std::max(1L, std::lround(*peer.distance_km)));
    else w.Null();
    w.Key("score");
    w.Double(std::round(peer.score * 100) / 100);
    w.Key("resources");
    w.StartArray();
    for (const peers::PeerResource& r : peer.resources) put_resource(w, r);
    w.EndArray();
    put_list(w, "reasons", peer.reasons);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

std::string render_cohorts(const peers::CohortPlan& plan,
                           const std::vector<std::vector<peers::PeerResource>>& resources,
                           const territory::Territories& territories, double took_ms) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  put_took(w, took_ms);
  w.Key("cohorts");
  w.StartArray();
  for (std::size_t i = 0; i < plan.cohorts.size(); ++i) {
    const peers::Cohort& cohort = plan.cohorts[i];
    w.StartObject();
    w.Key("codes");
    w.StartArray();
    for (const territory::Territory* t : cohort.members) put_string(w, t->code);
    w.EndArray();
    w.Key("members");
    w.StartArray();
    for (const territory::Territory* t : cohort.members) {
      w.StartObject();
      put_territory_fields(w, *t, territories);
      w.EndObject();
    }
    w.EndArray();
    put_list(w, "reasons", cohort.reasons);
    w.Key("resources");
    w.StartArray();
    for (const peers::PeerResource& r : resources[i]) put_resource(w, r);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("unassigned");
  w.StartArray();
  for (const territory::Territory* t : plan.unassigned) {
    w.StartObject();
    put(w, "code", t->code);
    put(w, "name", t->name);
    put(w, "type", territory::kind_name(t->kind));
    put(w, "reason",
        "Aucun groupe de " + std::to_string(peers::kMinCohort) +
            " collectivités assez proches en nature, taille et lieu");
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return take(buffer);
}

}  // namespace tec::searchd
