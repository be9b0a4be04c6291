// Terminal rendering of tec-searchd's JSON answers: search results and
// recommendations as readable text, coloured when the output is a terminal.
#pragma once

#include <rapidjson/document.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace tec::cli {

struct Style {
  bool colour = false;
};

// Colour only on a terminal and when NO_COLOR is unset or empty
// (no-color.org: only a non-empty value turns colour off).
bool colour_wanted(bool is_terminal, const char* no_color);

// 1014 -> "1 014", grouped by three with narrow no-break spaces (U+202F).
std::string thousands(std::uint64_t number);

// "<mark>budget</mark> &amp; vote" -> highlighted "budget & vote".
std::string from_marked_html(std::string_view html, const Style& style);

std::string render_search(const rapidjson::Value& response, const Style& style);
std::string render_recommendation(const rapidjson::Value& response, const Style& style);
std::string render_error(const rapidjson::Value& response, int status, const Style& style);

}  // namespace tec::cli
