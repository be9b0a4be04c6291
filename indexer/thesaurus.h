// Thesaurus: groups of expressions that are equivalent for search
// (corpus/thesaurus.txt: one group per line, expressions separated by " | ",
// "#" comments). Read at indexing time and written into the index's synonym
// table, where the query builder finds it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tec::indexer {

using SynonymGroup = std::vector<std::string>;

// Throws std::runtime_error("NAME:LINE: reason"), one line per malformed
// line of the text, when any is.
std::vector<SynonymGroup> parse_thesaurus(std::string_view text, const std::string& name);

// The thesaurus compiled into tec-index from corpus/thesaurus.txt.
std::string_view bundled_thesaurus();

}  // namespace tec::indexer
