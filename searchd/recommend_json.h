// The JSON bodies of the recommendation API's answers: /v1/recommend,
// /v1/territories and /similar (the request's profile is read by
// recommend_request.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ranking/searcher.h"
#include "recommend/profile.h"
#include "recommend/recommender.h"
#include "searchd/json_writer.h"
#include "territory/territories.h"

namespace tec::searchd {

std::string render_recommendation(const recommend::CollectivityProfile& profile, std::string_view today,
                                  const recommend::Recommendation& recommendation, double took_ms);
// The fields of a territory as every answer shows it (type, code, name,
// population, département, région, and an EPCI's or a commune's
// intercommunality), inside an object the caller opened.
void put_territory_fields(JsonWriter& w, const territory::Territory& t, const territory::Territories& territories);

std::string render_territories(std::string_view query, const std::vector<const territory::Territory*>& found,
                               const territory::Territories& territories);
std::string render_territory(const territory::Territory& territory, const territory::Territories& territories);
std::string render_similar(std::string_view source, std::string_view id, const std::vector<ranking::SearchHit>& hits);

}  // namespace tec::searchd
