// ResponseCache: the answers of the latest searches and suggestions, most
// recently used kept, for the search box's repeated requests (every visitor
// typing "budget participatif" sends the same prefixes). A key names the
// index it was answered from (its UUID and revision), so a commit, a sync or
// a replicated revision makes every older answer unreachable; they leave as
// newer ones come in.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace tec::searchd {

template <class Value>
class ResponseCache {
 public:
  // At most `capacity` answers; 0 keeps none.
  explicit ResponseCache(std::size_t capacity) : capacity_(capacity) {}

  bool keeps_answers() const { return capacity_ > 0; }

  std::shared_ptr<const Value> find(const std::string& key) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second.position);
    return it->second.value;
  }

  void insert(const std::string& key, std::shared_ptr<const Value> value) {
    if (capacity_ == 0) return;
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(key); it != entries_.end()) {
      it->second.value = std::move(value);
      order_.splice(order_.begin(), order_, it->second.position);
      return;
    }
    if (entries_.size() == capacity_) {
      entries_.erase(order_.back());
      order_.pop_back();
    }
    order_.push_front(key);
    entries_.emplace(key, Entry{std::move(value), order_.begin()});
  }

  std::size_t size() {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    std::shared_ptr<const Value> value;
    std::list<std::string>::iterator position;  // in order_
  };

  const std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::string> order_;  // keys, most recently used first
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace tec::searchd
