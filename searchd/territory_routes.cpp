// Peers and cohorts routes: parse, call the peers layer, render.
#include "searchd/territory_routes.h"

#include <chrono>

#include "peers/cohorts.h"
#include "peers/peer_finder.h"
#include "peers/peer_params.h"
#include "searchd/http_errors.h"
#include "searchd/peers_json.h"
#include "searchd/today_param.h"

namespace tec::searchd {
namespace {

const territory::Territories& loaded(const territory::Territories* territories) {
  if (!territories) throw HttpError(503, "territoires_indisponibles", "le référentiel des territoires n'est pas chargé sur ce serveur");
  return *territories;
}

const territory::Territory& territory_of(const territory::Territories& territories, const std::string& code) {
  const territory::Territory* found = territories.find_code(code);
  if (!found) throw HttpError(404, "territoire_inconnu", "aucun territoire « " + code + " » (commune, EPCI, département ou région r76)");
  return *found;
}

double elapsed_ms(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

void register_territory_routes(RouteTable& routes, IndexAccess& index, const territory::Territories* territories) {
  routes.Get(R"(/v1/territories/([0-9A-Za-z]+)/peers)", handler([&index, territories](const httplib::Request& req, httplib::Response& res) {
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
      throw HttpError(413, "requete_trop_longue", "requête de " + std::to_string(req.body.size()) + " octets, " + std::to_string(kMaxCohortBodyBytes) + " au plus");
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
      for (const peers::Cohort& cohort : plan.cohorts) out.push_back(finder.shared_resources(cohort, request.query, today, peers::kCohortResources));
      return out;
    });
    res.set_content(render_cohorts(plan, resources, all, elapsed_ms(started)), kJson);
  }));
}

}  // namespace tec::searchd
