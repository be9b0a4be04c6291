// Acronyms in an index's synonym table: those its texts define and those of
// the reference its texts decide on match their long form and back; an
// acronym that is also an ordinary word does so only when typed in capitals.
#include "indexer/acronym_synonyms.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ranking/searcher.h"
#include "test_support.h"

namespace tec::indexer {
namespace {

class AcronymSynonymsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    const std::string feed = test_support::write_file(
        dir_->path() / "feed.jsonl",
        // Defines PCAET, which the reference also knows, and a jargon of its own.
        R"j({"id":"definit","source":"test","type":"guide",)j"
        R"j("title":"Élaborer le plan climat-air-énergie territorial (PCAET)",)j"
        R"j("body":"Le comité d'orientation des usagers (COU) suit la démarche."})j"
        "\n"
        R"j({"id":"sigle-seul","source":"test","type":"retour_experience","title":"Notre PCAET en trois réunions"})j"
        "\n"
        R"j({"id":"cou-seul","source":"test","type":"retour_experience","title":"Le COU a rendu son avis"})j"
        "\n"
        // Long forms only: the reference gives their acronyms.
        R"j({"id":"clspd","source":"test","type":"retour_experience",)j"
        R"j("title":"Le conseil local de sécurité et de prévention de la délinquance invite les habitants"})j"
        "\n"
        R"j({"id":"plu","source":"test","type":"guide",)j"
        R"j("title":"Réviser le plan local d'urbanisme avec les habitants"})j"
        "\n"
        R"j({"id":"pluie","source":"test","type":"outil","title":"Il a plu sur la fête du quartier"})j"
        "\n"
        // The reference gives CEE, whose key (its stem) is that of "ce".
        R"j({"id":"cee","source":"test","type":"guide",)j"
        R"j("title":"Financer la rénovation par le certificat d'économies d'énergie"})j"
        "\n");
    ASSERT_EQ(test_support::index_files(dir_->str("index"), {feed}), 0u);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    db_ = Xapian::Database(dir_->str("index"));
    lexicon_ = std::make_unique<ranking::Lexicon>(db_, analyzer_);
  }

  std::vector<std::string> ids(const std::string& text) {
    ranking::SearchRequest request;
    request.text = text;
    std::vector<std::string> found;
    for (const ranking::SearchHit& hit : ranking::Searcher(db_, analyzer_, lexicon_.get()).search(request).hits)
      found.push_back(hit.id);
    std::sort(found.begin(), found.end());
    return found;
  }

  static test_support::TempDir* dir_;
  Xapian::Database db_;
  analysis::FrenchAnalyzer analyzer_;
  std::unique_ptr<ranking::Lexicon> lexicon_;
};

test_support::TempDir* AcronymSynonymsTest::dir_ = nullptr;

TEST_F(AcronymSynonymsTest, AnAcronymTheTextsDefineMatchesItsLongFormAndBack) {
  EXPECT_EQ(ids("comité d'orientation des usagers "), (std::vector<std::string>{"cou-seul", "definit"}));
  EXPECT_EQ(ids("COU "), (std::vector<std::string>{"cou-seul", "definit"}));
  const auto long_form = ids("plan climat air energie territorial ");
  EXPECT_NE(std::find(long_form.begin(), long_form.end(), "sigle-seul"), long_form.end());
}

TEST_F(AcronymSynonymsTest, TheReferenceGivesTheAcronymsOfLongFormsTheTextsHold) {
  // CLSPD is not in the thesaurus, only in the reference.
  EXPECT_EQ(ids("CLSPD "), (std::vector<std::string>{"clspd"}));
  EXPECT_EQ(ids("clspd "), (std::vector<std::string>{"clspd"})) << "not an ordinary word: small letters will do";
}

TEST_F(AcronymSynonymsTest, AnAcronymThatIsAlsoAWordNeedsCapitals) {
  EXPECT_EQ(ids("PLU "), (std::vector<std::string>{"plu", "pluie"}));
  EXPECT_EQ(ids("plu "), (std::vector<std::string>{"pluie"}));
}

TEST_F(AcronymSynonymsTest, ALittleWordInSmallLettersIsNotAnAcronym) {
  EXPECT_EQ(ids("cee "), (std::vector<std::string>{"cee"}));
  EXPECT_EQ(ids("ce "), (std::vector<std::string>{})) << "a little word alone is ignored";
  EXPECT_EQ(ids("ce quartier "), (std::vector<std::string>{"pluie"}));
}

TEST(AcronymReferenceTest, ParsesEveryMeaningOfTheBundledReference) {
  const auto meanings = parse_acronyms(bundled_acronyms());
  EXPECT_GE(meanings.size(), 4000u);
  const auto cndp =
      std::count_if(meanings.begin(), meanings.end(), [](const AcronymMeaning& m) { return m.acronym == "CNDP"; });
  EXPECT_GE(cndp, 2) << "an acronym may have several meanings";
  EXPECT_TRUE(std::none_of(meanings.begin(), meanings.end(), [](const AcronymMeaning& m) {
    return m.acronym == "sigle";
  })) << "the header is not a meaning";
}

}  // namespace
}  // namespace tec::indexer
