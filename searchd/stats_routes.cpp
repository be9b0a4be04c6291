// The statistics route: authorisation, parameters, report, rendering.
#include "searchd/stats_routes.h"

#include "searchd/http_errors.h"
#include "searchd/http_params.h"
#include "searchd/stats_json.h"

namespace tec::searchd {

void register_stats_routes(RouteTable& routes, const QueryStats& stats, const access::PartnerTokens* tokens) {
  routes.Get("/v1/stats/queries", handler([&stats, tokens](const httplib::Request& req, httplib::Response& res) {
               const std::string token = bearer_token(req);
               // A partner's token opens its own feed only, never what the public asked.
               if (!tokens || !tokens->is_admin(token)) {
                 throw HttpError(401, "jeton_invalide",
                                 "jeton des administrateurs requis (tec-index token --admin) : celui-ci est inconnu, "
                                 "révoqué ou d'un partenaire");
               }
               const unsigned days = integer_param(req, "days", kDefaultStatsDays, 1, kMaxStatsDays);
               const unsigned limit = integer_param(req, "limit", kDefaultStatsLimit, 1, kMaxStatsLimit);
               res.set_header("Cache-Control", "no-store");
               res.set_content(render_query_stats(stats.report(utc_today(), days, limit), days), kJson);
             }));
}

}  // namespace tec::searchd
