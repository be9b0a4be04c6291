// RecordStream: where feed records come from, one at a time, each with its
// line number and either its JSON text or the reason it cannot be a record.
// JSON Lines feeds (FeedReader) and CSV exports (CsvFeedReader) both are one.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace tec::indexer {

struct FeedLine {
  std::size_t number = 0;  // line of the file where the record starts, from 1
  std::string text;        // the record as JSON text
  std::string error;       // set when the line cannot be a record
};

class RecordStream {
 public:
  virtual ~RecordStream() = default;
  // The next record, or nullopt at the end of the feed.
  virtual std::optional<FeedLine> next() = 0;
  virtual std::size_t bytes_read() const = 0;
  virtual std::size_t size() const = 0;
};

class CsvMapping;

// Opens `path` as JSON Lines, or as CSV when `mapping` is given. Throws
// std::runtime_error when the file cannot be opened or read.
std::unique_ptr<RecordStream> open_feed(const std::string& path, const CsvMapping* mapping);

}  // namespace tec::indexer
