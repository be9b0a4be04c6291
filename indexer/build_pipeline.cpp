// build_while_writing: a bounded queue between the building worker and the
// writing caller.
#include "indexer/build_pipeline.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace tec::indexer {
namespace {

// Enough built documents to keep the writer busy through an uneven record,
// few enough that the queue holds a few megabytes at most.
constexpr std::size_t kQueuedDocuments = 64;

struct Abandoned {};  // unwinds the worker once the writer has failed

class DocumentQueue {
 public:
  using Item = std::pair<std::string, IndexedDocument>;

  void push(std::string unique_term, IndexedDocument document) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return items_.size() < kQueuedDocuments || abandoned_; });
    if (abandoned_) throw Abandoned{};
    items_.emplace_back(std::move(unique_term), std::move(document));
    ready_.notify_one();
  }

  // False once the worker is done and every document was taken.
  bool pop(Item& item) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || finished_; });
    if (items_.empty()) return false;
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
  }

 private:
  std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::deque<Item> items_;
  bool finished_ = false, abandoned_ = false;
};

}  // namespace

void build_while_writing(const std::function<void(const EmitDocument&)>& build,
                         const std::function<void(const std::string& unique_term, const IndexedDocument& document)>& write) {
  DocumentQueue queue;
  std::exception_ptr build_failure;
  std::thread worker([&] {
    try {
      build([&](std::string unique_term, IndexedDocument document) { queue.push(std::move(unique_term), std::move(document)); });
    } catch (const Abandoned&) {
    } catch (...) {
      build_failure = std::current_exception();
    }
    queue.finish();
  });
  try {
    DocumentQueue::Item item;
    while (queue.pop(item)) write(item.first, item.second);
  } catch (...) {
    queue.abandon();
    worker.join();
    throw;
  }
  worker.join();
  if (build_failure) std::rethrow_exception(build_failure);
}

}  // namespace tec::indexer
