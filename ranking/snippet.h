// Highlighting: the passage of a text that best shows a query's words, with
// those words wrapped in <mark> and everything else HTML-escaped.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "analysis/french_analyzer.h"
#include "analysis/word_heads.h"
#include "ranking/query_builder.h"

namespace tec::ranking {

class ExpressionIndex;  // the query's thesaurus expressions (snippet.cpp)

// A query's words marked in the texts of one answer: what the query can mark
// (the heads of its words, whether it holds only little words) is worked out
// once, then each title and passage is read against it.
class Highlighter {
 public:
  explicit Highlighter(const QueryTerms& query);
  ~Highlighter();

  // The best window of `max_words` words of `text` (the one holding the most
  // distinct query words), as HTML; "…" marks text left out at either end. A
  // text without any query word yields its opening words.
  std::string snippet(std::string_view text, analysis::FrenchAnalyzer& analyzer, unsigned max_words) const;

  // The whole of `text` as HTML with every query word marked (for titles).
  std::string mark_all(std::string_view text, analysis::FrenchAnalyzer& analyzer) const;

 private:
  struct Analysed;
  Analysed analyse(std::string_view text, analysis::FrenchAnalyzer& analyzer) const;

  const QueryTerms& query_;
  bool only_fillers_ = true;  // the query holds little words only: they are marked then
  // Every word the query can mark begins like one of these: the other words
  // of a text are read without stems (most of a text, and most of its cost).
  analysis::WordHeads heads_;
  std::unique_ptr<const ExpressionIndex> expressions_;
};

std::string html_escape(std::string_view text);

}  // namespace tec::ranking
