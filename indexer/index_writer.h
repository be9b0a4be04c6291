// IndexWriter: the only code that writes a tec-search database. All changes of
// one run form a single Xapian transaction: until commit() nothing is visible,
// and a crash or an exception leaves the previous revision in place.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/thesaurus.h"

namespace tec::indexer {

class IndexWriter {
 public:
  // Creates the database when absent. When another writer holds it, waits up
  // to `wait` for it, then throws Xapian::DatabaseLockError; other Xapian
  // errors when it cannot be opened.
  explicit IndexWriter(const std::string& directory, std::chrono::seconds wait = std::chrono::seconds(0));
  ~IndexWriter();  // cancels an uncommitted transaction
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds the document, or replaces the one holding the same unique term, and
  // counts its words in the spelling table (display forms).
  void put(const std::string& unique_term, const IndexedDocument& document);
  void remove(const std::string& unique_term);
  void set_metadata(const std::string& key, const std::string& value);
  // The database as this transaction sees it.
  const Xapian::Database& database() const { return db_; }
  // Replaces the whole synonym table with the thesaurus `groups`.
  void replace_synonyms(const std::vector<SynonymGroup>& groups, analysis::FrenchAnalyzer& analyzer);
  void commit();

 private:
  Xapian::WritableDatabase db_;
  bool open_transaction_ = false;
};

}  // namespace tec::indexer
