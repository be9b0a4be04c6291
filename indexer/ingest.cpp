// Ingest implementation: the loop over feed lines that never stops at a bad one.
#include "indexer/ingest.h"

#include <memory>
#include <unordered_map>

#include "indexer/document_builder.h"
#include "indexer/feed_reader.h"
#include "indexer/record_validator.h"
#include "schema/index_schema.h"

namespace tec::indexer {

IngestReport ingest(IndexWriter& writer, analysis::FrenchAnalyzer& analyzer, const std::vector<std::string>& files,
                    const IngestOptions& options) {
  std::vector<std::unique_ptr<FeedReader>> readers;
  std::size_t total_bytes = 0;
  for (const std::string& file : files) {
    readers.push_back(std::make_unique<FeedReader>(file));
    total_bytes += readers.back()->size();
  }

  RecordValidator validator;
  DocumentBuilder builder(analyzer);
  IngestReport report;
  std::unordered_map<std::string, LineReport> first_seen;
  std::size_t bytes_before = 0;

  for (std::size_t f = 0; f < files.size(); ++f) {
    FeedReader& reader = *readers[f];
    while (auto line = reader.next()) {
      ++report.records;
      if (line->error.empty()) {
        ValidationOutcome outcome = validator.validate(line->text, options.default_source);
        if (outcome.resource) {
          const Resource& resource = *outcome.resource;
          const std::string key = schema::unique_term(resource.source, resource.id);
          const auto [seen, inserted] = first_seen.try_emplace(key, LineReport{files[f], line->number, {}});
          if (inserted) {
            ++report.indexed;
          } else {
            report.duplicates.push_back({files[f], line->number,
                                         "identifiant « " + resource.id + " » déjà présent en " + seen->second.file +
                                             ":" + std::to_string(seen->second.line) + ", cette version le remplace"});
            seen->second.file = files[f];
            seen->second.line = line->number;
          }
          const IndexedDocument built = builder.build(resource);
          writer.put(key, built.document);
          writer.add_spellings(built.spellings);
        } else {
          report.rejected.push_back({files[f], line->number, std::move(outcome.error)});
        }
      } else {
        report.rejected.push_back({files[f], line->number, std::move(line->error)});
      }
      if (options.on_progress) options.on_progress(bytes_before + reader.bytes_read(), total_bytes, report.indexed);
    }
    bytes_before += reader.size();
  }
  return report;
}

}  // namespace tec::indexer
