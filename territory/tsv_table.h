// Reading the tab-separated tables of corpus/territories/: a header line
// that must be exactly the expected columns, then one row per line; any
// fault is reported with the file and line.
#pragma once

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "territory/territories.h"

namespace tec::territory {

inline std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

// Calls `row(fields)` for each data line of a file whose header must be
// `columns`; any fault is reported with the file and line.
template <class Row>
void read_table(const std::filesystem::path& path, const std::vector<std::string_view>& columns, Row&& row) {
  std::ifstream in(path);
  if (!in) throw TerritoryDataError(path.string() + " : fichier illisible");
  std::string line;
  std::size_t number = 0;
  const auto fail = [&](const std::string& reason) {
    throw TerritoryDataError(path.string() + ":" + std::to_string(number) + " : " + reason);
  };
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string_view> fields = split_tabs(line);
    if (number == 1) {
      if (fields != columns) fail("en-tête inattendu");
      continue;
    }
    if (line.empty()) continue;
    if (fields.size() != columns.size()) {
      fail(std::to_string(columns.size()) + " colonnes attendues, " + std::to_string(fields.size()) + " lues");
    }
    try {
      row(fields);
    } catch (const std::invalid_argument& e) {
      fail(e.what());
    }
  }
  if (number == 0) throw TerritoryDataError(path.string() + " : fichier vide");
}

}  // namespace tec::territory
