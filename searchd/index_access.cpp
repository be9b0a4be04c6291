// IndexAccess implementation: one Reader per (thread, IndexAccess), one
// Lexicon and one FacetTable per revision.
#include "searchd/index_access.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace tec::searchd {
namespace {
std::atomic<std::uint64_t> next_serial{1};
}

IndexAccess::IndexAccess(std::string directory, bool replica)
    : directory_(std::move(directory)), replica_(replica), serial_(next_serial++) {
  Reader& reader = thread_reader();
  derived_ = {std::make_shared<const ranking::Lexicon>(reader.db, reader.analyzer),
              std::make_shared<const ranking::FacetTable>(reader.db)};
}

IndexAccess::Reader& IndexAccess::thread_reader() {
  thread_local std::unordered_map<std::uint64_t, std::unique_ptr<Reader>> readers;
  auto& reader = readers[serial_];
  if (!reader) {
    const std::string state = replica_ ? replica_state() : std::string();
    reader = std::make_unique<Reader>(directory_);
    reader->replica_state = state;
  }
  return *reader;
}

void IndexAccess::refresh(Reader& reader) {
  if (!replica_) {
    reader.db.reopen();
    return;
  }
  // The state is read before opening: a copy landing in between is seen at
  // the next request rather than missed.
  std::string state = replica_state();
  if (state == reader.replica_state) return;
  reader.db = Xapian::Database(directory_);
  reader.replica_state = std::move(state);
}

std::string IndexAccess::replica_state() const {
  const std::filesystem::path stub = std::filesystem::path(directory_) / "XAPIANDB";
  std::ifstream in(stub);
  std::ostringstream state;
  state << in.rdbuf();
  // Each stub line reads "auto <live copy>", relative to the replica folder.
  std::istringstream lines(state.str());
  for (std::string kind, path; lines >> kind >> path;) {
    std::error_code error;
    const auto version = std::filesystem::last_write_time(std::filesystem::path(directory_) / path / "iamglass", error);
    if (!error) state << '\n' << version.time_since_epoch().count();
  }
  return state.str();
}

IndexAccess::Derived IndexAccess::current() {
  std::lock_guard lock(derived_mutex_);
  return derived_;
}

IndexAccess::Derived IndexAccess::derived_for(Reader& reader) {
  const ranking::IndexVersion version = ranking::IndexVersion::of(reader.db);
  Derived derived = current();
  if (derived.lexicon->version().covers(version)) return derived;
  std::unique_lock rebuilding(rebuild_mutex_, std::try_to_lock);
  if (!rebuilding.owns_lock()) return derived;
  derived = current();
  if (derived.lexicon->version().covers(version)) return derived;
  Derived fresh{std::make_shared<const ranking::Lexicon>(reader.db, reader.analyzer),
                std::make_shared<const ranking::FacetTable>(reader.db)};
  std::lock_guard lock(derived_mutex_);
  derived_ = fresh;
  return fresh;
}

}  // namespace tec::searchd
