// read_feeds: the loop over feed records that never stops at a bad one.
#include "indexer/feeds/feed_records.h"

#include <memory>
#include <unordered_map>

#include "indexer/collectivity_check.h"
#include "indexer/feeds/record_stream.h"
#include "indexer/record_validator.h"
#include "schema/index_schema.h"

namespace tec::indexer {

FeedPass read_feeds(const std::vector<std::string>& files, const CsvMapping* mapping, std::string_view default_source,
                    const RecordCallback& on_record, const ProgressCallback& on_progress, const FeedContext& context) {
  std::vector<std::unique_ptr<RecordStream>> streams;
  std::size_t total_bytes = 0;
  for (const std::string& file : files) {
    streams.push_back(open_feed(file, mapping));
    total_bytes += streams.back()->size();
  }

  RecordValidator validator;
  FeedPass pass;
  std::unordered_map<std::string, LineReport> seen_at;
  std::size_t bytes_before = 0;
  for (std::size_t f = 0; f < files.size(); ++f) {
    RecordStream& stream = *streams[f];
    while (auto line = stream.next()) {
      ++pass.records;
      // JSON Lines only: a CSV feed maps its columns to `collectivites` itself.
      if (line->error.empty() && context.collectivity_mapping && context.territories && !mapping) {
        line->text = context.collectivity_mapping->apply(line->text, *context.territories);
      }
      if (!line->error.empty()) {
        pass.rejected.push_back({files[f], line->number, std::move(line->error)});
        ++pass.sources[default_source.empty() ? kUnknownSource : std::string(default_source)].rejected;
      } else if (ValidationOutcome outcome = validator.validate(line->text, default_source); !outcome.resource) {
        pass.rejected.push_back({files[f], line->number, std::move(outcome.error)});
        ++pass.sources[outcome.source.empty() ? kUnknownSource : outcome.source].rejected;
      } else {
        const Resource& resource = *outcome.resource;
        SourceTally& tally = pass.sources[resource.source];
        ++tally.kept;
        const std::size_t warnings_before = pass.warnings.size();
        if (!outcome.warning.empty()) pass.warnings.push_back({files[f], line->number, std::move(outcome.warning)});
        if (context.territories) {
          check_collectivities(resource, *context.territories, [&](std::string reason) {
            pass.warnings.push_back({files[f], line->number, std::move(reason)});
          });
        }
        if (pass.warnings.size() > warnings_before) ++tally.warned;
        const std::string key = schema::unique_term(resource.source, resource.id);
        const auto [seen, first] = seen_at.try_emplace(key, LineReport{files[f], line->number, {}});
        if (!first) {
          pass.duplicates.push_back({files[f], line->number,
                                     "identifiant « " + resource.id + " » déjà présent en " + seen->second.file + ":" +
                                         std::to_string(seen->second.line) + ", cette version le remplace"});
          seen->second = {files[f], line->number, {}};
        }
        on_record(f, line->number, resource);
      }
      if (on_progress) on_progress(bytes_before + stream.bytes_read(), total_bytes);
    }
    bytes_before += stream.size();
  }
  return pass;
}

}  // namespace tec::indexer
