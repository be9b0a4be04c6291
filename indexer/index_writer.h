// IndexWriter: the only code that writes a tec-search database. All changes of
// one run form a single Xapian transaction: until commit() nothing is visible,
// and a crash or an exception leaves the previous revision in place. A new
// index's shards, which nobody reads, are written without one (Scratch).
#pragma once

#include <chrono>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "indexer/document_builder.h"
#include "indexer/thesaurus.h"

namespace tec::indexer {

// Inside a run's transaction Xapian keeps the pending postings of a batch of
// documents in std::maps, then moves them into its B-trees (still
// uncommitted). Its default batch, 10,000 documents, makes those maps deep:
// each posting added walked thousands of nodes, and a run peaked at 300 MB.
// Batches of kWriteBatchDocuments indexed 20,000 generated documents 1.45x
// faster in 50 MB (bench/README.md). Xapian reads the size from the
// environment (XAPIAN_FLUSH_THRESHOLD) when a writable database opens: call
// this at process start, before any thread; an operator's own value is kept.
inline constexpr int kWriteBatchDocuments = 500;
void use_small_write_batches();

// How a writer's changes reach the disk.
enum class Durability {
  // One transaction, committed and synced by commit().
  Transaction,
  // A database nobody reads before commit() and that is thrown away on any
  // failure (a new index's shard): each batch is committed as it goes,
  // unsynced, where a transaction held the run's changes in memory until its
  // end. On the Grand Débat's 328,405 answers, tec-index's peak RSS went from
  // 266 to 138-142 MB, its time unchanged (58-62 s against 59-75 s).
  Scratch,
};

class IndexWriter {
 public:
  // Creates the database when absent. When another writer holds it, waits up
  // to `wait` for it, then throws Xapian::DatabaseLockError; other Xapian
  // errors when it cannot be opened.
  explicit IndexWriter(const std::string& directory, std::chrono::seconds wait = std::chrono::seconds(0),
                       Durability durability = Durability::Transaction);
  ~IndexWriter();  // cancels an uncommitted transaction (a scratch database keeps its batches)
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Adds the document, or replaces the one holding the same unique term, and
  // counts its words for the spelling table (display forms), written at commit.
  void put(const std::string& unique_term, const IndexedDocument& document);
  void remove(const std::string& unique_term);
  void set_metadata(const std::string& key, const std::string& value);
  // The database as this transaction sees it.
  const Xapian::Database& database() const { return db_; }
  // Replaces the whole synonym table with the thesaurus `groups`, the
  // editors' groups stored in the index (set_editors_thesaurus) and the
  // acronyms of the index (indexer/acronym_synonyms.h), read as this
  // transaction sees it: call it after the run's documents are written.
  void replace_synonyms(const std::vector<SynonymGroup>& groups, analysis::FrenchAnalyzer& analyzer);
  // Stores the editors' thesaurus, the text of a file already checked with
  // parse_thesaurus, for this and every later replace_synonyms.
  void set_editors_thesaurus(const std::string& text);
  // The editors' groups stored in the index (none when never set).
  std::vector<SynonymGroup> editors_groups() const;
  void commit();

 private:
  void add_groups(const std::vector<SynonymGroup>& groups, analysis::FrenchAnalyzer& analyzer);

  Xapian::WritableDatabase db_;
  const Durability durability_;
  bool open_transaction_ = false;
  // One add_spelling per distinct word of the run rather than per word of
  // each document: the run's vocabulary is a few thousand words.
  std::unordered_map<std::string, Xapian::termcount> pending_spellings_;
};

}  // namespace tec::indexer
