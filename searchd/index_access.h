// IndexAccess: gives each worker thread its own read handle on the index
// (Xapian databases are not shared between threads), brought to the latest
// committed revision before each request, with the Lexicon of that revision
// (shared by all threads, rebuilt once per revision), and retries a request
// that a concurrent commit invalidated (Xapian::DatabaseModifiedError).
//
// On a replica kept by xapian-replicate, a new revision may arrive as a full
// copy that the replica's stub file (XAPIANDB) switches to; Xapian's
// replication guide says such a database must be closed and opened again,
// reopen() will not follow. In replica mode the handle is replaced whenever
// the stub or the live copy it names has changed.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "ranking/lexicon.h"

namespace tec::searchd {

class IndexAccess {
 public:
  struct Reader {
    explicit Reader(const std::string& directory) : db(directory) {}
    Xapian::Database db;
    std::string replica_state;  // replica mode: what the handle was opened on
    analysis::FrenchAnalyzer analyzer;
    std::shared_ptr<const ranking::Lexicon> lexicon;  // of db's revision, or a slightly older one while rebuilt
  };

  // Throws Xapian::DatabaseOpeningError when `directory` holds no index.
  // `replica`: the directory is a replica written by xapian-replicate.
  explicit IndexAccess(std::string directory, bool replica = false);

  template <class Work>
  std::invoke_result_t<Work, Reader&> run(Work&& work) {
    Reader& reader = thread_reader();
    for (int attempt = 1;; ++attempt) {
      try {
        refresh(reader);
        reader.lexicon = lexicon_for(reader);
        return work(reader);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kAttempts) throw;
      }
    }
  }

 private:
  static constexpr int kAttempts = 5;

  Reader& thread_reader();
  void refresh(Reader& reader);
  // Replica mode: the stub's contents and the modification time of the live
  // copy's version file, which change with every replicated revision.
  std::string replica_state() const;
  // The lexicon of the reader's revision. One thread rebuilds it when the
  // revision moves; the others keep the previous one meanwhile.
  std::shared_ptr<const ranking::Lexicon> lexicon_for(Reader& reader);

  std::string directory_;
  bool replica_;
  std::uint64_t serial_;  // tells this instance's readers apart in thread-local storage
  std::shared_ptr<const ranking::Lexicon> current_lexicon();

  std::mutex lexicon_mutex_;  // guards lexicon_, held only to read or swap it
  std::mutex rebuild_mutex_;  // held by the one thread rebuilding
  std::shared_ptr<const ranking::Lexicon> lexicon_;
};

}  // namespace tec::searchd
