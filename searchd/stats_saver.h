// StatsSaver: keeps tec-searchd's query statistics on disk, so that a restart
// loses at most one interval of searches: every interval when something was
// recorded, and once more when it is destroyed (clean shutdown).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "searchd/query_stats.h"

namespace tec::searchd {

inline constexpr std::chrono::seconds kStatsSaveInterval{60};

class StatsSaver {
 public:
  StatsSaver(QueryStats& stats, std::string path, std::chrono::seconds interval = kStatsSaveInterval);
  ~StatsSaver();  // saves what was recorded since the last save
  StatsSaver(const StatsSaver&) = delete;
  StatsSaver& operator=(const StatsSaver&) = delete;

 private:
  void save_if_changed();  // logs a failure: serving goes on

  QueryStats& stats_;
  std::string path_;
  std::chrono::seconds interval_;
  std::uint64_t saved_ = 0;  // stats_.recorded() at the last save
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tec::searchd
