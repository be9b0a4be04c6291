// Posting-list lookups over a known set of documents, shared by suggest
// (completions counted among a sample) and recommendations (the need's
// words among the candidates).
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace tec::ranking {

// Which of `documents` (ascending docids) hold `term`: the term's posting
// list walked forwards once, skipping to each document in turn. A match per
// document, or each document's own term list, would decode far more.
inline std::vector<Xapian::docid> documents_with_term(const Xapian::Database& db, const std::string& term,
                                                      const std::vector<Xapian::docid>& documents) {
  std::vector<Xapian::docid> holding;
  Xapian::PostingIterator posting = db.postlist_begin(term);
  for (const Xapian::docid did : documents) {
    posting.skip_to(did);
    if (posting == db.postlist_end(term)) break;
    if (*posting == did) holding.push_back(did);
  }
  return holding;
}

}  // namespace tec::ranking
