// End to end: behind a trusted reverse proxy each forwarded client has its own
// slots of simultaneous requests; a connection from anywhere else is counted
// by its own address, whatever X-Forwarded-For it sends.
#include <gtest/gtest.h>
#include <httplib.h>

#include "e2e/child_process.h"
#include "e2e/held_request.h"
#include "test_support.h"

namespace tec {
namespace {

class ProxyE2eTest : public ::testing::Test {
 protected:
  void start(const std::vector<std::string>& extra) {
    ASSERT_EQ(run_indexer({"--index", dir_.str("index"), test_support::test_corpus_path()}), 0);
    std::vector<std::string> args = {
        TEC_SEARCHD_BIN, "--index", dir_.str("index"), "--listen", "127.0.0.1:0", "--max-requests-per-client", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    server_ = std::make_unique<Child>(args, dir_.str("stderr.log"));
    port_ = read_port(*server_);
    probe_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
    probe_->set_keep_alive(true);
  }
  int search_as(const std::string& forwarded_for) {
    const auto res = probe_->Get("/v1/search?q=budget", {{"X-Forwarded-For", forwarded_for}});
    return res ? res->status : -1;
  }
  test_support::TempDir dir_;
  std::unique_ptr<Child> server_;
  std::unique_ptr<httplib::Client> probe_;
  int port_ = 0;
};

TEST_F(ProxyE2eTest, ForwardedClientsBehindATrustedProxyHaveTheirOwnSlots) {
  start({"--trusted-proxy", "127.0.0.1"});
  HeldRequest held(port_, "X-Forwarded-For: 198.51.100.1\r\n");
  ASSERT_EQ(status_once_held({&held}, [&] { return search_as("198.51.100.1"); }), 429)
      << "the held request fills 198.51.100.1's only slot";
  EXPECT_EQ(search_as("198.51.100.2"), 200) << "another visitor behind the same proxy";
  // What a client writes itself comes before the proxy's entry and is not believed.
  EXPECT_EQ(search_as("198.51.100.2, 198.51.100.1"), 429);
}

TEST_F(ProxyE2eTest, HeaderFromAnUntrustedConnectionIsIgnored) {
  start({"--trusted-proxy", "10.0.0.1"});
  HeldRequest held(port_, "X-Forwarded-For: 198.51.100.1\r\n");
  EXPECT_EQ(status_once_held({&held}, [&] { return search_as("198.51.100.2"); }), 429)
      << "both requests count for 127.0.0.1";
}

TEST(ProxyOptionE2eTest, AHostNameIsRefusedAtStart) {
  test_support::TempDir dir;
  Child server({TEC_SEARCHD_BIN, "--index", dir.str("index"), "--trusted-proxy", "proxy.example"},
               dir.str("stderr.log"));
  EXPECT_NE(server.wait(), 0);
  const std::string messages = test_support::read_file(dir.path() / "stderr.log");
  EXPECT_NE(messages.find("« proxy.example » : adresse IPv4 ou IPv6, ou réseau comme 10.0.0.0/8, attendu"),
            std::string::npos)
      << messages;
}

}  // namespace
}  // namespace tec
