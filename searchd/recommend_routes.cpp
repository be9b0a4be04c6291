// Recommendation routes: parse the profile, call the recommend layer, render.
#include "searchd/recommend_routes.h"

#include <chrono>

#include "recommend/profile_resolver.h"
#include "recommend/recommend_params.h"
#include "recommend/recommender.h"
#include "searchd/http_errors.h"
#include "searchd/http_params.h"
#include "searchd/recommend_json.h"
#include "searchd/recommend_request.h"
#include "searchd/today_param.h"

namespace tec::searchd {
namespace {

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
  options.resources = integer_param(req, "limit", recommend::kDefaultLimit, 0, recommend::kMaxLimit);
  options.workshops = integer_param(req, "workshops_limit", kDefaultWorkshops, 0, recommend::kMaxLimit);
  const recommend::Recommendation recommendation = index.run([&](IndexAccess::Reader& reader) {
    return recommend::Recommender(reader.db, reader.analyzer, reader.lexicon.get(), territories)
        .recommend(profile, options);
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
                  throw HttpError(413, "profil_trop_long",
                                  "profil de " + std::to_string(req.body.size()) + " octets, " +
                                      std::to_string(kMaxProfileBytes) + " au plus");
                }
                answer_recommendation(req, res, index, territories, profile_from_json(req.body));
              }));
}

}  // namespace tec::searchd
