// IndexAccess: gives each worker thread its own read handle on the index
// (Xapian databases are not shared between threads), brought to the latest
// committed revision before each request, and retries a request that a
// concurrent commit invalidated (Xapian::DatabaseModifiedError).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>

#include <xapian.h>

#include "analysis/french_analyzer.h"

namespace tec::searchd {

class IndexAccess {
 public:
  struct Reader {
    explicit Reader(const std::string& directory) : db(directory) {}
    Xapian::Database db;
    analysis::FrenchAnalyzer analyzer;
  };

  // Throws Xapian::DatabaseOpeningError when `directory` holds no index.
  explicit IndexAccess(std::string directory);

  template <class Work>
  std::invoke_result_t<Work, Reader&> run(Work&& work) {
    Reader& reader = thread_reader();
    for (int attempt = 1;; ++attempt) {
      try {
        reader.db.reopen();
        return work(reader);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kAttempts) throw;
      }
    }
  }

 private:
  static constexpr int kAttempts = 5;

  Reader& thread_reader();

  std::string directory_;
  std::uint64_t serial_;  // tells this instance's readers apart in thread-local storage
};

}  // namespace tec::searchd
