// SyncService: uploads are synced one at a time, and a status stays
// available while its sync waits or runs, however many others come after.
#include "searchd/sync_service.h"

#include <spdlog/spdlog.h>

#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include "test_support.h"

namespace tec::searchd {
namespace {

std::string state_of(const SyncService& service, const SyncStatus& submitted) {
  const auto status = service.status(submitted.source, submitted.id);
  return status ? status->state : "inconnu";
}

// Waits (at most ten seconds) until the status leaves `state`.
std::string state_after(const SyncService& service, const SyncStatus& submitted, const std::string& state) {
  for (int i = 0; i < 1000 && state_of(service, submitted) == state; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return state_of(service, submitted);
}

TEST(SyncServiceTest, SyncsAnUploadAndReportsIt) {
  test_support::TempDir dir;
  SyncService service(dir.str("index"), "");
  const std::string feed =
      test_support::write_file(dir.path() / "upload.jsonl", R"({"id":"a","type":"guide","title":"Guide"})"
                                                            "\n");
  const SyncStatus submitted = service.submit({.source = "anct", .spool_path = feed});
  EXPECT_EQ(submitted.state, "en_attente");
  const std::string state = state_after(service, submitted, "en_attente");
  EXPECT_EQ(state == "en_cours" ? state_after(service, submitted, "en_cours") : state, "terminee");
  EXPECT_NE(service.status("anct", submitted.id)->report_json.find(R"("added":1)"), std::string::npos);
  EXPECT_FALSE(service.status("autre", submitted.id));
  EXPECT_EQ(Xapian::Database(dir.str("index")).get_doccount(), 1u);
}

TEST(SyncServiceTest, ASyncUnderWayIsNotForgottenPastTheStatusesKept) {
  // A thousand failed syncs, each logged: quiet while this test runs.
  const struct Quiet {
    spdlog::level::level_enum before = spdlog::get_level();
    Quiet() { spdlog::set_level(spdlog::level::off); }
    ~Quiet() { spdlog::set_level(before); }
  } quiet;
  test_support::TempDir dir;
  // Another writer holds the index: the first sync waits for it, running.
  auto holder = std::make_unique<Xapian::WritableDatabase>(dir.str("index"), Xapian::DB_CREATE);
  SyncService service(dir.str("index"), "", std::chrono::seconds(30));
  const std::string feed =
      test_support::write_file(dir.path() / "upload.jsonl", R"({"id":"a","type":"guide","title":"Guide"})"
                                                            "\n");
  const SyncStatus running = service.submit({.source = "anct", .spool_path = feed});
  ASSERT_EQ(state_after(service, running, "en_attente"), "en_cours");
  std::vector<SyncStatus> waiting;
  for (std::size_t i = 0; i < kStatusesKept + 5; ++i) {
    waiting.push_back(service.submit({.source = "anct", .spool_path = dir.str("absent.jsonl")}));
  }
  EXPECT_EQ(state_of(service, running), "en_cours");
  EXPECT_EQ(state_of(service, waiting.front()), "en_attente");
  holder.reset();
  EXPECT_EQ(state_after(service, running, "en_cours"), "terminee");
  // The others fail at once (no such upload); once they have, the next
  // upload makes room by forgetting the oldest finished.
  EXPECT_EQ(state_after(service, waiting.back(), "en_attente"), "echec");
  const SyncStatus next = service.submit({.source = "anct", .spool_path = dir.str("absent.jsonl")});
  EXPECT_EQ(state_of(service, running), "inconnu");
  EXPECT_NE(state_of(service, next), "inconnu");
}

}  // namespace
}  // namespace tec::searchd
