// End to end: scaling out with Xapian's own replication. One indexing host
// (tec-index writing the master index, served by xapian-replicate-server),
// two replicas kept up to date by xapian-replicate, each served by its own
// tec-searchd --replica: a sync on the host becomes searchable on both.
// Skipped when xapian-tools is not installed.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <rapidjson/document.h>
#include <sys/socket.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "e2e/child_process.h"
#include "test_support.h"

namespace tec {
namespace {

constexpr const char* kReplicateServer = "/usr/bin/xapian-replicate-server";
constexpr const char* kReplicate = "/usr/bin/xapian-replicate";

int free_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

std::size_t hits(int port, const std::string& query) {
  httplib::Client client("127.0.0.1", port);
  const auto res = client.Get(("/v1/search?q=" + query).c_str());
  if (!res || res->status != 200) return 0;
  rapidjson::Document doc;
  doc.Parse(res->body.c_str());
  return doc.HasParseError() ? 0 : doc["total"].GetUint();
}

// Runs `check` every 50 ms until it holds or `limit` passes; the time it took.
template <class Check>
std::optional<double> seconds_until(Check check, std::chrono::seconds limit) {
  const auto started = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - started < limit) {
    if (check()) return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

TEST(ReplicationE2eTest, ASyncOnTheHostBecomesSearchableOnBothReplicas) {
  if (!std::filesystem::exists(kReplicateServer) || !std::filesystem::exists(kReplicate)) {
    GTEST_SKIP() << "xapian-tools absent (xapian-replicate, xapian-replicate-server) : test de réplication ignoré";
  }
  test_support::TempDir dir;
  const auto master = dir.path() / "maitre";
  std::filesystem::create_directories(master);
  // Changesets let replicas catch up with the changes alone, not full copies.
  setenv("XAPIAN_MAX_CHANGESETS", "10", 1);
  ASSERT_EQ(run_indexer({"--index", (master / "index").string(), test_support::test_corpus_path()}), 0);

  const int replication_port = free_port();
  Child server({kReplicateServer, "-I", "127.0.0.1", "-p", std::to_string(replication_port), master.string()});
  std::vector<std::unique_ptr<Child>> replicators, daemons;
  std::vector<int> ports;
  for (const char* name : {"replique-1", "replique-2"}) {
    const auto replica = dir.path() / name;
    replicators.push_back(std::make_unique<Child>(
        std::vector<std::string>{kReplicate, "-h", "127.0.0.1", "-p", std::to_string(replication_port), "-m", "index",
                                 "-i", "1", "-r", "0", "-q", replica.string()}));
    ASSERT_TRUE(seconds_until([&] { return std::filesystem::exists(replica / "XAPIANDB"); }, std::chrono::seconds(30)))
        << name << " : première copie non reçue";
    daemons.push_back(std::make_unique<Child>(std::vector<std::string>{
        TEC_SEARCHD_BIN, "--index", replica.string(), "--replica", "--listen", "127.0.0.1:0", "--log-level", "warn"}));
    ports.push_back(read_port(*daemons.back()));
  }
  for (const int port : ports) EXPECT_GT(hits(port, "eclairage"), 0u);

  // The nightly sync of a partner on the indexing host.
  const std::string feed = test_support::write_file(
      dir.path() / "flux.jsonl", R"({"id":"r1","type":"guide","title":"Toponymie participative des hameaux"})"
                                 "\n");
  ASSERT_EQ(run_indexer({"sync", "--index", (master / "index").string(), "--source", "partenaire", feed}), 0);
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const auto lag = seconds_until([&] { return hits(ports[i], "toponymie") == 1; }, std::chrono::seconds(30));
    ASSERT_TRUE(lag) << "replica " << i + 1 << " did not serve the sync within 30 s";
    std::cout << "[ replication lag, replica " << i + 1 << ": " << *lag << " s ]\n";
    EXPECT_GT(hits(ports[i], "eclairage"), 0u) << "the rest of the index is still there";
  }

  // Without changesets the replicas receive a full copy, which the stub
  // switches to: tec-searchd --replica opens it afresh.
  unsetenv("XAPIAN_MAX_CHANGESETS");
  test_support::write_file(dir.path() / "flux.jsonl",
                           R"({"id":"r1","type":"guide","title":"Toponymie participative des hameaux"})"
                           "\n"
                           R"({"id":"r2","type":"outil","title":"Cadastre solaire partagé"})"
                           "\n");
  ASSERT_EQ(run_indexer({"sync", "--index", (master / "index").string(), "--source", "partenaire", feed}), 0);
  for (std::size_t i = 0; i < ports.size(); ++i) {
    const auto lag = seconds_until([&] { return hits(ports[i], "cadastre") == 1; }, std::chrono::seconds(30));
    ASSERT_TRUE(lag) << "replica " << i + 1 << " did not serve the full copy within 30 s";
    std::cout << "[ replication lag (full copy), replica " << i + 1 << ": " << *lag << " s ]\n";
    EXPECT_EQ(hits(ports[i], "toponymie"), 1u);
  }
}

}  // namespace
}  // namespace tec
