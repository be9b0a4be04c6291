// CsvFeedReader: a partner's CSV export read as a RecordStream with libcsv
// (quoted cells spanning lines, byte-order mark, CRLF), each row turned into
// a JSON record by a CsvMapping. A row is numbered by the line it starts on.
#pragma once

#include <csv.h>

#include <deque>
#include <fstream>
#include <string>
#include <vector>

#include "indexer/feeds/csv_mapping.h"
#include "indexer/feeds/record_stream.h"

namespace tec::indexer {

class CsvFeedReader : public RecordStream {
 public:
  // Reads the header; throws std::runtime_error when the file cannot be
  // read or the header lacks a mapped column.
  CsvFeedReader(const std::string& path, CsvMapping mapping);
  CsvFeedReader(const CsvFeedReader&) = delete;
  CsvFeedReader& operator=(const CsvFeedReader&) = delete;

  std::optional<FeedLine> next() override;
  std::size_t bytes_read() const override { return bytes_read_; }
  std::size_t size() const override { return size_; }

 private:
  struct Row {
    std::size_t line = 0;
    std::vector<std::string> cells;
    bool truncated = false;  // the file ends inside a quoted cell
  };

  // Feeds lines to the parser until a row is complete or the file ends.
  bool fill();
  FeedLine to_record(Row row) const;

  static void on_field(void* data, std::size_t length, void* self);
  static void on_row_end(int terminator, void* self);

  // libcsv's parser, freed even when the constructor throws.
  struct Parser {
    Parser();
    ~Parser() { csv_free(&state); }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    csv_parser state{};
  };

  std::ifstream in_;
  std::string path_;
  CsvMapping mapping_;
  Parser parser_;
  std::size_t size_ = 0;
  std::size_t bytes_read_ = 0;
  std::size_t line_ = 0;            // last line fed to the parser
  std::size_t row_start_ = 1;       // line the row being parsed starts on
  std::vector<std::string> cells_;  // of the row being parsed
  std::deque<Row> rows_;
  std::size_t columns_ = 0;
  bool finished_ = false;
};

}  // namespace tec::indexer
