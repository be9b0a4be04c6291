// Ingest: feed files -> validated records -> documents added to (or replacing
// theirs in) one IndexWriter transaction. This is `tec-index`'s work without
// its command line, so tests can drive it.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "analysis/french_analyzer.h"
#include "indexer/feeds/feed_records.h"
#include "indexer/index_writer.h"
#include "indexer/thesaurus.h"

namespace tec::indexer {

struct IngestReport {
  std::size_t records = 0;             // non-blank lines read
  std::size_t indexed = 0;             // distinct documents written
  std::vector<LineReport> rejected;    // lines skipped, with the reason
  std::vector<LineReport> warnings;    // lines kept, with what was left out
  std::vector<LineReport> duplicates;  // ids seen twice: the later line wins
  std::map<std::string, SourceTally> sources;
};

struct IngestOptions {
  std::string default_source;           // fills `source` where a record lacks it
  const CsvMapping* mapping = nullptr;  // reads the files as CSV when set
  FeedContext context;                  // territories to check `collectivites` against, a mapping to fill it
  // Called after each record with bytes read so far, total bytes, documents indexed.
  std::function<void(std::size_t, std::size_t, std::size_t)> on_progress;
  // ingest_new_index: databases written side by side (0: one per core).
  std::size_t shards = 0;
};

// Reads every file and writes every valid record; does not commit. Throws
// std::runtime_error when a file cannot be opened, before writing anything.
IngestReport ingest(IndexWriter& writer, analysis::FrenchAnalyzer& analyzer, const std::vector<std::string>& files,
                    const IngestOptions& options);

// Builds a new index in `directory`, which must not exist, with the thesaurus
// `synonyms`: records are read on the calling thread, built and written into
// shards on one thread each (a record's shard follows from its id, so that
// the later of two records with one id replaces the earlier), and the shards
// are joined by Xapian's compaction. Everything happens in a folder beside
// `directory`, renamed to it once the index is whole and removed on any
// failure: the run leaves a whole index or nothing. Throws as ingest() does,
// and when `directory` exists.
IngestReport ingest_new_index(const std::string& directory, const std::vector<std::string>& files,
                              const std::vector<SynonymGroup>& synonyms, const IngestOptions& options);

}  // namespace tec::indexer
