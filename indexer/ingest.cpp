// Ingest implementation: every valid record built (on a worker thread) and
// put, the later of two records with one id replacing the earlier.
#include "indexer/ingest.h"

#include "indexer/build_pipeline.h"
#include "indexer/document_builder.h"
#include "schema/index_schema.h"

namespace tec::indexer {

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
  IngestReport report;
  report.records = pass.records;
  report.indexed = built - pass.duplicates.size();
  report.rejected = std::move(pass.rejected);
  report.warnings = std::move(pass.warnings);
  report.duplicates = std::move(pass.duplicates);
  report.sources = std::move(pass.sources);
  return report;
}

}  // namespace tec::indexer
