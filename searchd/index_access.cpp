// IndexAccess implementation: one Reader per (thread, IndexAccess), one
// Lexicon per revision.
#include "searchd/index_access.h"

#include <atomic>
#include <unordered_map>

namespace tec::searchd {
namespace {
std::atomic<std::uint64_t> next_serial{1};
}

IndexAccess::IndexAccess(std::string directory) : directory_(std::move(directory)), serial_(next_serial++) {
  Reader& reader = thread_reader();
  lexicon_ = std::make_shared<const ranking::Lexicon>(reader.db, reader.analyzer);
}

IndexAccess::Reader& IndexAccess::thread_reader() {
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<Reader>> readers;
  auto& reader = readers[serial_];
  if (!reader) reader = std::make_unique<Reader>(directory_);
  return *reader;
}

std::shared_ptr<const ranking::Lexicon> IndexAccess::current_lexicon() {
  std::lock_guard lock(lexicon_mutex_);
  return lexicon_;
}

std::shared_ptr<const ranking::Lexicon> IndexAccess::lexicon_for(Reader& reader) {
  const Xapian::rev revision = reader.db.get_revision();
  std::shared_ptr<const ranking::Lexicon> current = current_lexicon();
  if (current->revision() >= revision) return current;
  std::unique_lock rebuilding(rebuild_mutex_, std::try_to_lock);
  if (!rebuilding.owns_lock()) return current;
  current = current_lexicon();
  if (current->revision() >= revision) return current;
  auto fresh = std::make_shared<const ranking::Lexicon>(reader.db, reader.analyzer);
  std::lock_guard lock(lexicon_mutex_);
  lexicon_ = fresh;
  return fresh;
}

}  // namespace tec::searchd
