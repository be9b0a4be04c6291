// The `now` query parameter of the routes that list sessions or apply the
// recommendations' hard rules: a YYYY-MM-DD date, today (local time) by
// default, for testing what a date will show.
#pragma once

#include <httplib.h>

#include <ctime>
#include <regex>
#include <string>

#include "searchd/http_errors.h"

namespace tec::searchd {

inline std::string local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[11];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

inline std::string today_param(const httplib::Request& req) {
  if (!req.has_param("now")) return local_today();
  static const std::regex date("[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])");
  std::string now = req.get_param_value("now");
  if (!std::regex_match(now, date))
    throw HttpError(400, "parametre_invalide", "paramètre now : date AAAA-MM-JJ attendue");
  return now;
}

}  // namespace tec::searchd
