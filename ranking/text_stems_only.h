// The terms a relevance-feedback expansion (Xapian ESet) may add to a query:
// for the feedback run of long questions and for "more like this".
#pragma once

#include <string>

#include <xapian.h>

#include "schema/index_schema.h"

namespace tec::ranking {

// Stems of the whole text only: folded words would count each word twice,
// title stems would count the title's words again, and boolean terms (type,
// source, theme) would match on the catalogue's structure rather than on what
// the text is about.
struct TextStemsOnly : Xapian::ExpandDecider {
  bool operator()(const std::string& term) const override { return schema::is_text_stem(term); }
};

}  // namespace tec::ranking
