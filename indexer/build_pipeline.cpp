// build_while_writing and read_into_shards: bounded queues between the
// threads, which an exception on any side abandons.
#include "indexer/build_pipeline.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace tec::indexer {
namespace {

// Built documents waiting for the one writer: enough to keep it busy through
// an uneven record, few enough that the queue holds a few megabytes at most.
constexpr std::size_t kQueuedDocuments = 64;

// Records waiting for a shard. Every kWriteBatchDocuments a shard's thread
// stops building to move its batch into its B-trees; the reader blocks as soon
// as that shard's queue is full, and the other shards starve. Queues deep
// enough to cover the move keep every core busy: on the Grand Débat's 328,405
// answers, two shards with queues of 64 records ran at 150-158 % CPU in all
// and tec-index took 72-76 s; with these, 179-182 % and 59-61 s. The bound on
// their text keeps long records from piling up in memory.
constexpr std::size_t kQueuedRecords = 4096;
constexpr std::size_t kQueuedRecordBytes = 8 << 20;

// What a record's text takes in memory, about: its fields and its whole JSON.
std::size_t footprint(const Resource& record) {
  return record.json.size() + record.body.size() + record.summary.size() + record.title.size();
}

struct Abandoned {};  // unwinds a producer once a consumer has failed

// Holds at most `max_items` items and, past the first one, `max_bytes` of
// their footprint.
template <class Item>
class BoundedQueue {
 public:
  BoundedQueue(std::size_t max_items, std::size_t max_bytes) : max_items_(max_items), max_bytes_(max_bytes) {}

  void push(Item item, std::size_t bytes = 0) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] {
      return (items_.size() < max_items_ && (items_.empty() || bytes_ + bytes <= max_bytes_)) || abandoned_;
    });
    if (abandoned_) throw Abandoned{};
    items_.push_back({std::move(item), bytes});
    bytes_ += bytes;
    ready_.notify_one();
  }

  // False once the producer is done and every item was taken, or abandoned.
  bool pop(Item& item) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || finished_ || abandoned_; });
    if (items_.empty() || abandoned_) return false;
    item = std::move(items_.front().first);
    bytes_ -= items_.front().second;
    items_.pop_front();
    room_.notify_one();
    return true;
  }

  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    ready_.notify_one();
  }

  void abandon() {
    std::lock_guard lock(mutex_);
    abandoned_ = true;
    items_.clear();
    bytes_ = 0;
    room_.notify_one();
    ready_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_, ready_;
  const std::size_t max_items_, max_bytes_;
  std::deque<std::pair<Item, std::size_t>> items_;  // with its footprint
  std::size_t bytes_ = 0;
  bool finished_ = false, abandoned_ = false;
};

// The first failure of any thread, kept to be rethrown.
class FirstFailure {
 public:
  void keep(std::exception_ptr failure) {
    std::lock_guard lock(mutex_);
    if (!failure_) failure_ = std::move(failure);
  }
  void rethrow() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::mutex mutex_;
  std::exception_ptr failure_;
};

}  // namespace

void build_while_writing(
    const std::function<void(const EmitDocument&)>& build,
    const std::function<void(const std::string& unique_term, const IndexedDocument& document)>& write) {
  using Item = std::pair<std::string, IndexedDocument>;
  BoundedQueue<Item> queue(kQueuedDocuments, SIZE_MAX);
  std::exception_ptr build_failure;
  std::thread worker([&] {
    try {
      build([&](std::string unique_term, IndexedDocument document) {
        queue.push({std::move(unique_term), std::move(document)});
      });
    } catch (const Abandoned&) {
    } catch (...) {
      build_failure = std::current_exception();
    }
    queue.finish();
  });
  try {
    Item item;
    while (queue.pop(item)) write(item.first, item.second);
  } catch (...) {
    queue.abandon();
    worker.join();
    throw;
  }
  worker.join();
  if (build_failure) std::rethrow_exception(build_failure);
}

void read_into_shards(std::size_t shards, const std::function<void(const EmitRecord&)>& read,
                      const std::function<void(std::size_t shard, Resource& record)>& work) {
  std::vector<std::unique_ptr<BoundedQueue<Resource>>> queues;
  for (std::size_t s = 0; s < shards; ++s)
    queues.push_back(std::make_unique<BoundedQueue<Resource>>(kQueuedRecords, kQueuedRecordBytes));
  FirstFailure failure;
  const auto abandon_all = [&] {
    for (auto& queue : queues) queue->abandon();
  };
  std::vector<std::thread> workers;
  for (std::size_t s = 0; s < shards; ++s) {
    workers.emplace_back([&, s] {
      try {
        Resource record;
        while (queues[s]->pop(record)) work(s, record);
      } catch (...) {
        failure.keep(std::current_exception());
        abandon_all();
      }
    });
  }
  try {
    read([&](std::size_t shard, Resource record) {
      const std::size_t bytes = footprint(record);
      queues[shard]->push(std::move(record), bytes);
    });
    for (auto& queue : queues) queue->finish();
  } catch (const Abandoned&) {
  } catch (...) {
    failure.keep(std::current_exception());
    abandon_all();
  }
  for (std::thread& worker : workers) worker.join();
  failure.rethrow();
}

}  // namespace tec::indexer
