// build_while_writing and read_into_shards: bounded queues between the
// threads, which an exception on any side abandons.
#include "indexer/build_pipeline.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace tec::indexer {
namespace {

// Enough items to keep the consumer busy through an uneven record, few
// enough that a queue holds a few megabytes at most.
constexpr std::size_t kQueuedItems = 64;

struct Abandoned {};  // unwinds a producer once a consumer has failed

template <class Item>
class BoundedQueue {
 public:
  void push(Item item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return items_.size() < kQueuedItems || abandoned_; });
    if (abandoned_) throw Abandoned{};
    items_.push_back(std::move(item));
    ready_.notify_one();
  }

  // False once the producer is done and every item was taken, or abandoned.
  bool pop(Item& item) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || finished_ || abandoned_; });
    if (items_.empty() || abandoned_) return false;
    item = std::move(items_.front());
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
    room_.notify_one();
    ready_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::deque<Item> items_;
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
  BoundedQueue<Item> queue;
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
  for (std::size_t s = 0; s < shards; ++s) queues.push_back(std::make_unique<BoundedQueue<Resource>>());
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
    read([&](std::size_t shard, Resource record) { queues[shard]->push(std::move(record)); });
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
