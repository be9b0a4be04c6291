// HTTP policy implementation. cpp-httplib runs a request's pre-routing
// handler, route handler and logger on the same worker thread, so per-request
// state (start time, whether the request holds a client slot) lives in
// thread-local variables.
#include "searchd/http_policy.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "searchd/client_address.h"
#include "searchd/http_errors.h"
#include "searchd/json_render.h"

namespace tec::searchd {
namespace {

thread_local std::chrono::steady_clock::time_point request_started;

// Requests in progress per client address.
class ClientSlots {
 public:
  explicit ClientSlots(unsigned max) : max_(max) {}
  bool acquire(const std::string& client) {
    if (max_ == 0) return true;
    std::lock_guard lock(mutex_);
    unsigned& count = in_progress_[client];
    if (count >= max_) return false;
    ++count;
    return true;
  }
  void release(const std::string& client) {
    if (max_ == 0) return;
    std::lock_guard lock(mutex_);
    const auto it = in_progress_.find(client);
    if (it != in_progress_.end() && --it->second == 0) in_progress_.erase(it);
  }

 private:
  const unsigned max_;
  std::mutex mutex_;
  std::unordered_map<std::string, unsigned> in_progress_;
};

// The slot the request being processed on this thread holds, if any.
struct HeldSlot {
  std::shared_ptr<ClientSlots> slots;
  std::string client;

  void release() {
    if (slots) slots->release(client);
    slots.reset();
  }
};
thread_local HeldSlot held_slot;

// Worker pool that gives back, once a connection is done with, a slot its
// last request still held: a request cut short (client gone mid-body) may
// never reach the logger, and its slot must not stay taken for ever.
class SlotReleasingPool : public httplib::ThreadPool {
 public:
  using httplib::ThreadPool::ThreadPool;
  void enqueue(std::function<void()> connection) override {
    httplib::ThreadPool::enqueue([connection = std::move(connection)] {
      connection();
      held_slot.release();
    });
  }
};

// A POST or PUT that declares no length and is not chunked: httplib would
// read its body until the client closes or the read timeout ends.
bool body_length_missing(const httplib::Request& req) {
  return (req.method == "POST" || req.method == "PUT") && !req.has_header("Content-Length") &&
         req.get_header_value("Transfer-Encoding").find("chunked") == std::string::npos;
}

bool is_api(const std::string& path) { return path.starts_with("/v1/") || path == "/metrics"; }

}  // namespace

void install_http_policy(httplib::Server& server, const HttpPolicy& policy, Metrics& metrics) {
  // cpp-httplib writes a response's headers and body separately: with
  // Nagle's algorithm the body waits for the client's delayed ACK, 40 ms on
  // Linux, on every keep-alive request (seen in tec-load: 9 ms of work, 48 ms
  // waited). Accepted sockets inherit the option from the listening one.
  server.set_tcp_nodelay(true);
  server.set_read_timeout(policy.read_timeout);
  server.set_write_timeout(policy.write_timeout);
  server.set_keep_alive_timeout(policy.keep_alive_timeout);
  server.set_keep_alive_max_count(policy.keep_alive_max_requests);
  server.set_payload_max_length(policy.max_body_bytes);

  const unsigned threads = policy.threads;
  server.new_task_queue = [threads] { return new SlotReleasingPool(threads); };
  auto slots = std::make_shared<ClientSlots>(policy.max_requests_per_client);
  server.set_pre_routing_handler(
      [slots, proxies = TrustedProxies(policy.trusted_proxies)](const httplib::Request& req, httplib::Response& res) {
        request_started = std::chrono::steady_clock::now();
        held_slot.release();
        if (body_length_missing(req)) {
          res.status = 400;
          // What would follow on the connection cannot be told from a body.
          res.set_header("Connection", "close");
          res.set_content(
              render_error("corps_manquant", "requête " + req.method + " sans corps : en-tête Content-Length attendu"),
              kJson);
          return httplib::Server::HandlerResponse::Handled;
        }
        const std::string client = client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"), proxies);
        if (slots->acquire(client)) {
          held_slot = {slots, client};
          return httplib::Server::HandlerResponse::Unhandled;
        }
        res.status = 429;
        res.set_header("Retry-After", "1");
        res.set_content(
            render_error("trop_de_requetes", "trop de requêtes simultanées depuis cette adresse, réessayez"), kJson);
        return httplib::Server::HandlerResponse::Handled;
      });

  const auto origins = policy.cors_origins;
  // Called once the answer is ready, before it is written: the slot is free
  // before the client can read the answer. Given back after the writing, it
  // could still be taken when the client's next request came on a new
  // connection, which then got 429.
  server.set_post_routing_handler([origins](const httplib::Request& req, httplib::Response& res) {
    held_slot.release();
    const std::string origin = req.get_header_value("Origin");
    if (origin.empty() || !is_api(req.path) || std::find(origins.begin(), origins.end(), origin) == origins.end())
      return;
    res.set_header("Access-Control-Allow-Origin", origin);
    res.set_header("Vary", "Origin");
  });
  // Preflight of a cross-origin POST or PUT; the allow-list answers in the
  // post-routing handler above, other origins get no CORS header.
  server.Options(R"(/v1/.*)", [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization");
    res.set_header("Access-Control-Max-Age", "600");
  });

  server.set_logger([&metrics](const httplib::Request& req, const httplib::Response& res) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request_started).count();
    metrics.observe_request(req.method, req.path, res.status, seconds);
    spdlog::info("{} {} {} {:.2f} ms", req.method, req.path, res.status, seconds * 1000);
  });
}

}  // namespace tec::searchd
