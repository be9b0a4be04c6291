// Highlighting: the passage of a text that best shows a query's words, with
// those words wrapped in <mark> and everything else HTML-escaped.
#pragma once

#include <string>
#include <string_view>

#include "analysis/french_analyzer.h"
#include "ranking/query_builder.h"

namespace tec::ranking {

// The best window of `max_words` words of `text` (the one holding the most
// distinct query words), as HTML; "…" marks text left out at either end. A
// text without any query word yields its opening words.
std::string make_snippet(std::string_view text, const QueryTerms& query, analysis::FrenchAnalyzer& analyzer,
                         unsigned max_words);

// The whole of `text` as HTML with every query word marked (for titles).
std::string mark_all(std::string_view text, const QueryTerms& query, analysis::FrenchAnalyzer& analyzer);

std::string html_escape(std::string_view text);

}  // namespace tec::ranking
