// IndexAccess implementation: one Reader per (thread, IndexAccess).
#include "searchd/index_access.h"

#include <atomic>
#include <unordered_map>

namespace tec::searchd {
namespace {
std::atomic<std::uint64_t> next_serial{1};
}

IndexAccess::IndexAccess(std::string directory) : directory_(std::move(directory)), serial_(next_serial++) {
  Xapian::Database check(directory_);
}

IndexAccess::Reader& IndexAccess::thread_reader() {
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<Reader>> readers;
  auto& reader = readers[serial_];
  if (!reader) reader = std::make_unique<Reader>(directory_);
  return *reader;
}

}  // namespace tec::searchd
