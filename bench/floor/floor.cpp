// tec-floor: what a search costs Xapian itself, next to what tec-searchd
// takes for it. Each query goes, in turn, through bare Xapian on the same
// index (the OR of the query's stems, the Z terms, little words aside; BM25
// with the engine's parameters; top 10; each hit's stored data read) and
// through GET /v1/search on a running tec-searchd (its `took_ms`, measured by
// the server). Both are measured in the same loop, alternating which goes
// first, so that the machine's noise falls on both alike. Prints mean, p50 and
// p99 of each and their ratio; --per-query writes each query's medians.
//   tec-floor --index DIR --server 127.0.0.1:8080 --queries q.txt [--rounds 3] [--per-query out.tsv] [--json out.json]
// Run tec-searchd with --cache-entries 0: the rounds repeat the same queries.
#include <httplib.h>
#include <rapidjson/document.h>
#include <xapian.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

#include "analysis/french_analyzer.h"
#include "ranking/ranking_params.h"
#include "ranking/stopwords.h"
#include "schema/index_schema.h"

namespace {

using Clock = std::chrono::steady_clock;

// The OR of the query's stems; little words count only when nothing else is left.
Xapian::Query stems_query(const std::string& text, tec::analysis::FrenchAnalyzer& analyzer) {
  std::vector<std::string> stems, little;
  for (const tec::analysis::Token& token : analyzer.analyze(text)) {
    if (token.kind != tec::analysis::Token::Kind::Word) continue;
    std::vector<std::string>& into = tec::ranking::is_stopword(token.term) ? little : stems;
    for (const std::string& stem : token.stems) into.push_back(tec::schema::prefixed(tec::schema::kPrefixStem, stem));
  }
  if (stems.empty()) stems = little;
  std::sort(stems.begin(), stems.end());
  stems.erase(std::unique(stems.begin(), stems.end()), stems.end());
  return Xapian::Query(Xapian::Query::OP_OR, stems.begin(), stems.end());
}

// Milliseconds bare Xapian takes for the query's top ten with their data.
double floor_ms(const Xapian::Database& db, const Xapian::Query& query) {
  const auto started = Clock::now();
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(tec::ranking::bm25_weight());
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  std::size_t bytes = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  if (bytes == 0 && !mset.empty()) throw std::runtime_error("documents sans données");
  return ms;
}

// tec-searchd's own time for the query, or -1 when it failed.
double searchd_ms(httplib::Client& client, const std::string& text) {
  const auto res = client.Get("/v1/search?per_page=10&q=" + httplib::detail::encode_query_param(text));
  if (!res || res->status != 200) return -1;
  rapidjson::Document doc;
  doc.Parse(res->body.c_str());
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("took_ms")) return -1;
  return doc["took_ms"].GetDouble();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t rank = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(rank, values.size() - 1)];
}

double mean(const std::vector<double>& values) {
  return values.empty() ? 0 : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

struct Summary {
  double mean, p50, p99;
};

Summary summarize(const std::vector<double>& values) {
  return {mean(values), percentile(values, 0.5), percentile(values, 0.99)};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Coût d'une recherche : Xapian seul (OU des racines, BM25, 10 premiers) contre tec-searchd (took_ms)"};
  std::string index_dir, server, queries_file, per_query_file, json_file;
  unsigned rounds = 3;
  app.add_option("--index", index_dir, "Index que sert tec-searchd")->required();
  app.add_option("--server", server, "tec-searchd, HOTE:PORT")->required();
  app.add_option("--queries", queries_file, "Une requête par ligne")->required();
  app.add_option("--rounds", rounds, "Passes mesurées sur toutes les requêtes (une passe de chauffe avant)");
  app.add_option("--per-query", per_query_file, "Écrit la médiane de chaque requête (TSV)");
  app.add_option("--json", json_file, "Écrit le résumé en JSON");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> queries;
  std::ifstream in(queries_file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  if (queries.empty()) {
    std::cerr << "tec-floor : aucune requête dans " << queries_file << "\n";
    return 2;
  }
  const Xapian::Database db(index_dir);
  tec::analysis::FrenchAnalyzer analyzer;
  std::vector<Xapian::Query> floors;
  for (const std::string& q : queries) floors.push_back(stems_query(q, analyzer));
  httplib::Client client("http://" + server);
  client.set_keep_alive(true);

  // per query: one sample per round
  std::vector<std::vector<double>> bare(queries.size()), tec(queries.size());
  std::size_t errors = 0;
  for (unsigned round = 0; round <= rounds; ++round) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      double f = 0, t = 0;
      if ((round + i) % 2 == 0) {
        f = floor_ms(db, floors[i]);
        t = searchd_ms(client, queries[i]);
      } else {
        t = searchd_ms(client, queries[i]);
        f = floor_ms(db, floors[i]);
      }
      if (t < 0) ++errors;
      if (round == 0 || t < 0) continue;  // the first round warms both up
      bare[i].push_back(f);
      tec[i].push_back(t);
    }
  }
  std::vector<double> all_bare, all_tec;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    all_bare.insert(all_bare.end(), bare[i].begin(), bare[i].end());
    all_tec.insert(all_tec.end(), tec[i].begin(), tec[i].end());
  }
  const Summary b = summarize(all_bare), t = summarize(all_tec);
  std::printf("%zu requêtes × %u passes, %zu erreurs, index de %u documents\n", queries.size(), rounds, errors,
              db.get_doccount());
  std::printf("%-34s %9s %9s %9s\n", "", "moyenne", "p50", "p99");
  std::printf("%-34s %7.3f ms %6.3f ms %6.3f ms\n", "Xapian seul (OU des racines, BM25)", b.mean, b.p50, b.p99);
  std::printf("%-34s %7.3f ms %6.3f ms %6.3f ms\n", "tec-searchd (took_ms)", t.mean, t.p50, t.p99);
  std::printf("%-34s %9.2f× %8.2f× %8.2f×\n", "rapport", t.mean / b.mean, t.p50 / b.p50, t.p99 / b.p99);

  if (!per_query_file.empty()) {
    std::ofstream out(per_query_file);
    out << "query\tbare_ms\ttec_ms\tratio\n";
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const double bm = percentile(bare[i], 0.5), tm = percentile(tec[i], 0.5);
      out << queries[i] << '\t' << bm << '\t' << tm << '\t' << (bm > 0 ? tm / bm : 0) << '\n';
    }
  }
  if (!json_file.empty()) {
    std::ofstream out(json_file);
    out << "{\"queries\": " << queries.size() << ", \"rounds\": " << rounds << ", \"errors\": " << errors
        << ", \"documents\": " << db.get_doccount() << ", \"bare\": {\"mean_ms\": " << b.mean
        << ", \"p50_ms\": " << b.p50 << ", \"p99_ms\": " << b.p99 << "}, \"tec\": {\"mean_ms\": " << t.mean
        << ", \"p50_ms\": " << t.p50 << ", \"p99_ms\": " << t.p99 << "}, \"ratio_mean\": " << t.mean / b.mean << "}\n";
  }
  return errors == 0 ? 0 : 1;
}
