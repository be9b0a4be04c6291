// Analysis and indexing throughput on a corpus, and query latency against it,
// pathological queries included: the baseline later optimisations are
// measured against.
//   build/release/bench/tec_bench_analysis [--benchmark_filter=...]
// The corpus is corpus/resources, or the JSON Lines files of the folder named
// by TEC_BENCH_FEEDS (e.g. ../shared/data/fr).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analysis/french_analyzer.h"
#include "analysis/html_text.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/record_validator.h"
#include "indexer/thesaurus.h"
#include "ranking/lexicon.h"
#include "ranking/searcher.h"

namespace {

std::vector<std::string> corpus_files() {
  std::vector<std::string> files;
  const char* feeds = std::getenv("TEC_BENCH_FEEDS");
  const std::filesystem::path folder =
      feeds ? std::filesystem::path(feeds) : std::filesystem::path(TEC_SOURCE_DIR) / "corpus" / "resources";
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
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
      if (auto outcome = validator.validate(line, ""); outcome.resource)
        resources.push_back(std::move(*outcome.resource));
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
      writer.replace_synonyms(tec::indexer::parse_thesaurus(tec::indexer::bundled_thesaurus(), "thesaurus"), analyzer);
      writer.commit();
      db = std::make_unique<Xapian::Database>(directory.string());
      lexicon = std::make_unique<tec::ranking::Lexicon>(*db, analyzer);
    }
  }

  void run(benchmark::State& state, const std::string& text) {
    tec::analysis::FrenchAnalyzer analyzer;
    tec::ranking::Searcher searcher(*db, analyzer, lexicon.get());
    tec::ranking::SearchRequest request;
    request.text = text;
    bool partial = false;
    for (auto _ : state) partial = searcher.search(request).partial;
    state.counters["partial"] = partial;
  }

  static inline std::filesystem::path directory;
  static inline std::unique_ptr<Xapian::Database> db;
  static inline std::unique_ptr<tec::ranking::Lexicon> lexicon;
};

// One query per kind the search box meets.
BENCHMARK_DEFINE_F(SearchFixture, Search)(benchmark::State& state) {
  static const char* kQueries[] = {"jury citoyen",
                                   "eclairage public",
                                   "l’atelier",
                                   "co-construction des projets",
                                   "\"budget participatif\"",
                                   "budjet partisipatif",
                                   "conférence de cit",
                                   "BP commune rurale"};
  run(state, kQueries[state.range(0)]);
  state.SetLabel(kQueries[state.range(0)]);
}
BENCHMARK_REGISTER_F(SearchFixture, Search)->DenseRange(0, 7)->Unit(benchmark::kMicrosecond);

// Queries built to cost as much as possible: every search must stay bounded.
BENCHMARK_DEFINE_F(SearchFixture, Pathological)(benchmark::State& state) {
  std::string text;
  if (state.range(0) == 0) {
    for (char c = 'a'; c <= 'z'; ++c) text += std::string(1, c) + "* ";
    state.SetLabel("a* b* c* ... z*");
  } else if (state.range(0) == 1) {
    for (int i = 0; i < 500; ++i) text += "mot" + std::to_string(i) + " ";
    state.SetLabel("500 words");
  } else {
    while (text.size() < 1000) text += "partisipatiff konsertasion amenajement urbenisme ";
    state.SetLabel("1,000 characters of typos");
  }
  run(state, text);
}
BENCHMARK_REGISTER_F(SearchFixture, Pathological)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
