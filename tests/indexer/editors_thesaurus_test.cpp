// The editors' thesaurus: set on a live index in one transaction beside the
// bundled groups, refused whole with every bad line named, and kept by the
// syncs and additions that rewrite the synonym table afterwards; read back
// as they were given.
#include "indexer/editors_thesaurus.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/sync.h"
#include "schema/index_schema.h"
#include "schema/synonym_key.h"
#include "test_support.h"

namespace tec::indexer {
namespace {

using test_support::TempDir;
using test_support::write_file;

constexpr const char* kEditors =
    "# groupes des éditeurs\nzorglub citoyen | budget participatif\n\nrepas de quartier | fête des voisins\n";

class EditorsThesaurusTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(test_support::index_files(index(), {test_support::test_corpus_path()}), 0u); }

  std::string index() const { return dir_.str("index"); }
  Xapian::rev revision() const { return Xapian::Database(index()).get_revision(); }

  // What the synonym table holds for `expression`, looked up as the query builder does.
  std::vector<std::string> synonyms_of(const std::string& expression) {
    const std::vector<analysis::Token> tokens = analyzer_.analyze(expression);
    std::vector<const analysis::Token*> words;
    for (const analysis::Token& token : tokens) {
      if (token.kind == analysis::Token::Kind::Word) words.push_back(&token);
    }
    const Xapian::Database db(index());
    const std::string key = schema::synonym_key(words);
    return {db.synonyms_begin(key), db.synonyms_end(key)};
  }

  EditorsThesaurusReport apply(const std::string& text) {
    return apply_editors_thesaurus(index(), text, "editeurs.txt", bundled_, analyzer_);
  }

  TempDir dir_;
  analysis::FrenchAnalyzer analyzer_;
  const std::vector<SynonymGroup> bundled_ = parse_thesaurus(bundled_thesaurus(), "thesaurus");
};

bool holds(const std::vector<std::string>& synonyms, const std::string& expression) {
  return std::find(synonyms.begin(), synonyms.end(), expression) != synonyms.end();
}

TEST_F(EditorsThesaurusTest, GroupsAreAddedToTheBundledOnesInOneCommit) {
  const Xapian::rev before = revision();
  ASSERT_FALSE(holds(synonyms_of("zorglub citoyen"), "budget participatif"));
  const EditorsThesaurusReport report = apply(kEditors);
  EXPECT_EQ(report.groups, 2u);
  EXPECT_EQ(report.revision, before + 1);
  EXPECT_EQ(revision(), before + 1);
  EXPECT_TRUE(holds(synonyms_of("zorglub citoyen"), "budget participatif"));
  EXPECT_TRUE(holds(synonyms_of("budget participatif"), "zorglub citoyen"));
  EXPECT_TRUE(holds(synonyms_of("fête des voisins"), "repas de quartier"));
  // The bundled thesaurus is still there.
  EXPECT_TRUE(holds(synonyms_of("budget participatif"), "BP"));
}

TEST_F(EditorsThesaurusTest, ANewFileReplacesTheEditorsGroupsAndAnEmptyOneRemovesThem) {
  apply(kEditors);
  apply("zorglub citoyen | jury citoyen\n");
  EXPECT_FALSE(holds(synonyms_of("zorglub citoyen"), "budget participatif"));
  EXPECT_TRUE(holds(synonyms_of("zorglub citoyen"), "jury citoyen"));
  EXPECT_FALSE(holds(synonyms_of("fête des voisins"), "repas de quartier"));
  EXPECT_EQ(apply("").groups, 0u);
  EXPECT_TRUE(synonyms_of("zorglub citoyen").empty());
}

TEST_F(EditorsThesaurusTest, EveryBadLineIsNamedAndNothingIsApplied) {
  const Xapian::rev before = revision();
  try {
    apply("zorglub citoyen | budget participatif\nseul\n\nun |  | deux\nbon | groupe\n");
    FAIL() << "a bad file was applied";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "editeurs.txt:2: un groupe demande au moins deux expressions\nediteurs.txt:4: expression vide");
  }
  EXPECT_EQ(revision(), before);
  EXPECT_FALSE(holds(synonyms_of("zorglub citoyen"), "budget participatif"));
  EXPECT_TRUE(Xapian::Database(index()).get_metadata(std::string(schema::kEditorsThesaurusKey)).empty());
}

TEST_F(EditorsThesaurusTest, AnAbsentIndexIsNotCreated) {
  EXPECT_THROW(apply_editors_thesaurus(dir_.str("absent"), kEditors, "editeurs.txt", bundled_, analyzer_),
               std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "absent"));
}

TEST_F(EditorsThesaurusTest, TheStoredGroupsAreReadBackAsTheyWereGiven) {
  EXPECT_EQ(stored_editors_thesaurus(index()), "");
  apply(kEditors);
  EXPECT_EQ(stored_editors_thesaurus(index()), kEditors);  // comments and blank lines included
  EXPECT_THROW(stored_editors_thesaurus(dir_.str("absent")), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "absent"));
}

TEST_F(EditorsThesaurusTest, ASyncAfterwardsKeepsTheEditorsGroups) {
  apply(kEditors);
  const std::string feed =
      write_file(dir_.path() / "feed.jsonl",
                 R"({"id":"g1","source":"partenaire","type":"guide","title":"Guide du repas de quartier"})"
                 "\n");
  SyncOptions options;
  options.source = "partenaire";
  options.synonyms = &bundled_;
  ASSERT_TRUE(sync_source(index(), analyzer_, {feed}, options).applied());
  EXPECT_TRUE(holds(synonyms_of("zorglub citoyen"), "budget participatif"));
  EXPECT_TRUE(holds(synonyms_of("fête des voisins"), "repas de quartier"));
  EXPECT_TRUE(holds(synonyms_of("budget participatif"), "BP"));
}

TEST_F(EditorsThesaurusTest, AnAdditionAfterwardsKeepsTheEditorsGroups) {
  apply(kEditors);
  IndexWriter writer(index());
  const std::string feed = write_file(dir_.path() / "more.jsonl",
                                      R"({"id":"g2","source":"partenaire","type":"guide","title":"Un autre guide"})"
                                      "\n");
  ASSERT_EQ(ingest(writer, analyzer_, {feed}, {}).rejected.size(), 0u);
  writer.replace_synonyms(bundled_, analyzer_);
  writer.commit();
  EXPECT_TRUE(holds(synonyms_of("zorglub citoyen"), "budget participatif"));
}

}  // namespace
}  // namespace tec::indexer
