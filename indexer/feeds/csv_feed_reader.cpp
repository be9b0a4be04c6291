// CsvFeedReader implementation over libcsv's push parser, fed line by line
// so that rows can be numbered by the line they start on.
#include "indexer/feeds/csv_feed_reader.h"

#include <cstring>
#include <stdexcept>

#include "analysis/utf8.h"
#include "indexer/feeds/feed_reader.h"

namespace tec::indexer {

CsvFeedReader::CsvFeedReader(const std::string& path, CsvMapping mapping)
    : in_(path, std::ios::binary), path_(path), mapping_(std::move(mapping)) {
  if (!in_) throw std::runtime_error("impossible d'ouvrir " + path + " : " + std::strerror(errno));
  in_.seekg(0, std::ios::end);
  size_ = static_cast<std::size_t>(in_.tellg());
  in_.seekg(0, std::ios::beg);
  csv_set_delim(&parser_.state, static_cast<unsigned char>(mapping_.delimiter()));
  if (!fill()) throw std::runtime_error(path + " : fichier CSV sans en-tête");
  Row header = std::move(rows_.front());
  rows_.pop_front();
  columns_ = header.cells.size();
  mapping_.bind(header.cells);
}

CsvFeedReader::Parser::Parser() {
  if (csv_init(&state, 0) != 0) throw std::runtime_error("libcsv : initialisation impossible");
}

void CsvFeedReader::on_field(void* data, std::size_t length, void* self) {
  auto& reader = *static_cast<CsvFeedReader*>(self);
  reader.cells_.emplace_back(static_cast<const char*>(data), length);
}

void CsvFeedReader::on_row_end(int, void* self) {
  auto& reader = *static_cast<CsvFeedReader*>(self);
  reader.rows_.push_back({reader.row_start_, std::move(reader.cells_), false});
  reader.cells_.clear();
  reader.row_start_ = reader.line_ + 1;
}

bool CsvFeedReader::fill() {
  std::string line;
  while (rows_.empty() && !finished_) {
    if (std::getline(in_, line)) {
      ++line_;
      bytes_read_ += line.size() + 1;
      if (line_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
      // A blank line between rows is not a row (libcsv's state 0 is "row not
      // begun"; inside a quoted cell the blank line belongs to the cell).
      if (parser_.state.pstate == 0 && cells_.empty() && line.find_first_not_of(" \t\r") == std::string::npos) {
        row_start_ = line_ + 1;
        continue;
      }
      line += '\n';
      csv_parse(&parser_.state, line.data(), line.size(), on_field, on_row_end, this);
    } else {
      finished_ = true;
      // libcsv's state 2 is "field begun": inside a quoted cell, the file was
      // cut before the closing quote.
      if (parser_.state.quoted && parser_.state.pstate == 2) {
        rows_.push_back({row_start_, {}, true});
        cells_.clear();
      } else {
        csv_fini(&parser_.state, on_field, on_row_end, this);
      }
    }
  }
  return !rows_.empty();
}

FeedLine CsvFeedReader::to_record(Row row) const {
  FeedLine record;
  record.number = row.line;
  if (row.truncated) {
    record.error = "guillemet jamais fermé : le fichier semble tronqué";
    return record;
  }
  if (row.cells.size() != columns_) {
    record.error = std::to_string(row.cells.size()) + " colonnes au lieu de " + std::to_string(columns_);
    return record;
  }
  for (const std::string& cell : row.cells) {
    if (cell.size() > kMaxRecordBytes) {
      record.error = "cellule trop longue (" + std::to_string(cell.size()) + " octets)";
      return record;
    }
    if (cell.find('\0') != std::string::npos) {
      record.error = "octet NUL dans une cellule";
      return record;
    }
    if (const auto bad = analysis::first_invalid_utf8(cell)) {
      record.error = "UTF-8 invalide dans une cellule";
      return record;
    }
  }
  if (!mapping_.record_json(row.cells, record.text, record.error)) record.text.clear();
  return record;
}

std::optional<FeedLine> CsvFeedReader::next() {
  if (!fill()) return std::nullopt;
  Row row = std::move(rows_.front());
  rows_.pop_front();
  return to_record(std::move(row));
}

std::unique_ptr<RecordStream> open_feed(const std::string& path, const CsvMapping* mapping) {
  if (mapping) return std::make_unique<CsvFeedReader>(path, *mapping);
  return std::make_unique<FeedReader>(path);
}

}  // namespace tec::indexer
