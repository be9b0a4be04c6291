// PeerFinder through the library on resources written for it
// (tests/data/peers_corpus.jsonl): which collectivities come, in which
// order, with which resources and reasons; and what a cohort shares.
#include "peers/peer_finder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace tec::peers {
namespace {

using territory::TerritoryKind;

class PeerFinderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test_support::TempDir;
    ASSERT_EQ(test_support::index_files(dir_->str("index"),
                                        {(test_support::source_dir() / "tests/data/peers_corpus.jsonl").string()}),
              0u);
    territories_ =
        new territory::Territories(territory::Territories::load(test_support::source_dir() / "corpus/territories"));
  }
  static void TearDownTestSuite() {
    delete territories_;
    delete dir_;
  }
  void SetUp() override {
    db_ = Xapian::Database(dir_->str("index"));
    lexicon_ = std::make_unique<ranking::Lexicon>(db_, analyzer_);
  }

  std::vector<Peer> peers_of(const char* code, const PeerQuery& query) {
    return PeerFinder(db_, analyzer_, lexicon_.get(), *territories_).peers(*territories_->find_code(code), query);
  }
  static std::vector<std::string> codes(const std::vector<Peer>& found) {
    std::vector<std::string> out;
    for (const Peer& p : found) out.push_back(p.territory->code);
    return out;
  }

  static test_support::TempDir* dir_;
  static territory::Territories* territories_;
  Xapian::Database db_;
  analysis::FrenchAnalyzer analyzer_;
  std::unique_ptr<ranking::Lexicon> lexicon_;
};

test_support::TempDir* PeerFinderTest::dir_ = nullptr;
territory::Territories* PeerFinderTest::territories_ = nullptr;

TEST_F(PeerFinderTest, NearVillageOfTheSameSizeComesFirst) {
  // Montaud (1 014): Montpeyroux (1 449, 37 km) before Aniane (2 979, 30 km
  // but thrice the size) before Lapoutroie (1 881, 550 km away, in Alsace).
  const auto found = peers_of("34164", {.themes = {"éclairage public"}, .limit = 10});
  EXPECT_EQ(codes(found), (std::vector<std::string>{"34173", "34010", "68175"}));
}

TEST_F(PeerFinderTest, OtherKindsSizesAndThemesAreLeftOut) {
  const auto found = codes(peers_of("34164", {.themes = {"éclairage public"}, .limit = 10}));
  EXPECT_EQ(std::count(found.begin(), found.end(), "34172"), 0);  // Montpellier: another size class
  EXPECT_EQ(std::count(found.begin(), found.end(), "34"), 0);     // the département: another kind
  EXPECT_EQ(std::count(found.begin(), found.end(), "34221"), 0);  // Puéchabon did gardens
  EXPECT_EQ(std::count(found.begin(), found.end(), "34164"), 0);  // not itself
}

TEST_F(PeerFinderTest, ThePeerSaysWhatItDidAndHowFar) {
  const auto found = peers_of("34164", {.themes = {"éclairage public"}, .limit = 1});
  ASSERT_EQ(found.size(), 1u);
  const Peer& montpeyroux = found.front();
  ASSERT_TRUE(montpeyroux.distance_km);
  ASSERT_EQ(montpeyroux.resources.size(), 1u);
  EXPECT_EQ(montpeyroux.resources[0].id, "rex-montpeyroux-eclairage");
  EXPECT_EQ(montpeyroux.resources[0].year, "2024");
  ASSERT_GE(montpeyroux.reasons.size(), 2u);
  EXPECT_EQ(montpeyroux.reasons[0].rfind("Commune de 1 449 habitants à ", 0), 0u) << montpeyroux.reasons[0];
  EXPECT_EQ(montpeyroux.reasons.back(),
            "A mené : l'extinction de l'éclairage public décidée avec les habitants en 2024");
}

TEST_F(PeerFinderTest, TheNeedAloneFindsPeers) {
  const auto found = codes(peers_of("34164", {.need = "jardins partagés", .limit = 5}));
  EXPECT_EQ(found, (std::vector<std::string>{"34221"}));
}

TEST_F(PeerFinderTest, WordsTheIndexDoesNotHoldFindNoPeer) {
  EXPECT_TRUE(peers_of("34164", {.themes = {"astronautique"}, .limit = 5}).empty());
}

TEST_F(PeerFinderTest, LimitCutsTheList) {
  EXPECT_EQ(peers_of("34164", {.themes = {"éclairage public"}, .limit = 2}).size(), 2u);
}

TEST_F(PeerFinderTest, ACohortSharesTheResourcesThatSuitEveryMember) {
  Cohort villages;
  for (const char* code : {"34164", "34242", "34248", "34296"})
    villages.members.push_back(territories_->find_code(code));
  const auto shared = PeerFinder(db_, analyzer_, lexicon_.get(), *territories_)
                          .shared_resources(villages, {.themes = {"éclairage public"}}, "2026-11-27", 20);
  std::vector<std::string> ids;
  for (const PeerResource& r : shared) ids.push_back(r.id);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "guide-extinction-eclairage"), ids.end());
  EXPECT_EQ(std::find(ids.begin(), ids.end(), "guide-eclairage-grandes-villes"), ids.end());  // from 50,000 inhabitants
}

}  // namespace
}  // namespace tec::peers
