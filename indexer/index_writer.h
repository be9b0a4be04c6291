// IndexWriter: the only code that writes a tec-search database. All changes of
// one run form a single Xapian transaction: until commit() nothing is visible,
// and a crash or an exception leaves the previous revision in place.
#pragma once

#include <string>

#include <xapian.h>

namespace tec::indexer {

class IndexWriter {
 public:
  // Creates the database when absent. Throws Xapian::DatabaseLockError when
  // another writer holds it, other Xapian errors when it cannot be opened.
  explicit IndexWriter(const std::string& directory);
  ~IndexWriter();  // cancels an uncommitted transaction
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds the document, or replaces the one holding the same unique term.
  void put(const std::string& unique_term, const Xapian::Document& document);
  void commit();

 private:
  Xapian::WritableDatabase db_;
  bool open_transaction_ = false;
};

}  // namespace tec::indexer
