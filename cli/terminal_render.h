// Terminal rendering of tec-searchd's JSON answers: search results and
// recommendations as readable text, coloured when the output is a terminal.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>

namespace tec::cli {

struct Style {
  bool colour = false;
};

// "<mark>budget</mark> &amp; vote" -> highlighted "budget & vote".
std::string from_marked_html(std::string_view html, const Style& style);

std::string render_search(const rapidjson::Value& response, const Style& style);
std::string render_recommendation(const rapidjson::Value& response, const Style& style);
std::string render_error(const rapidjson::Value& response, int status, const Style& style);

}  // namespace tec::cli
