// Analysis and indexing throughput on the bundled corpus, and query latency
// against it: the baseline later optimisations are measured against.
//   build/bench/tec_bench_analysis [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "analysis/french_analyzer.h"
#include "analysis/html_text.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/record_validator.h"
#include "ranking/searcher.h"

namespace {

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(TEC_SOURCE_DIR) / "corpus" / "resources")) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<tec::indexer::Resource> corpus_resources() {
  std::vector<tec::indexer::Resource> resources;
  tec::indexer::RecordValidator validator;
  for (const std::string& file : corpus_files()) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      if (auto outcome = validator.validate(line, ""); outcome.resource) resources.push_back(std::move(*outcome.resource));
    }
  }
  return resources;
}

void BM_AnalyzeCorpusText(benchmark::State& state) {
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (const auto& resource : corpus_resources()) {
    texts.push_back(resource.title + "\n" + resource.summary + "\n" + tec::analysis::html_to_text(resource.body));
    bytes += texts.back().size();
  }
  tec::analysis::FrenchAnalyzer analyzer;
  for (auto _ : state) {
    for (const std::string& text : texts) benchmark::DoNotOptimize(analyzer.analyze(text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_AnalyzeCorpusText)->Unit(benchmark::kMillisecond);

void BM_BuildDocuments(benchmark::State& state) {
  const auto resources = corpus_resources();
  tec::analysis::FrenchAnalyzer analyzer;
  tec::indexer::DocumentBuilder builder(analyzer);
  for (auto _ : state) {
    for (const auto& resource : resources) benchmark::DoNotOptimize(builder.build(resource));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * resources.size()));
}
BENCHMARK(BM_BuildDocuments)->Unit(benchmark::kMillisecond);

class SearchFixture : public benchmark::Fixture {
 public:
  void SetUp(const benchmark::State&) override {
    if (!db) {
      directory = std::filesystem::temp_directory_path() / "tec-bench-index";
      std::filesystem::remove_all(directory);
      tec::analysis::FrenchAnalyzer analyzer;
      tec::indexer::IndexWriter writer(directory.string());
      tec::indexer::ingest(writer, analyzer, corpus_files(), {});
      writer.commit();
      db = std::make_unique<Xapian::Database>(directory.string());
    }
  }
  static inline std::filesystem::path directory;
  static inline std::unique_ptr<Xapian::Database> db;
};

BENCHMARK_DEFINE_F(SearchFixture, Search)(benchmark::State& state) {
  static const char* kQueries[] = {"jury citoyen", "eclairage public", "l’atelier", "co-construction des projets",
                                   "budget participatif commune rurale"};
  const char* query = kQueries[state.range(0)];
  tec::analysis::FrenchAnalyzer analyzer;
  const tec::ranking::Lexicon lexicon(*db, analyzer);
  tec::ranking::Searcher searcher(*db, analyzer, &lexicon);
  tec::ranking::SearchRequest request;
  request.text = query;
  for (auto _ : state) benchmark::DoNotOptimize(searcher.search(request));
  state.SetLabel(query);
}
BENCHMARK_REGISTER_F(SearchFixture, Search)->DenseRange(0, 4)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
