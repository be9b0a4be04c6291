// A raw connection that sends a POST's headers but holds back its body: the
// request holds one of its client's slots (--max-requests-per-client) while
// open, until finish() sends the body.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tec {

class HeldRequest {
 public:
  // `extra_headers`: whole header lines, each ending in "\r\n".
  explicit HeldRequest(int port, std::string extra_headers = "")
      : port_(port), extra_headers_(std::move(extra_headers)) {
    open();
  }
  HeldRequest(const HeldRequest&) = delete;
  HeldRequest& operator=(const HeldRequest&) = delete;
  ~HeldRequest() { close(fd_); }

  // Sends it again if the server answered or closed it: refused at once when
  // a request of the same client came first and held the slot.
  void reopen_if_refused() {
    char byte = 0;
    if (recv(fd_, &byte, 1, MSG_PEEK | MSG_DONTWAIT) < 0) return;  // nothing yet: still held
    close(fd_);
    open();
  }

  // Sends the body and returns the start of the answer.
  std::string finish() {
    send(fd_, "{}", 2, 0);
    char buffer[256] = {};
    recv(fd_, buffer, sizeof buffer - 1, 0);
    return buffer;
  }

 private:
  // Returns once the server has read the headers: it answers "Expect:
  // 100-continue" just before it takes the client's slot.
  void open() {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    const timeval timeout{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port_));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("connect");
    const std::string head = "POST /v1/recommend HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers_ +
                             "Expect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n";
    send(fd_, head.data(), head.size(), 0);
    std::string interim;
    char byte = 0;
    while (!interim.ends_with("\r\n\r\n") && recv(fd_, &byte, 1, 0) == 1) interim += byte;
    if (!interim.starts_with("HTTP/1.1 100")) throw std::runtime_error("no 100 Continue: " + interim);
  }

  int port_;
  std::string extra_headers_;
  int fd_ = -1;
};

// Calls `probe` until the server refuses it (429), 20 ms apart and 100 times
// at most, and returns the last status. A probe that comes before a held
// request takes the slot that request was to hold: it is sent again.
inline int status_once_held(const std::vector<HeldRequest*>& held, const std::function<int()>& probe) {
  int status = 0;
  for (int attempt = 0; attempt < 100 && status != 429; ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    for (HeldRequest* request : held) request->reopen_if_refused();
    status = probe();
  }
  return status;
}

}  // namespace tec
