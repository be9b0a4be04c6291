// SyncService: the single background writer of tec-searchd. Partner uploads
// are spooled to disk by the PUT route, then synced one at a time, in order,
// with the same sync as `tec-index sync`; their status and report stay
// available by id. Readers are never blocked: they see each sync once it is
// committed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "indexer/thesaurus.h"

namespace tec::searchd {

struct SyncRequest {
  std::string source;
  std::string spool_path;  // the uploaded feed; the service deletes it when done
  bool csv = false;
  bool allow_mass_delete = false;
  bool dry_run = false;
  std::string upload_name;  // how reports name the upload: its name, or « envoi <source> »
};

struct SyncStatus {
  std::string id;
  std::string source;
  std::string state;        // "en_attente", "en_cours", "terminee", "refusee", "echec"
  std::string received_at;  // UTC, ISO 8601
  std::string report_json;  // the sync report, once the sync ran
  std::string error;        // why it failed, in French, when state is "echec"
};

// How long a queued sync waits for a `tec-index` run holding the index.
inline constexpr std::chrono::seconds kDefaultWriterWait{600};
// Statuses kept for lookup; beyond, the oldest finished ones are forgotten
// (those waiting or running never are).
inline constexpr std::size_t kStatusesKept = 1000;

class SyncService {
 public:
  // `mappings_dir` holds <source>.json CSV mappings (may be empty: no CSV).
  SyncService(std::string index_dir, std::string mappings_dir, std::chrono::seconds writer_wait = kDefaultWriterWait);
  ~SyncService();  // finishes the sync under way, drops those waiting
  SyncService(const SyncService&) = delete;
  SyncService& operator=(const SyncService&) = delete;

  // Queues a spooled upload; returns its status (state "en_attente").
  SyncStatus submit(SyncRequest request);
  std::optional<SyncStatus> status(const std::string& source, const std::string& id) const;
  // Whether a CSV upload of `source` can be read (a mapping exists).
  bool has_mapping(const std::string& source) const;

 private:
  void run();
  void forget_oldest_finished();  // with mutex_ held

  std::string index_dir_;
  std::string mappings_dir_;
  std::chrono::seconds writer_wait_;
  std::vector<indexer::SynonymGroup> synonyms_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<std::string, SyncRequest>> queue_;  // id, request
  std::map<std::string, SyncStatus> statuses_;
  std::size_t next_number_ = 1;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace tec::searchd
