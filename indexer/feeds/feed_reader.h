// FeedReader: reads a JSON Lines feed line by line, with line numbers, and
// catches what is wrong with a line before any JSON parsing: invalid UTF-8,
// NUL bytes, oversize records. A bad line never stops the reading.
#pragma once

#include <cstddef>
#include <fstream>
#include <optional>
#include <string>

#include "indexer/feeds/record_stream.h"

namespace tec::indexer {

// Largest record accepted, in bytes: a body of 5 MB fits, a runaway line
// (a whole file without newlines) does not.
inline constexpr std::size_t kMaxRecordBytes = 8 * 1024 * 1024;

class FeedReader : public RecordStream {
 public:
  // Throws std::runtime_error when the file cannot be opened.
  explicit FeedReader(const std::string& path);

  // The next non-blank line (without line ending or byte-order mark), or
  // nullopt at the end of the file.
  std::optional<FeedLine> next() override;

  std::size_t bytes_read() const override { return bytes_read_; }
  std::size_t size() const override { return size_; }

 private:
  std::ifstream in_;
  std::size_t line_number_ = 0;
  std::size_t bytes_read_ = 0;
  std::size_t size_ = 0;
};

}  // namespace tec::indexer
