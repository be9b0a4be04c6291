// Operations routes: the index gauges are read at scrape time, so /metrics
// always shows the revision the daemon actually serves.
#include "searchd/ops_routes.h"

#include <rapidjson/document.h>

#include "schema/index_schema.h"
#include "searchd/http_errors.h"
#include "searchd/openapi.h"

namespace tec::searchd {
namespace {

IndexFacts index_facts(IndexAccess::Reader& reader) {
  IndexFacts facts;
  facts.documents = reader.db.get_doccount();
  facts.revision = static_cast<double>(reader.db.get_revision());
  const std::string prefix(schema::kPrefixSource);
  for (auto term = reader.db.allterms_begin(prefix); term != reader.db.allterms_end(prefix); ++term) {
    const std::string source = (*term).substr(prefix.size());
    rapidjson::Document report;
    report.Parse(reader.db.get_metadata(schema::sync_metadata_key(source)).c_str());
    if (report.HasParseError() || !report.IsObject() || !report.HasMember("finished_at") ||
        !report["finished_at"].IsString())
      continue;
    if (const auto seconds = epoch_seconds(report["finished_at"].GetString()))
      facts.last_syncs.emplace_back(source, *seconds);
  }
  return facts;
}

}  // namespace

void register_ops_routes(RouteTable& routes, IndexAccess& index, Metrics& metrics) {
  routes.Get("/metrics", handler([&index, &metrics](const httplib::Request&, httplib::Response& res) {
               const IndexFacts facts = index.run([](IndexAccess::Reader& reader) { return index_facts(reader); });
               res.set_content(metrics.render(facts), "text/plain; version=0.0.4; charset=utf-8");
             }));

  routes.Get("/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kOpenApiJson, sizeof kOpenApiJson - 1, kJson);
  });
}

}  // namespace tec::searchd
