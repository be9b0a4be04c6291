// A raw connection that sends a POST's headers but holds back its body: the
// request holds one of its client's slots (--max-requests-per-client) while
// open, until finish() sends the body.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace tec {

class HeldRequest {
 public:
  // `extra_headers`: whole header lines, each ending in "\r\n".
  explicit HeldRequest(int port, const std::string& extra_headers = "") {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("connect");
    const std::string head = "POST /v1/recommend HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers +
                             "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n";
    send(fd_, head.data(), head.size(), 0);
  }
  HeldRequest(const HeldRequest&) = delete;
  HeldRequest& operator=(const HeldRequest&) = delete;
  ~HeldRequest() { close(fd_); }

  // Sends the body and returns the start of the answer.
  std::string finish() {
    send(fd_, "{}", 2, 0);
    char buffer[256] = {};
    recv(fd_, buffer, sizeof buffer - 1, 0);
    return buffer;
  }

 private:
  int fd_ = -1;
};

}  // namespace tec
