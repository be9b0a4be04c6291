// IndexWriter implementation over Xapian's flushed transactions.
#include "indexer/index_writer.h"

#include "indexer/acronym_synonyms.h"

#include <cstdlib>
#include <string>
#include <thread>

#include "schema/index_schema.h"
#include "schema/synonym_key.h"

namespace tec::indexer {

void use_small_write_batches() {
  setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(kWriteBatchDocuments).c_str(), /*overwrite=*/0);
}

IndexWriter::IndexWriter(const std::string& directory, std::chrono::seconds wait, Durability durability)
    : durability_(durability) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  while (true) {
    try {
      db_ = Xapian::WritableDatabase(
          directory, Xapian::DB_CREATE_OR_OPEN | (durability == Durability::Scratch ? Xapian::DB_NO_SYNC : 0));
      break;
    } catch (const Xapian::DatabaseLockError&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
  if (durability == Durability::Transaction) {
    db_.begin_transaction(true);
    open_transaction_ = true;
  }
  if (db_.get_doccount() == 0 && db_.get_metadata(std::string(schema::kLayoutMetadataKey)).empty()) {
    db_.set_metadata(std::string(schema::kLayoutMetadataKey), schema::layout_name(schema::kIndexLayoutVersion));
  }
}

IndexWriter::~IndexWriter() {
  if (!open_transaction_) return;
  try {
    db_.cancel_transaction();
  } catch (const Xapian::Error&) {
    // The database is being abandoned: its last committed revision stands.
  }
}

void IndexWriter::put(const std::string& unique_term, const IndexedDocument& document) {
  db_.replace_document(unique_term, document.document);
  for (const auto& [word, count] : document.spellings) pending_spellings_[word] += count;
}

void IndexWriter::remove(const std::string& unique_term) { db_.delete_document(unique_term); }

void IndexWriter::set_metadata(const std::string& key, const std::string& value) { db_.set_metadata(key, value); }

void IndexWriter::set_editors_thesaurus(const std::string& text) {
  db_.set_metadata(std::string(schema::kEditorsThesaurusKey), text);
}

std::vector<SynonymGroup> IndexWriter::editors_groups() const {
  return parse_thesaurus(db_.get_metadata(std::string(schema::kEditorsThesaurusKey)),
                         "thésaurus des éditeurs de l'index");
}

void IndexWriter::replace_synonyms(const std::vector<SynonymGroup>& groups, analysis::FrenchAnalyzer& analyzer) {
  std::vector<std::string> old_keys(db_.synonym_keys_begin(), db_.synonym_keys_end());
  for (const std::string& key : old_keys) db_.clear_synonyms(key);
  add_groups(groups, analyzer);
  add_groups(editors_groups(), analyzer);
  static const std::vector<AcronymMeaning> reference = parse_acronyms(bundled_acronyms());
  add_acronym_synonyms(db_, acronyms_of(db_, reference, analyzer), analyzer);
}

void IndexWriter::add_groups(const std::vector<SynonymGroup>& groups, analysis::FrenchAnalyzer& analyzer) {
  for (const SynonymGroup& group : groups) {
    for (const std::string& expression : group) {
      std::vector<const analysis::Token*> words;
      const std::vector<analysis::Token> tokens = analyzer.analyze(expression);
      for (const analysis::Token& token : tokens) {
        if (token.kind == analysis::Token::Kind::Word) words.push_back(&token);
      }
      if (words.empty()) continue;
      // An acronym that is also a word ("PLU") is looked up only when typed in
      // capitals; the query builder asks so of single words only.
      const std::string key = (words.size() == 1 ? acronym_key_prefix(expression) : "") + schema::synonym_key(words);
      for (const std::string& other : group) {
        if (&other != &expression) db_.add_synonym(key, other);
      }
    }
  }
}

void IndexWriter::commit() {
  for (const auto& [word, count] : pending_spellings_) db_.add_spelling(word, count);
  pending_spellings_.clear();
  if (durability_ == Durability::Scratch) {
    db_.commit();
    return;
  }
  db_.commit_transaction();
  open_transaction_ = false;
}

}  // namespace tec::indexer
