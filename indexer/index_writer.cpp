// IndexWriter implementation over Xapian's flushed transactions.
#include "indexer/index_writer.h"

namespace tec::indexer {

IndexWriter::IndexWriter(const std::string& directory) : db_(directory, Xapian::DB_CREATE_OR_OPEN) {
  db_.begin_transaction(true);
  open_transaction_ = true;
}

IndexWriter::~IndexWriter() {
  if (!open_transaction_) return;
  try {
    db_.cancel_transaction();
  } catch (const Xapian::Error&) {
    // The database is being abandoned: its last committed revision stands.
  }
}

void IndexWriter::put(const std::string& unique_term, const Xapian::Document& document) {
  db_.replace_document(unique_term, document);
}

void IndexWriter::commit() {
  db_.commit_transaction();
  open_transaction_ = false;
}

}  // namespace tec::indexer
