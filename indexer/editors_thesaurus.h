// The editors' thesaurus: groups of equivalent expressions that the people
// curating the resource base add to a live index (tec-index thesaurus), on
// top of the bundled thesaurus, without a rebuild. They are stored in the
// index's metadata, so every later rewrite of the synonym table (syncs,
// pushes, additions) keeps them; a running tec-searchd sees them at the
// revision they are committed in. A rebuilt index starts without them: they
// are read back (tec-index thesaurus --print) and set on it before the swap.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "indexer/thesaurus.h"

namespace tec::indexer {

struct EditorsThesaurusReport {
  std::size_t groups = 0;    // editors' groups now in the index
  Xapian::rev revision = 0;  // the revision committed
};

// Replaces the editors' groups of the existing index `index_dir` with those
// of `text` (read from `name`, corpus/thesaurus.txt's format) and rewrites the
// synonym table with `base` (the bundled thesaurus) in one transaction. An
// empty text removes the editors' groups. Throws std::runtime_error with one
// "NAME:LINE: reason" line per bad line, or when the index is absent, and
// Xapian::DatabaseLockError when another writer holds it beyond `wait`:
// nothing is written then.
EditorsThesaurusReport apply_editors_thesaurus(const std::string& index_dir, const std::string& text,
                                               const std::string& name, const std::vector<SynonymGroup>& base,
                                               analysis::FrenchAnalyzer& analyzer,
                                               std::chrono::seconds wait = std::chrono::seconds(0));

// The editors' thesaurus stored in the index `index_dir`, as it was given
// (comments included; empty when never set), so that an operator can keep it
// or carry it into a rebuilt index. Reads without the write lock. Throws
// std::runtime_error when the index is absent.
std::string stored_editors_thesaurus(const std::string& index_dir);

}  // namespace tec::indexer
