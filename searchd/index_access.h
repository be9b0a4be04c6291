// IndexAccess: gives each worker thread its own read handle on the index
// (Xapian databases are not shared between threads), brought to the latest
// committed revision before each request, with the Lexicon and FacetTable of
// that database and revision (shared by all threads, rebuilt once per
// ranking::IndexVersion: a rebuilt index swapped in starts its revisions
// again, under a new UUID), and
// retries a request that a concurrent commit invalidated
// (Xapian::DatabaseModifiedError).
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
#include <utility>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "ranking/facet_table.h"
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
    // Of db's revision, or an older one while rebuilt, which FacetSpy does not use.
    std::shared_ptr<const ranking::FacetTable> facets;
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
        Derived derived = derived_for(reader);
        reader.lexicon = std::move(derived.lexicon);
        reader.facets = std::move(derived.facets);
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
  // What is derived from the reader's index version: its lexicon and facet
  // table. One thread rebuilds them when the version moves; the others keep
  // the previous ones meanwhile (FacetSpy does not use a table of another
  // version).
  struct Derived {
    std::shared_ptr<const ranking::Lexicon> lexicon;
    std::shared_ptr<const ranking::FacetTable> facets;
  };
  Derived derived_for(Reader& reader);

  std::string directory_;
  bool replica_;
  std::uint64_t serial_;  // tells this instance's readers apart in thread-local storage
  Derived current();

  std::mutex derived_mutex_;  // guards derived_, held only to read or swap it
  std::mutex rebuild_mutex_;  // held by the one thread rebuilding
  Derived derived_;
};

}  // namespace tec::searchd
