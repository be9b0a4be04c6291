// Ingest implementation: every valid record built and put, the later of two
// records with one id replacing the earlier.
#include "indexer/ingest.h"

#include "indexer/document_builder.h"
#include "schema/index_schema.h"

namespace tec::indexer {

IngestReport ingest(IndexWriter& writer, analysis::FrenchAnalyzer& analyzer, const std::vector<std::string>& files,
                    const IngestOptions& options) {
  DocumentBuilder builder(analyzer);
  std::size_t written = 0;
  const auto on_record = [&](std::size_t, std::size_t, const Resource& resource) {
    const IndexedDocument built = builder.build(resource);
    writer.put(schema::unique_term(resource.source, resource.id), built);
    ++written;
  };
  const auto on_progress = [&](std::size_t done, std::size_t total) {
    if (options.on_progress) options.on_progress(done, total, written);
  };
  FeedPass pass = read_feeds(files, options.mapping, options.default_source, on_record, on_progress);
  IngestReport report;
  report.records = pass.records;
  report.indexed = written - pass.duplicates.size();
  report.rejected = std::move(pass.rejected);
  report.duplicates = std::move(pass.duplicates);
  return report;
}

}  // namespace tec::indexer
