// SyncService implementation: a queue, one writer thread, statuses by id.
#include "searchd/sync_service.h"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <filesystem>

#include "analysis/french_analyzer.h"
#include "indexer/feeds/csv_mapping.h"
#include "indexer/sync.h"

namespace tec::searchd {
SyncService::SyncService(std::string index_dir, std::string mappings_dir, std::chrono::seconds writer_wait)
    : index_dir_(std::move(index_dir)),
      mappings_dir_(std::move(mappings_dir)),
      writer_wait_(writer_wait),
      synonyms_(indexer::parse_thesaurus(indexer::bundled_thesaurus(), "thesaurus intégré")),
      writer_([this] { run(); }) {}

SyncService::~SyncService() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  writer_.join();
  for (const auto& [id, request] : queue_) std::filesystem::remove(request.spool_path);
}

bool SyncService::has_mapping(const std::string& source) const {
  return !mappings_dir_.empty() && std::filesystem::exists(std::filesystem::path(mappings_dir_) / (source + ".json"));
}

SyncStatus SyncService::submit(SyncRequest request) {
  std::lock_guard lock(mutex_);
  char number[16];
  std::snprintf(number, sizeof number, "%04zu", next_number_++);
  SyncStatus status;
  status.id = indexer::utc_now("%Y%m%dT%H%M%SZ-") + number;
  status.source = request.source;
  status.state = "en_attente";
  status.received_at = indexer::utc_now();
  statuses_[status.id] = status;
  forget_oldest_finished();
  queue_.emplace_back(status.id, std::move(request));
  wake_.notify_one();
  return status;
}

void SyncService::forget_oldest_finished() {
  // Ids begin with the UTC time they were received at: the map is oldest first.
  for (auto it = statuses_.begin(); statuses_.size() > kStatusesKept && it != statuses_.end();) {
    const bool finished = it->second.state != "en_attente" && it->second.state != "en_cours";
    it = finished ? statuses_.erase(it) : std::next(it);
  }
}

std::optional<SyncStatus> SyncService::status(const std::string& source, const std::string& id) const {
  std::lock_guard lock(mutex_);
  const auto it = statuses_.find(id);
  if (it == statuses_.end() || it->second.source != source) return std::nullopt;
  return it->second;
}

void SyncService::run() {
  analysis::FrenchAnalyzer analyzer;
  while (true) {
    std::pair<std::string, SyncRequest> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      statuses_[job.first].state = "en_cours";
    }
    SyncStatus done;
    {
      std::lock_guard lock(mutex_);
      done = statuses_[job.first];
    }
    try {
      std::optional<indexer::CsvMapping> mapping;
      if (job.second.csv)
        mapping =
            indexer::CsvMapping::load((std::filesystem::path(mappings_dir_) / (job.second.source + ".json")).string());
      indexer::SyncOptions options;
      options.source = job.second.source;
      options.mapping = mapping ? &*mapping : nullptr;
      options.allow_mass_delete = job.second.allow_mass_delete;
      options.dry_run = job.second.dry_run;
      options.wait = writer_wait_;
      options.synonyms = &synonyms_;
      options.mass_delete_override = "renvoyez-le avec ?allow_mass_delete=true";
      options.file_names = {job.second.upload_name};
      const indexer::SyncReport report = indexer::sync_source(index_dir_, analyzer, {job.second.spool_path}, options);
      done.report_json = report.json();
      done.state = report.refused.empty() ? "terminee" : "refusee";
      spdlog::info("sync {} de {} : {} ajoutés, {} mis à jour, {} inchangés, {} supprimés, {} rejetés{}", job.first,
                   job.second.source, report.added, report.updated, report.unchanged, report.deleted,
                   report.rejected.size(), report.refused.empty() ? "" : " (refusée)");
    } catch (const std::exception& e) {
      done.state = "echec";
      done.error = e.what();
      spdlog::error("sync {} de {} : {}", job.first, job.second.source, e.what());
    } catch (const Xapian::Error& e) {
      done.state = "echec";
      done.error = "erreur de l'index : " + e.get_msg();
      spdlog::error("sync {} de {} : {}", job.first, job.second.source, e.get_description());
    }
    std::filesystem::remove(job.second.spool_path);
    std::lock_guard lock(mutex_);
    statuses_[job.first] = std::move(done);
  }
}

}  // namespace tec::searchd
