// Sync: makes one source's documents exactly the valid records of its latest
// feed, in one transaction. Records are compared by content hash: new ones are
// added, changed ones replaced, unchanged ones left alone, and documents gone
// from the feed deleted; other sources are never touched. A sync that would
// delete more than a share of the source (a truncated or empty feed) is
// refused unless allowed, and a dry run reports without writing.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "indexer/feeds/csv_mapping.h"
#include "indexer/feeds/feed_records.h"
#include "indexer/thesaurus.h"

namespace tec::indexer {

inline constexpr double kDefaultMaxDeleteRatio = 0.3;

struct SyncOptions {
  std::string source;                   // the slug synced; records of another source are rejected
  const CsvMapping* mapping = nullptr;  // reads the feed as CSV when set
  double max_delete_ratio = kDefaultMaxDeleteRatio;
  bool allow_mass_delete = false;
  bool dry_run = false;
  std::chrono::seconds wait{0};                               // for another writer to finish
  const std::vector<SynonymGroup>* synonyms = nullptr;        // thesaurus written with the sync
  std::function<void(std::size_t, std::size_t)> on_progress;  // bytes read, total bytes
  FeedContext context;  // territories to check `collectivites` against, a mapping to fill it
  // What the refusal of a mass delete tells to do to go ahead anyway.
  std::string mass_delete_override = "relancez avec --allow-mass-delete";
  // How the report names each file, in the order of `files` (their paths
  // when empty): over HTTP, the upload rather than its spool file.
  std::vector<std::string> file_names;
};

struct SyncReport {
  std::string source;
  std::vector<std::string> files;
  std::size_t records = 0;  // lines or rows read
  std::size_t before = 0;   // documents of the source before the sync
  std::size_t added = 0, updated = 0, unchanged = 0, deleted = 0;
  std::size_t kept = 0;    // valid records (the later of two with one id included)
  std::size_t warned = 0;  // kept records with at least one warning
  std::vector<LineReport> rejected;
  std::vector<LineReport> duplicates;
  std::vector<LineReport> warnings;  // kept records: empty values left out, unknown collectivity codes
  bool dry_run = false;
  std::string refused;      // why nothing was written, when the guard refused
  std::string finished_at;  // UTC, ISO 8601
  double seconds = 0;
  Xapian::rev revision = 0;  // committed revision (0 when nothing was written)

  bool applied() const { return refused.empty() && !dry_run; }
  std::string text() const;  // French, for the terminal
  std::string json() const;
};

// Throws std::runtime_error for an unreadable feed, Xapian::DatabaseLockError
// when another writer keeps the index beyond `wait`: nothing is written then.
SyncReport sync_source(const std::string& index_dir, analysis::FrenchAnalyzer& analyzer,
                       const std::vector<std::string>& files, const SyncOptions& options);

// The current UTC time formatted by strftime; by default in the ISO 8601 form
// of the times of sync reports and statuses.
std::string utc_now(const char* format = "%Y-%m-%dT%H:%M:%SZ");

}  // namespace tec::indexer
