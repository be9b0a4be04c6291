// Query parameters shared by several routes, read or refused with a 400 and
// a French message naming the parameter.
#pragma once

#include <httplib.h>

#include <charconv>
#include <string>

#include "searchd/http_errors.h"

namespace tec::searchd {

// The parameter `name` as an integer from `min` to `max`, or `fallback` when
// absent. Counts of things to show start at 1; limits of a list that may be
// left out (workshops_limit=0) at 0.
inline unsigned integer_param(const httplib::Request& req, const char* name, unsigned fallback, unsigned min,
                              unsigned max) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw HttpError(400, "parametre_invalide",
                    std::string("paramètre ") + name + " : entier entre " + std::to_string(min) + " et " +
                        std::to_string(max) + " attendu");
  }
  return value;
}

// The token of an "Authorization: Bearer <token>" header; 401 without one.
inline std::string bearer_token(const httplib::Request& req) {
  const std::string header = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer)) {
    throw HttpError(401, "authentification_requise",
                    "jeton manquant : en-tête « Authorization: Bearer <jeton> » attendu");
  }
  return header.substr(kBearer.size());
}

}  // namespace tec::searchd
