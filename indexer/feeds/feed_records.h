// Reading feeds into validated records: every file opened first (so an
// unreadable one stops everything before any write), every line either a
// Resource handed to the caller or a FILE:LINE: reason, and ids seen twice
// reported (the later line wins). Shared by `tec-index` and `tec-index sync`.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/feeds/collectivity_mapping.h"
#include "indexer/feeds/csv_mapping.h"
#include "indexer/resource.h"
#include "territory/territories.h"

namespace tec::indexer {

struct LineReport {
  std::string file;
  std::size_t line = 0;
  std::string reason;

  std::string text() const { return file + ":" + std::to_string(line) + ": " + reason; }
  std::string warning_text() const { return file + ":" + std::to_string(line) + ": warning: " + reason; }
};

// What became of one source's records in a pass.
struct SourceTally {
  std::size_t kept = 0, rejected = 0, warned = 0;  // warned records are kept too
};

// Records of a line whose source could not be read are tallied under this name.
inline constexpr const char* kUnknownSource = "(source illisible)";

struct FeedPass {
  std::size_t records = 0;             // non-blank lines (or CSV rows) read
  std::vector<LineReport> rejected;    // skipped, with the reason
  std::vector<LineReport> warnings;    // kept, with what was left out or is wrong in them
  std::vector<LineReport> duplicates;  // ids seen twice: the later line wins
  std::map<std::string, SourceTally> sources;
};

// What a run may know beyond the schema, both optional: the territories that
// `collectivites` codes are checked against (an unknown code is a warning),
// and a mapping that fills `collectivites` from a JSON Lines record's text
// (it needs the territories).
struct FeedContext {
  const territory::Territories* territories = nullptr;
  const CollectivityMapping* collectivity_mapping = nullptr;
};

using RecordCallback = std::function<void(std::size_t file_index, std::size_t line, const Resource&)>;
// Bytes read so far and in all.
using ProgressCallback = std::function<void(std::size_t, std::size_t)>;

// `mapping` (may be null) reads the files as CSV; `default_source` fills a
// record's missing source and refuses a different one. Throws
// std::runtime_error when a file cannot be opened, before calling back.
FeedPass read_feeds(const std::vector<std::string>& files, const CsvMapping* mapping, std::string_view default_source,
                    const RecordCallback& on_record, const ProgressCallback& on_progress = {},
                    const FeedContext& context = {});

}  // namespace tec::indexer
