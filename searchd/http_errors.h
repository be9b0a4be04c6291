// The error mapping shared by every route: a handler throws HttpError for
// what the client got wrong (400, 401, 403, 404, 413), and anything else
// becomes a 503 (index unavailable) or 500 whose details stay in the log,
// never in the response. Every error body is {"error": {code, message}}.
#pragma once

#include <httplib.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include <stdexcept>
#include <string>

#include "searchd/json_render.h"

namespace tec::searchd {

inline constexpr const char* kJson = "application/json; charset=utf-8";

struct HttpError : std::runtime_error {
  HttpError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status(status), code(std::move(code)) {}
  int status;
  std::string code;
};

template <class Body>
void answer_errors(const httplib::Request& req, httplib::Response& res, Body&& body) {
  try {
    body();
  } catch (const HttpError& e) {
    res.status = e.status;
    res.set_content(render_error(e.code, e.what()), kJson);
  } catch (const Xapian::Error& e) {
    spdlog::error("{} {}: Xapian: {}", req.method, req.path, e.get_description());
    res.status = 503;
    res.set_content(render_error("index_indisponible", "l'index est momentanément indisponible, réessayez"), kJson);
  } catch (const std::exception& e) {
    spdlog::error("{} {}: {}", req.method, req.path, e.what());
    res.status = 500;
    res.set_content(render_error("erreur_interne", "erreur interne du serveur"), kJson);
  }
}

// A route handler running `body(req, res)` under the error mapping.
template <class Body>
httplib::Server::Handler handler(Body body) {
  return
      [body](const httplib::Request& req, httplib::Response& res) { answer_errors(req, res, [&] { body(req, res); }); };
}

// The same for handlers that read the request body themselves.
template <class Body>
httplib::Server::HandlerWithContentReader streaming_handler(Body body) {
  return [body](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& content) {
    answer_errors(req, res, [&] { body(req, res, content); });
  };
}

}  // namespace tec::searchd
