// Ingest and IndexWriter: good records around bad ones are kept, every bad one
// is reported with file and line, and a failed run leaves the index as it was.
#include "indexer/ingest.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iterator>

#include "schema/index_schema.h"
#include "schema/stored_document.h"
#include "test_support.h"

namespace tec::indexer {
namespace {

using test_support::TempDir;
using test_support::write_file;

std::string record(const std::string& id, const std::string& title) {
  return R"({"id":")" + id + R"(","source":"anct","type":"guide","title":")" + title + "\"}";
}

TEST(Ingest, KeepsGoodRecordsAroundBadOnesAndReportsEach) {
  TempDir dir;
  const std::string feed =
      write_file(dir.path() / "feed.jsonl", record("a", "Premier") + "\n" + "{\"id\":\"b\",\"source\":\"anct\"\n" +
                                                record("c", "Troisi\xE8me") + "\n" + record("d", "Quatrième") + "\n" +
                                                "[1,2]\n" + record("e", "Dernier"));
  analysis::FrenchAnalyzer analyzer;
  IndexWriter writer(dir.str("index"));
  const IngestReport report = ingest(writer, analyzer, {feed}, {});
  writer.commit();

  EXPECT_EQ(report.records, 6u);
  EXPECT_EQ(report.indexed, 3u);
  ASSERT_EQ(report.rejected.size(), 3u);
  EXPECT_EQ(report.rejected[0].text(),
            feed + ":2: JSON invalide à la colonne 26 : « , » ou « } » attendu après un membre d'objet");
  EXPECT_EQ(report.rejected[1].text(), feed + ":3: UTF-8 invalide à l'octet 57 de la ligne");
  EXPECT_EQ(report.rejected[2].text(), feed + ":5: l'enregistrement doit être un objet JSON, pas un tableau");

  Xapian::Database db(dir.str("index"));
  EXPECT_EQ(db.get_doccount(), 3u);
  for (const char* id : {"a", "d", "e"}) EXPECT_TRUE(db.term_exists(schema::unique_term("anct", id))) << id;
}

TEST(Ingest, LaterDuplicateReplacesEarlierAndIsReported) {
  TempDir dir;
  const std::string feed =
      write_file(dir.path() / "feed.jsonl", record("a", "Ancien titre") + "\n" + record("a", "Nouveau titre") + "\n");
  analysis::FrenchAnalyzer analyzer;
  IndexWriter writer(dir.str("index"));
  const IngestReport report = ingest(writer, analyzer, {feed}, {});
  writer.commit();
  EXPECT_EQ(report.indexed, 1u);
  ASSERT_EQ(report.duplicates.size(), 1u);
  EXPECT_EQ(report.duplicates[0].text(),
            feed + ":2: identifiant « a » déjà présent en " + feed + ":1, cette version le remplace");
  Xapian::Database db(dir.str("index"));
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_TRUE(db.term_exists("nouveau"));
  EXPECT_FALSE(db.term_exists("ancien"));
}

TEST(Ingest, ReindexingReplacesBySourceAndId) {
  TempDir dir;
  const std::string first =
      write_file(dir.path() / "1.jsonl", record("a", "Version un") + "\n" + record("b", "Autre") + "\n");
  const std::string second = write_file(dir.path() / "2.jsonl", record("a", "Version deux") + "\n");
  EXPECT_EQ(test_support::index_files(dir.str("index"), {first}), 0u);
  EXPECT_EQ(test_support::index_files(dir.str("index"), {second}), 0u);
  Xapian::Database db(dir.str("index"));
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_TRUE(db.term_exists("deux"));
  EXPECT_FALSE(db.term_exists("un"));
}

TEST(Ingest, AnUnreadableFileStopsTheRunBeforeAnyWrite) {
  TempDir dir;
  const std::string good = write_file(dir.path() / "good.jsonl", record("a", "Garde") + "\n");
  ASSERT_EQ(test_support::index_files(dir.str("index"), {good}), 0u);

  const std::string more = write_file(dir.path() / "more.jsonl", record("b", "Nouveau") + "\n");
  analysis::FrenchAnalyzer analyzer;
  {
    IndexWriter writer(dir.str("index"));
    EXPECT_THROW(ingest(writer, analyzer, {more, dir.str("missing.jsonl")}, {}), std::runtime_error);
  }
  Xapian::Database db(dir.str("index"));
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_FALSE(db.term_exists(schema::unique_term("anct", "b")));
}

TEST(Ingest, AnUncommittedRunLeavesThePreviousIndex) {
  TempDir dir;
  const std::string good = write_file(dir.path() / "good.jsonl", record("a", "Garde") + "\n");
  ASSERT_EQ(test_support::index_files(dir.str("index"), {good}), 0u);
  const Xapian::rev before = Xapian::Database(dir.str("index")).get_revision();
  {
    analysis::FrenchAnalyzer analyzer;
    IndexWriter writer(dir.str("index"));
    ingest(writer, analyzer, {write_file(dir.path() / "b.jsonl", record("b", "Perdu") + "\n")}, {});
    // No commit: the writer goes away as on an error.
  }
  Xapian::Database db(dir.str("index"));
  EXPECT_EQ(db.get_revision(), before);
  EXPECT_EQ(db.get_doccount(), 1u);
}

// A new index's shard is read by no one before its end: Xapian commits each
// batch as it goes rather than holding the whole run in memory, where a
// transaction shows nothing before commit().
TEST(Ingest, AScratchWriterCommitsItsBatchesAsItGoes) {
  TempDir dir;
  const char* operator_threshold = std::getenv("XAPIAN_FLUSH_THRESHOLD");
  const std::string kept = operator_threshold ? operator_threshold : "";
  setenv("XAPIAN_FLUSH_THRESHOLD", "10", /*overwrite=*/1);  // read when a writable database opens
  std::string records;
  for (int i = 0; i < 25; ++i) records += record("r" + std::to_string(i), "Titre") + "\n";
  const std::string feed = write_file(dir.path() / "feed.jsonl", records);
  analysis::FrenchAnalyzer analyzer;
  IndexWriter scratch(dir.str("scratch"), std::chrono::seconds(0), Durability::Scratch);
  IndexWriter transaction(dir.str("transaction"));
  if (operator_threshold) {
    setenv("XAPIAN_FLUSH_THRESHOLD", kept.c_str(), 1);
  } else {
    unsetenv("XAPIAN_FLUSH_THRESHOLD");
  }
  ingest(scratch, analyzer, {feed}, {});
  ingest(transaction, analyzer, {feed}, {});
  EXPECT_EQ(Xapian::Database(dir.str("scratch")).get_doccount(), 20u);
  EXPECT_EQ(Xapian::Database(dir.str("transaction")).get_doccount(), 0u);
  scratch.commit();
  EXPECT_EQ(Xapian::Database(dir.str("scratch")).get_doccount(), 25u);
}

TEST(Ingest, ASecondWriterIsRefusedWhileTheFirstHoldsTheIndex) {
  TempDir dir;
  IndexWriter first(dir.str("index"));
  EXPECT_THROW(IndexWriter second(dir.str("index")), Xapian::DatabaseLockError);
}

TEST(Ingest, StoresTheRecordWithAccentsAndThePlainBody) {
  TempDir dir;
  ASSERT_EQ(test_support::index_files(dir.str("index"), {test_support::test_corpus_path()}), 0u);
  Xapian::Database db(dir.str("index"));
  const std::string key = schema::unique_term("test", "demarche-html");
  const std::string data = db.get_document(*db.postlist_begin(key)).get_data();
  const auto stored = schema::StoredDocument::decode(data);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->title, "Une démarche pas à pas");
  EXPECT_EQ(stored->body_text, "Principe\nUne démarche concertée en trois temps\u00A0: informer, écouter, restituer.");
  const auto record = schema::StoredDocument::record_json(data);
  ASSERT_TRUE(record);
  EXPECT_NE(record->find("<strong>concert&eacute;e</strong>"), std::string::npos);
}

// A new index built in shards holds what one writer would have written:
// the same documents and terms, the spelling and synonym tables, a later
// duplicate replacing the earlier whatever its shard.
TEST(IngestNewIndex, HoldsWhatOneWriterWrites) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 200; ++i)
    lines += record("r" + std::to_string(i), "Budget participatif numéro " + std::to_string(i)) + "\n";
  lines += record("r7", "Concertation remplacée") + "\n";
  // Acronyms the texts define, spread over the shards: the synonym table
  // must learn them from every shard, not from the first only.
  const char* definitions[] = {"Le plan climat air énergie territorial (PCAET) débattu",
                               "Le schéma de cohérence territoriale (SCOT) en réunion publique",
                               "Un projet alimentaire territorial (PAT) avec les habitants",
                               "Le conseil économique social et environnemental régional (CESER) consulté",
                               "Une zone à faibles émissions (ZFE) discutée"};
  for (int i = 0; i < 5; ++i) lines += record("def" + std::to_string(i), definitions[i]) + "\n";
  const std::string feed = write_file(dir.path() / "feed.jsonl", lines);
  const std::vector<SynonymGroup> synonyms = {{"budget participatif", "BP"}};

  IngestOptions sharded;
  sharded.shards = 3;
  const IngestReport report = ingest_new_index(dir.str("sharded"), {feed}, synonyms, sharded);
  {
    analysis::FrenchAnalyzer analyzer;
    IndexWriter writer(dir.str("single"));
    ingest(writer, analyzer, {feed}, {});
    writer.replace_synonyms(synonyms, analyzer);
    writer.commit();
  }
  EXPECT_EQ(report.indexed, 205u);
  ASSERT_EQ(report.duplicates.size(), 1u);
  const Xapian::Database db(dir.str("sharded")), single(dir.str("single"));
  EXPECT_EQ(db.get_doccount(), 205u);
  EXPECT_EQ(db.get_doclength_upper_bound(), single.get_doclength_upper_bound());
  EXPECT_EQ(db.get_total_length(), single.get_total_length());
  for (const char* term : {"budget", "Zbudget", "concertation", "Zparticip"}) {
    EXPECT_EQ(db.get_termfreq(term), single.get_termfreq(term)) << term;
    EXPECT_EQ(db.get_collection_freq(term), single.get_collection_freq(term)) << term;
  }
  // The later r7 replaced the earlier.
  const Xapian::Document r7 = db.get_document(*db.postlist_begin(schema::unique_term("anct", "r7")));
  EXPECT_NE(r7.get_data().find("Concertation"), std::string::npos);
  const auto spelling_frequency = [](const Xapian::Database& d, const std::string& word) {
    Xapian::TermIterator it = d.spellings_begin();
    it.skip_to(word);
    return it != d.spellings_end() && *it == word ? it.get_termfreq() : 0;
  };
  EXPECT_EQ(spelling_frequency(db, "budget"), spelling_frequency(single, "budget"));
  EXPECT_GT(spelling_frequency(db, "budget"), 0u);
  EXPECT_NE(db.synonyms_begin("bp"), db.synonyms_end("bp"));
  const std::vector<std::string> keys(db.synonym_keys_begin(), db.synonym_keys_end());
  EXPECT_EQ(keys, std::vector<std::string>(single.synonym_keys_begin(), single.synonym_keys_end()));
  EXPECT_GE(keys.size(), 6u);
  // Nothing is left beside it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 3);
}

TEST(IngestNewIndex, AFailedRunLeavesNoIndexAndNothingBeside) {
  TempDir dir;
  const std::string good = write_file(dir.path() / "good.jsonl", record("a", "Garde") + "\n");
  EXPECT_THROW(ingest_new_index(dir.str("index"), {good, dir.str("missing.jsonl")}, {}, {}), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "index"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()), 1);
}

TEST(IngestNewIndex, RefusesAnExistingIndex) {
  TempDir dir;
  const std::string good = write_file(dir.path() / "good.jsonl", record("a", "Garde") + "\n");
  ASSERT_EQ(test_support::index_files(dir.str("index"), {good}), 0u);
  EXPECT_THROW(ingest_new_index(dir.str("index"), {good}, {}, {}), std::runtime_error);
  EXPECT_EQ(Xapian::Database(dir.str("index")).get_doccount(), 1u);
}

}  // namespace
}  // namespace tec::indexer
