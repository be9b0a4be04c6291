// The per-client cap of the HTTP policy: a request counts while it is being
// read and answered, not while its answer is on its way to the client.
#include "searchd/http_policy.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

namespace tec::searchd {
namespace {

// A connection that asks for `path` and reads one byte of the answer, no more.
class SlowReader {
 public:
  SlowReader(int port, const std::string& path) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("connect");
    const std::string request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    send(fd_, request.data(), request.size(), 0);
    char first;
    if (recv(fd_, &first, 1, 0) != 1) throw std::runtime_error("recv");
  }
  ~SlowReader() { close(fd_); }

 private:
  const int fd_;
};

TEST(HttpPolicyTest, AnAnswerOnItsWayNoLongerHoldsItsClientsSlot) {
  httplib::Server server;
  Metrics metrics;
  HttpPolicy policy;
  policy.threads = 4;
  policy.max_requests_per_client = 1;
  install_http_policy(server, policy, metrics);
  // Far more than the sockets' buffers hold: its writing waits for a reader.
  const std::string large(64 << 20, 'x');
  server.Get("/large", [&](const httplib::Request&, httplib::Response& res) { res.set_content(large, "text/plain"); });
  server.Get("/small", [](const httplib::Request&, httplib::Response& res) { res.set_content("ok", "text/plain"); });
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread listening([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  {
    const SlowReader reading(port, "/large");
    httplib::Client client("127.0.0.1", port);
    const auto small = client.Get("/small");
    ASSERT_TRUE(small);
    EXPECT_EQ(small->status, 200) << small->body;
  }
  server.stop();
  listening.join();
}

}  // namespace
}  // namespace tec::searchd
