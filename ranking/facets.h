// Facet filters and counts over the value slots and boolean terms that
// schema/index_schema.h lays out for each facet.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"

namespace tec::ranking {

// Counts the values of some facets over the documents a match looks at.
// A slot's value is counted whole (many documents share the same list of
// themes) and split into its items only when the counts are read.
//
// Values are read from each slot's value stream, which the matcher's
// documents, coming in ascending order, walk forwards: Document::get_value
// would look each value up in the B-tree and decode its chunk from the
// start, and did so seven times per document (a fifth of the search time in
// the HTTP load test at 100,000 documents, see bench/README.md).
class FacetSpy : public Xapian::MatchSpy {
 public:
  FacetSpy(const Xapian::Database& db, std::vector<Xapian::valueno> slots);

  void operator()(const Xapian::Document& doc, double weight) override;

  // Values of the i-th slot, most frequent first, at most `limit`, each
  // count multiplied by `scale` (the matches over the documents looked at,
  // when the matcher stopped before the last match).
  std::vector<std::pair<std::string, Xapian::doccount>> top(std::size_t i, std::size_t limit, double scale = 1) const;
  Xapian::doccount seen() const { return seen_; }

 private:
  const Xapian::Database& db_;
  std::vector<Xapian::valueno> slots_;
  std::vector<Xapian::ValueIterator> streams_;
  Xapian::docid last_ = 0;  // the last document seen, to notice one out of order
  std::vector<std::unordered_map<std::string, Xapian::doccount>> counts_;
  Xapian::doccount seen_ = 0;
};

// The boolean filter of the request's facet values, leaving out `skip`
// (a facet name) so that facet can count its other values; MatchAll when
// nothing filters.
Xapian::Query facet_filter(const std::map<std::string, std::vector<std::string>>& filters,
                           analysis::FrenchAnalyzer& analyzer, const std::string& skip = "");

}  // namespace tec::ranking
