// Recommendation and territory routes: parse, call the recommend layer,
// render.
#include "searchd/recommend_routes.h"

#include <charconv>
#include <chrono>

#include "analysis/utf8.h"
#include "ranking/more_like_this.h"
#include "recommend/profile_resolver.h"
#include "recommend/recommend_params.h"
#include "recommend/recommender.h"
#include "searchd/http_errors.h"
#include "searchd/recommend_json.h"
#include "searchd/today_param.h"

namespace tec::searchd {
namespace {

using territory::TerritoryKind;

std::size_t limit_param(const httplib::Request& req, const char* name, std::size_t fallback, std::size_t max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > max) {
    throw HttpError(400, "parametre_invalide", std::string("paramètre ") + name + " : entier entre 0 et " + std::to_string(max) + " attendu");
  }
  return value;
}

const territory::Territories& need(const territory::Territories* territories) {
  if (!territories) throw HttpError(503, "territoires_indisponibles", "le référentiel des territoires n'est pas chargé sur ce serveur");
  return *territories;
}

void answer_recommendation(const httplib::Request& req, httplib::Response& res, IndexAccess& index,
                           const territory::Territories* territories, const recommend::ProfileRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  recommend::CollectivityProfile profile;
  try {
    profile = recommend::ProfileResolver(territories).resolve(request);
  } catch (const recommend::ProfileError& e) {
    if (e.kind == recommend::ProfileError::Kind::UnknownTerritory) throw HttpError(404, "territoire_inconnu", e.what());
    throw HttpError(400, "profil_invalide", e.what());
  }
  recommend::RecommendOptions options;
  options.today = today_param(req);
  options.resources = limit_param(req, "limit", recommend::kDefaultLimit, recommend::kMaxLimit);
  options.workshops = limit_param(req, "workshops_limit", 5, recommend::kMaxLimit);
  const recommend::Recommendation recommendation = index.run([&](IndexAccess::Reader& reader) {
    return recommend::Recommender(reader.db, reader.analyzer, reader.lexicon.get(), territories).recommend(profile, options);
  });
  const double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  res.set_content(render_recommendation(profile, options.today, recommendation, took_ms), kJson);
}

}  // namespace

void register_recommend_routes(RouteTable& routes, IndexAccess& index, const territory::Territories* territories) {
  routes.Get("/v1/recommend", handler([&index, territories](const httplib::Request& req, httplib::Response& res) {
    answer_recommendation(req, res, index, territories, profile_from_query(req));
  }));

  routes.Post("/v1/recommend", handler([&index, territories](const httplib::Request& req, httplib::Response& res) {
    if (req.body.size() > kMaxProfileBytes) {
      throw HttpError(413, "profil_trop_long", "profil de " + std::to_string(req.body.size()) + " octets, " + std::to_string(kMaxProfileBytes) + " au plus");
    }
    answer_recommendation(req, res, index, territories, profile_from_json(req.body));
  }));

  routes.Get("/v1/territories", handler([territories](const httplib::Request& req, httplib::Response& res) {
    const territory::Territories& all = need(territories);
    const std::string q = req.has_param("q") ? req.get_param_value("q") : std::string();
    if (analysis::first_invalid_utf8(q) || q.size() > 200) throw HttpError(400, "parametre_invalide", "paramètre q : texte UTF-8 de 200 octets au plus attendu");
    std::optional<TerritoryKind> kind;
    if (req.has_param("type")) {
      kind = territory::kind_from_name(req.get_param_value("type"));
      if (!kind) throw HttpError(400, "parametre_invalide", "paramètre type : commune, epci, departement ou region attendu");
    }
    const std::size_t limit = limit_param(req, "limit", 10, kMaxTerritorySuggestions);
    res.set_content(render_territories(q, all.complete(q, limit, kind), all), kJson);
  }));

  // A 9-digit code is an EPCI, 5 characters a commune, 2 or 3 a département
  // (or a région with type=region, or written r76 as resources do).
  routes.Get(R"(/v1/territories/([0-9A-Za-z]+))", handler([territories](const httplib::Request& req, httplib::Response& res) {
    const territory::Territories& all = need(territories);
    std::string code = req.matches[1];
    TerritoryKind kind = code.size() == 9 ? TerritoryKind::Epci : code.size() == 5 ? TerritoryKind::Commune : TerritoryKind::Departement;
    if (code.size() == 3 && code[0] == 'r') {
      kind = TerritoryKind::Region;
      code.erase(0, 1);
    }
    if (req.has_param("type")) {
      const auto asked = territory::kind_from_name(req.get_param_value("type"));
      if (!asked) throw HttpError(400, "parametre_invalide", "paramètre type : commune, epci, departement ou region attendu");
      kind = *asked;
    }
    const territory::Territory* found = all.find(kind, code);
    if (!found) throw HttpError(404, "territoire_inconnu", "aucun territoire « " + code + " » (" + std::string(territory::kind_name(kind)) + ")");
    res.set_content(render_territory(*found, all), kJson);
  }));

  routes.Get(R"(/v1/resources/([^/]+)/([^/]+)/similar)", handler([&index](const httplib::Request& req, httplib::Response& res) {
    const std::string source = req.matches[1];
    const std::string id = req.matches[2];
    const auto limit = static_cast<unsigned>(limit_param(req, "limit", 5, recommend::kMaxLimit));
    const auto hits = index.run([&](IndexAccess::Reader& reader) { return ranking::more_like_this(reader.db, source, id, limit); });
    if (!hits) throw HttpError(404, "ressource_introuvable", "aucune ressource « " + id + " » dans la source « " + source + " »");
    res.set_content(render_similar(source, id, *hits), kJson);
  }));
}

}  // namespace tec::searchd
