// libFuzzer target: arbitrary bytes as partner feed data, through the path of
// tec-index (indexer/ingest.cpp): FeedReader's byte checks, RecordValidator,
// DocumentBuilder, then IndexWriter::put into an index that
// is never committed (the writer, hence its transaction, is dropped every few
// hundred records so memory stays bounded).
//
// Mode, chosen by the first byte:
//   0x00-0x08  the rest of the input is a whole feed file, written to a
//              temporary file and read with FeedReader line by line (BOM,
//              CRLF, blank lines, NUL and UTF-8 checks, line numbers);
//   otherwise  the whole input is the text of one line as FeedReader hands it
//              over: inputs holding '\n' or NUL, which FeedReader never passes
//              to the validator, or invalid UTF-8 (first_invalid_utf8) are
//              skipped.
// Anything escaping as an exception is a finding: in tec-index it would stop
// the whole run with "rien n'a été écrit" instead of rejecting one line.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include <unistd.h>

#include "analysis/french_analyzer.h"
#include "analysis/utf8.h"
#include "fuzz_common.h"
#include "indexer/document_builder.h"
#include "indexer/feeds/feed_reader.h"
#include "indexer/index_writer.h"
#include "indexer/record_validator.h"
#include "schema/index_schema.h"

namespace {

constexpr std::size_t kPutsPerWriter = 256;

struct State {
  tec::fuzz::ScratchDir dir{"tec-fuzz-feed"};
  tec::analysis::FrenchAnalyzer analyzer;
  tec::indexer::RecordValidator validator;
  std::unique_ptr<tec::indexer::IndexWriter> writer;
  std::size_t puts = 0;
  std::string feed_path = dir.str("feed.jsonl");
};

State& state() {
  static State s;
  return s;
}

// One line that passed FeedReader's checks, as ingest() treats it.
void ingest_line(std::string_view line) {
  State& s = state();
  tec::indexer::ValidationOutcome outcome = s.validator.validate(line, "");
  if (!outcome.resource) {
    if (outcome.error.empty()) {
      std::fprintf(stderr, "==tec-fuzz== RecordValidator refused a line without a reason\n");
      std::abort();
    }
    return;
  }
  const tec::indexer::Resource& resource = *outcome.resource;
  const tec::indexer::IndexedDocument built = tec::indexer::DocumentBuilder(s.analyzer).build(resource);
  if (!s.writer || s.puts >= kPutsPerWriter) {
    s.writer.reset();  // cancels the transaction: nothing is ever committed
    s.writer = std::make_unique<tec::indexer::IndexWriter>(s.dir.str("index"));
    s.puts = 0;
  }
  s.writer->put(tec::schema::unique_term(resource.source, resource.id), built);
  ++s.puts;
}

void fuzz_one_line(std::string_view line) {
  if (line.size() > tec::indexer::kMaxRecordBytes) return;
  if (line.find('\n') != std::string_view::npos || line.find('\0') != std::string_view::npos) return;
  if (tec::analysis::first_invalid_utf8(line)) return;
  ingest_line(line);
}

void fuzz_feed_file(std::string_view content) {
  State& s = state();
  {
    std::ofstream out(s.feed_path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) {
      std::perror("write feed");
      std::abort();
    }
  }
  tec::indexer::FeedReader reader(s.feed_path);
  std::size_t last_number = 0;
  while (auto line = reader.next()) {
    if (line->number <= last_number) {
      std::fprintf(stderr, "==tec-fuzz== FeedReader line numbers not increasing (%zu after %zu)\n", line->number,
                   last_number);
      std::abort();
    }
    last_number = line->number;
    if (!line->error.empty()) continue;
    if (tec::analysis::first_invalid_utf8(line->text) || line->text.find('\0') != std::string::npos) {
      std::fprintf(stderr, "==tec-fuzz== FeedReader passed line %zu holding NUL or invalid UTF-8\n", line->number);
      std::abort();
    }
    ingest_line(line->text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  tec::fuzz::install_terminate_handler();
  state();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (!input.empty() && static_cast<unsigned char>(input[0]) <= 0x08) {
    fuzz_feed_file(input.substr(1));
  } else {
    fuzz_one_line(input);
  }
  return 0;
}
