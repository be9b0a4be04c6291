// Territory routes: completion and lookup of a territory, its peers and
// cohorts; parse, call the territory and peers layers, render.
#include "searchd/territory_routes.h"

#include <chrono>

#include "analysis/utf8.h"
#include "peers/cohorts.h"
#include "peers/peer_finder.h"
#include "peers/peer_params.h"
#include "searchd/http_errors.h"
#include "searchd/http_params.h"
#include "searchd/peers_json.h"
#include "searchd/recommend_json.h"
#include "searchd/today_param.h"

namespace tec::searchd {
namespace {

const territory::Territories& loaded(const territory::Territories* territories) {
  if (!territories)
    throw HttpError(503, "territoires_indisponibles", "le référentiel des territoires n'est pas chargé sur ce serveur");
  return *territories;
}

const territory::Territory& territory_of(const territory::Territories& territories, const std::string& code) {
  const territory::Territory* found = territories.find_code(code);
  if (!found)
    throw HttpError(404, "territoire_inconnu",
                    "aucun territoire « " + code + " » (commune, EPCI, département ou région r76)");
  return *found;
}

double elapsed_ms(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

void register_territory_routes(RouteTable& routes, IndexAccess& index, const territory::Territories* territories) {
  routes.Get("/v1/territories", handler([territories](const httplib::Request& req, httplib::Response& res) {
               const territory::Territories& all = loaded(territories);
               const std::string q = req.has_param("q") ? req.get_param_value("q") : std::string();
               if (analysis::first_invalid_utf8(q) || q.size() > 200)
                 throw HttpError(400, "parametre_invalide", "paramètre q : texte UTF-8 de 200 octets au plus attendu");
               std::optional<territory::TerritoryKind> kind;
               if (req.has_param("type")) {
                 kind = territory::kind_from_name(req.get_param_value("type"));
                 if (!kind)
                   throw HttpError(400, "parametre_invalide",
                                   "paramètre type : commune, epci, departement ou region attendu");
               }
               const std::size_t limit =
                   integer_param(req, "limit", kDefaultTerritorySuggestions, 0, kMaxTerritorySuggestions);
               res.set_content(render_territories(q, all.complete(q, limit, kind), all), kJson);
             }));

  // A 9-digit code is an EPCI, 5 characters a commune, 2 or 3 a département
  // (or a région with type=region, or written r76 as resources do).
  routes.Get(
      R"(/v1/territories/([0-9A-Za-z]+))", handler([territories](const httplib::Request& req, httplib::Response& res) {
        const territory::Territories& all = loaded(territories);
        std::string code = req.matches[1];
        territory::TerritoryKind kind = code.size() == 9   ? territory::TerritoryKind::Epci
                                        : code.size() == 5 ? territory::TerritoryKind::Commune
                                                           : territory::TerritoryKind::Departement;
        if (code.size() == 3 && code[0] == 'r') {
          kind = territory::TerritoryKind::Region;
          code.erase(0, 1);
        }
        if (req.has_param("type")) {
          const auto asked = territory::kind_from_name(req.get_param_value("type"));
          if (!asked)
            throw HttpError(400, "parametre_invalide", "paramètre type : commune, epci, departement ou region attendu");
          kind = *asked;
        }
        const territory::Territory* found = all.find(kind, code);
        if (!found)
          throw HttpError(404, "territoire_inconnu",
                          "aucun territoire « " + code + " » (" + std::string(territory::kind_name(kind)) + ")");
        res.set_content(render_territory(*found, all), kJson);
      }));

  routes.Get(R"(/v1/territories/([0-9A-Za-z]+)/peers)",
             handler([&index, territories](const httplib::Request& req, httplib::Response& res) {
               const auto started = std::chrono::steady_clock::now();
               const territory::Territories& all = loaded(territories);
               const territory::Territory& of = territory_of(all, req.matches[1]);
               const peers::PeerQuery query = peer_query_from_request(req);
               const auto found = index.run([&](IndexAccess::Reader& reader) {
                 return peers::PeerFinder(reader.db, reader.analyzer, reader.lexicon.get(), all).peers(of, query);
               });
               res.set_content(render_peers(of, found, all, elapsed_ms(started)), kJson);
             }));

  routes.Post("/v1/cohorts", handler([&index, territories](const httplib::Request& req, httplib::Response& res) {
                const auto started = std::chrono::steady_clock::now();
                if (req.body.size() > kMaxCohortBodyBytes) {
                  throw HttpError(413, "requete_trop_longue",
                                  "requête de " + std::to_string(req.body.size()) + " octets, " +
                                      std::to_string(kMaxCohortBodyBytes) + " au plus");
                }
                const territory::Territories& all = loaded(territories);
                const CohortRequest request = cohort_request_from_json(req.body);
                const std::string today = today_param(req);
                std::vector<const territory::Territory*> asking;
                for (const std::string& code : request.codes) asking.push_back(&territory_of(all, code));
                const peers::CohortPlan plan = peers::group_cohorts(asking, all, request.query.themes);
                const auto resources = index.run([&](IndexAccess::Reader& reader) {
                  peers::PeerFinder finder(reader.db, reader.analyzer, reader.lexicon.get(), all);
                  std::vector<std::vector<peers::PeerResource>> out;
                  for (const peers::Cohort& cohort : plan.cohorts)
                    out.push_back(finder.shared_resources(cohort, request.query, today, peers::kCohortResources));
                  return out;
                });
                res.set_content(render_cohorts(plan, resources, all, elapsed_ms(started)), kJson);
              }));
}

}  // namespace tec::searchd
