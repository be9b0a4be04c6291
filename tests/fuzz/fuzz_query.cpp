// libFuzzer target: arbitrary bytes typed in the search box. A small index is
// built once from tests/data/test_corpus.jsonl, with the bundled thesaurus,
// the way tests/test_support.cpp's index_files does; then each input goes
// through parse_query_syntax, Searcher::search and Searcher::suggest(text, 8),
// as tec-searchd's /v1/search and /v1/suggest call them. Like the routes
// (searchd/search_routes.cpp, query_param), invalid UTF-8 and queries of more than
// 1,000 characters never reach the searcher and are skipped here.
// Anything escaping as an exception is a finding: tec-searchd would answer 500.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "analysis/utf8.h"
#include "fuzz_common.h"
#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/thesaurus.h"
#include "ranking/lexicon.h"
#include "ranking/query_syntax.h"
#include "ranking/searcher.h"

#ifndef TEC_SOURCE_DIR
#error "TEC_SOURCE_DIR must name the project root"
#endif

namespace {

// searchd/routes.h: kMaxQueryChars (not included: it pulls in cpp-httplib).
constexpr std::size_t kMaxQueryChars = 1000;

struct State {
  tec::fuzz::ScratchDir dir{"tec-fuzz-query"};
  tec::analysis::FrenchAnalyzer analyzer;
  Xapian::Database db;
  std::unique_ptr<tec::ranking::Lexicon> lexicon;

  State() {
    const std::string index = dir.str("index");
    {
      tec::indexer::IndexWriter writer(index);
      const tec::indexer::IngestReport report =
          tec::indexer::ingest(writer, analyzer, {std::string(TEC_SOURCE_DIR) + "/tests/data/test_corpus.jsonl"}, {});
      writer.replace_synonyms(tec::indexer::parse_thesaurus(tec::indexer::bundled_thesaurus(), "thesaurus"), analyzer);
      writer.commit();
      if (report.indexed == 0 || !report.rejected.empty()) {
        std::fprintf(stderr, "tec-fuzz: test corpus gave %zu documents and %zu rejected lines\n", report.indexed,
                     report.rejected.size());
        std::abort();
      }
    }
    db = Xapian::Database(index);
    lexicon = std::make_unique<tec::ranking::Lexicon>(db, analyzer);
  }
};

State& state() {
  static State s;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  tec::fuzz::install_terminate_handler();
  state();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (tec::analysis::first_invalid_utf8(text)) return 0;
  std::size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > kMaxQueryChars) return 0;

  State& s = state();
  const tec::ranking::QuerySyntax syntax = tec::ranking::parse_query_syntax(text);
  for (const tec::ranking::QueryClause& clause : syntax.clauses) {
    // QueryClause::offset is the byte offset of clause.text in the query.
    if (clause.offset > text.size() || text.compare(clause.offset, clause.text.size(), clause.text) != 0) {
      std::fprintf(stderr,
                   "==tec-fuzz== parse_query_syntax: clause at offset %zu (%zu bytes) is not the query's text there\n",
                   clause.offset, clause.text.size());
      std::abort();
    }
  }

  tec::ranking::Searcher searcher(s.db, s.analyzer, s.lexicon.get());
  tec::ranking::SearchRequest request;
  request.text = text;
  const tec::ranking::SearchResponse response = searcher.search(request);
  if (response.hits.size() > request.per_page) {
    std::fprintf(stderr, "==tec-fuzz== %zu hits for a page of %u\n", response.hits.size(), request.per_page);
    std::abort();
  }
  const tec::ranking::SuggestResponse suggestions = searcher.suggest(text, 8);
  if (suggestions.completions.size() > 8 || suggestions.titles.size() > 8) {
    std::fprintf(stderr, "==tec-fuzz== suggest(text, 8) gave %zu completions and %zu titles\n",
                 suggestions.completions.size(), suggestions.titles.size());
    std::abort();
  }
  return 0;
}
