// StatsSaver implementation: one thread sleeping on a condition variable.
#include "searchd/stats_saver.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace tec::searchd {

StatsSaver::StatsSaver(QueryStats& stats, std::string path, std::chrono::seconds interval)
    : stats_(stats), path_(std::move(path)), interval_(interval), saved_(stats.recorded()), thread_([this] {
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) save_if_changed();
      }) {}

StatsSaver::~StatsSaver() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  save_if_changed();
}

void StatsSaver::save_if_changed() {
  const std::uint64_t recorded = stats_.recorded();
  if (recorded == saved_) return;
  try {
    stats_.save(path_);
    saved_ = recorded;
  } catch (const std::exception& e) {
    spdlog::error("statistiques des requêtes non enregistrées : {}", e.what());
  }
}

}  // namespace tec::searchd
