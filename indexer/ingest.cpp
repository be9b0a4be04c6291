// Ingest implementation: every valid record built (on worker threads) and
// put, the later of two records with one id replacing the earlier.
#include "indexer/ingest.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>

#include "indexer/build_pipeline.h"
#include "indexer/document_builder.h"
#include "schema/index_schema.h"

namespace tec::indexer {
namespace {

IngestReport report_of(FeedPass& pass, std::size_t built) {
  IngestReport report;
  report.records = pass.records;
  report.indexed = built - pass.duplicates.size();
  report.rejected = std::move(pass.rejected);
  report.warnings = std::move(pass.warnings);
  report.duplicates = std::move(pass.duplicates);
  report.sources = std::move(pass.sources);
  return report;
}

// A folder removed with everything in it when the scope ends.
class ScratchFolder {
 public:
  explicit ScratchFolder(std::filesystem::path path) : path_(std::move(path)) {
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// One shard's writer, with the analyzer and builder its thread owns.
struct Shard {
  explicit Shard(std::string folder)
      : directory(std::move(folder)),
        writer(directory, std::chrono::seconds(0), Durability::Scratch),
        builder(analyzer) {}
  std::string directory;
  IndexWriter writer;
  analysis::FrenchAnalyzer analyzer;
  DocumentBuilder builder;
};

}  // namespace

IngestReport ingest(IndexWriter& writer, analysis::FrenchAnalyzer& analyzer, const std::vector<std::string>& files,
                    const IngestOptions& options) {
  FeedPass pass;
  std::size_t built = 0;
  build_while_writing(
      [&](const EmitDocument& emit) {
        DocumentBuilder builder(analyzer);
        const auto on_record = [&](std::size_t, std::size_t, const Resource& resource) {
          emit(schema::unique_term(resource.source, resource.id), builder.build(resource));
          ++built;
        };
        const auto on_progress = [&](std::size_t done, std::size_t total) {
          if (options.on_progress) options.on_progress(done, total, built);
        };
        pass = read_feeds(files, options.mapping, options.default_source, on_record, on_progress, options.context);
      },
      [&](const std::string& unique_term, const IndexedDocument& document) { writer.put(unique_term, document); });
  return report_of(pass, built);
}

IngestReport ingest_new_index(const std::string& directory, const std::vector<std::string>& files,
                              const std::vector<SynonymGroup>& synonyms, const IngestOptions& options) {
  namespace fs = std::filesystem;
  const fs::path target = fs::absolute(directory).lexically_normal();
  if (fs::exists(target)) throw std::runtime_error("l'index " + directory + " existe déjà");
  const ScratchFolder scratch(target.parent_path() /
                              ("." + target.filename().string() + ".construction-" + std::to_string(getpid())));
  const std::size_t count = options.shards ? options.shards : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Shard>> shards;
  for (std::size_t s = 0; s < count; ++s)
    shards.push_back(std::make_unique<Shard>((scratch.path() / ("shard-" + std::to_string(s))).string()));

  FeedPass pass;
  std::atomic<std::size_t> built = 0;
  read_into_shards(
      count,
      [&](const EmitRecord& emit) {
        const auto on_record = [&](std::size_t, std::size_t, const Resource& resource) {
          emit(std::hash<std::string>{}(schema::unique_term(resource.source, resource.id)) % count, resource);
        };
        const auto on_progress = [&](std::size_t done, std::size_t total) {
          if (options.on_progress) options.on_progress(done, total, built);
        };
        pass = read_feeds(files, options.mapping, options.default_source, on_record, on_progress, options.context);
      },
      [&](std::size_t s, Resource& resource) {
        Shard& shard = *shards[s];
        shard.writer.put(schema::unique_term(resource.source, resource.id), shard.builder.build(resource));
        ++built;
      });
  Xapian::Database joined;
  for (const auto& shard : shards) {
    shard->writer.commit();
    joined.add_database(Xapian::Database(shard->directory));
  }
  const fs::path compacted = scratch.path() / "index";
  joined.compact(compacted.string(), Xapian::Compactor::FULL);
  {
    // The synonym table learns the acronyms the texts define, so it is
    // written once every shard's documents are in one index.
    IndexWriter whole(compacted.string());
    whole.replace_synonyms(synonyms, shards.front()->analyzer);
    whole.commit();
  }
  fs::rename(compacted, target);
  return report_of(pass, built);
}

}  // namespace tec::indexer
