// Scale microbenchmarks (Google Benchmark) on a generated corpus and its
// index, run by bench/run.sh at each corpus size:
//   TEC_BENCH_CORPUS=gen-100000.jsonl TEC_BENCH_INDEX=idx-100000 tec_bench_scale
// Analysis throughput (bytes/s) and indexing throughput on one core (docs/s)
// read the first documents of the corpus; query latency is measured on the
// whole index for each kind of request the site and the advisors send.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analysis/french_analyzer.h"
#include "analysis/html_text.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/record_validator.h"
#include "ranking/lexicon.h"
#include "ranking/searcher.h"
#include "recommend/profile_resolver.h"
#include "recommend/recommender.h"
#include "schema/index_schema.h"

namespace {

// Documents read for the analysis and indexing benchmarks.
constexpr std::size_t kThroughputDocuments = 5000;

std::string env(const char* name) {
  const char* value = std::getenv(name);
  if (!value) throw std::runtime_error(std::string(name) + " non défini (voir bench/run.sh)");
  return value;
}

const std::vector<tec::indexer::Resource>& sample_resources() {
  static const std::vector<tec::indexer::Resource> resources = [] {
    std::vector<tec::indexer::Resource> out;
    tec::indexer::RecordValidator validator;
    std::ifstream in(env("TEC_BENCH_CORPUS"));
    for (std::string line; out.size() < kThroughputDocuments && std::getline(in, line);) {
      if (auto outcome = validator.validate(line, ""); outcome.resource) out.push_back(std::move(*outcome.resource));
    }
    return out;
  }();
  return resources;
}

void BM_Analyze(benchmark::State& state) {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& resource : sample_resources()) {
    texts.push_back(resource.title + "\n" + resource.summary + "\n" + tec::analysis::html_to_text(resource.body));
    bytes += texts.back().size();
  }
  tec::analysis::FrenchAnalyzer analyzer;
  for (auto _ : state) {
    for (const std::string& text : texts) benchmark::DoNotOptimize(analyzer.analyze(text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Analyze)->Unit(benchmark::kMillisecond);

// Building and writing documents into a fresh index, committed: the
// indexer's work per document on one core.
void BM_Index(benchmark::State& state) {
  const auto& resources = sample_resources();
  const auto directory = std::filesystem::temp_directory_path() / "tec-bench-scale-index";
  tec::analysis::FrenchAnalyzer analyzer;
  tec::indexer::DocumentBuilder builder(analyzer);
  tec::indexer::use_small_write_batches();
  for (auto _ : state) {
    std::filesystem::remove_all(directory);
    tec::indexer::IndexWriter writer(directory.string());
    for (const auto& resource : resources)
      writer.put(tec::schema::unique_term(resource.source, resource.id), builder.build(resource));
    writer.commit();
  }
  std::filesystem::remove_all(directory);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * resources.size()));
}
BENCHMARK(BM_Index)->Unit(benchmark::kMillisecond);

class IndexFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (db) return;
    db = std::make_unique<Xapian::Database>(env("TEC_BENCH_INDEX"));
    lexicon = std::make_unique<tec::ranking::Lexicon>(*db, analyzer);
    facets = std::make_unique<tec::ranking::FacetTable>(*db);
    territories = std::make_unique<tec::territory::Territories>(
        tec::territory::Territories::load(std::filesystem::path(TEC_SOURCE_DIR) / "corpus" / "territories"));
  }

  static inline tec::analysis::FrenchAnalyzer analyzer;
  static inline std::unique_ptr<Xapian::Database> db;
  static inline std::unique_ptr<tec::ranking::Lexicon> lexicon;
  static inline std::unique_ptr<tec::ranking::FacetTable> facets;
  static inline std::unique_ptr<tec::territory::Territories> territories;
};

struct QueryKind {
  const char* name;
  std::vector<std::string> queries;
  std::map<std::string, std::vector<std::string>> filters;
};

const std::vector<QueryKind>& query_kinds() {
  static const std::vector<QueryKind> kinds = {
      {"single word", {"concertation", "budget", "jeunes", "eclairage", "habitants"}, {}},
      {"multi-word",
       {"jury citoyen tire au sort", "budget participatif commune rurale", "consulter les habitants sur l'eclairage"},
       {}},
      {"phrase", {"\"budget participatif\"", "\"reunion publique\"", "\"conseil de quartier\""}, {}},
      {"typo", {"budjet partisipatif", "concertasion prealable", "tirrage au sort"}, {}},
      {"prefix", {"budget partic", "conference de cit", "amenag"}, {}},
      {"faceted+filtered",
       {"concertation", "participation des habitants"},
       {{"type", {"methode", "guide"}}, {"level", {"concerter"}}}},
  };
  return kinds;
}

BENCHMARK_DEFINE_F(IndexFixture, Search)(benchmark::State& state) {
  const QueryKind& kind = query_kinds()[static_cast<std::size_t>(state.range(0))];
  tec::ranking::Searcher searcher(*db, analyzer, lexicon.get(), facets.get());
  std::size_t i = 0;
  for (auto _ : state) {
    tec::ranking::SearchRequest request;
    request.text = kind.queries[i++ % kind.queries.size()];
    request.filters = kind.filters;
    benchmark::DoNotOptimize(searcher.search(request));
  }
  state.SetLabel(kind.name);
}
BENCHMARK_REGISTER_F(IndexFixture, Search)->DenseRange(0, 5)->Unit(benchmark::kMicrosecond);

BENCHMARK_DEFINE_F(IndexFixture, Suggest)(benchmark::State& state) {
  static const char* kTyped[] = {"bu", "budg", "budget par", "conc", "concertation pre", "jur", "jury cit"};
  tec::ranking::Searcher searcher(*db, analyzer, lexicon.get());
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(searcher.suggest(kTyped[i++ % std::size(kTyped)], 8));
}
BENCHMARK_REGISTER_F(IndexFixture, Suggest)->Unit(benchmark::kMicrosecond);

BENCHMARK_DEFINE_F(IndexFixture, Recommend)(benchmark::State& state) {
  const tec::recommend::ProfileResolver resolver(territories.get());
  const std::vector<tec::recommend::CollectivityProfile> profiles = {
      resolver.resolve({.insee = "34164",
                        .themes = {"éclairage public"},
                        .need = "consulter les habitants sur l'extinction de l'éclairage la nuit"}),
      resolver.resolve(
          {.siren = "200040293", .themes = {"transition écologique"}, .participation_level = "co-construire"}),
      resolver.resolve({.insee = "97411", .themes = {"jeunesse", "démocratie locale"}, .maturity = "debutant"}),
  };
  std::size_t i = 0;
  for (auto _ : state) {
    tec::recommend::Recommender recommender(*db, analyzer, lexicon.get(), territories.get());
    benchmark::DoNotOptimize(recommender.recommend(profiles[i++ % profiles.size()],
                                                   {.today = "2026-11-27", .resources = 10, .workshops = 5}));
  }
}
BENCHMARK_REGISTER_F(IndexFixture, Recommend)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
