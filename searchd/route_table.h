// The routes of tec-searchd, registered with httplib through this table so
// that a known address asked with another method answers 405 with an Allow
// header instead of httplib's 404 (it keeps its handler lists private).
#pragma once

#include <httplib.h>

#include <map>
#include <set>
#include <string>
#include <utility>

namespace tec::searchd {

class RouteTable {
 public:
  explicit RouteTable(httplib::Server& server) : server_(server) {}

  template <class Handler>
  void Get(const std::string& pattern, Handler&& handler) {
    methods_[pattern].insert("GET");
    server_.Get(pattern, std::forward<Handler>(handler));
  }
  template <class Handler>
  void Post(const std::string& pattern, Handler&& handler) {
    methods_[pattern].insert("POST");
    server_.Post(pattern, std::forward<Handler>(handler));
  }
  template <class Handler>
  void Put(const std::string& pattern, Handler&& handler) {
    methods_[pattern].insert("PUT");
    server_.Put(pattern, std::forward<Handler>(handler));
  }

  httplib::Server& server() { return server_; }

  // Once every route is in: each address answers the methods it lacks with a
  // JSON 405 naming those it has. OPTIONS stays with the CORS preflight.
  void answer_other_methods();

 private:
  httplib::Server& server_;
  std::map<std::string, std::set<std::string>> methods_;  // pattern -> methods
};

}  // namespace tec::searchd
