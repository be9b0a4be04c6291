// Facet filters and counts over the value slots and boolean terms that
// schema/index_schema.h lays out for each facet.
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "ranking/facet_table.h"

namespace tec::ranking {

// Counts the facets' values over the documents a match looks at.
//
// With a FacetTable of the database's revision, a match's values are looked
// up in memory. Without one (the table of a new revision is still being
// built), they are read from schema::kSlotFacets: a document's facets are
// counted whole (many documents share the same themes, levels and
// audiences) and split into their items only when the counts are read, and
// the slot's value stream is walked forwards, in the order the matcher
// brings documents (Document::get_value would look each value up in the
// B-tree and decode its chunk from the start).
class FacetSpy : public Xapian::MatchSpy {
 public:
  // `table` is used only when it describes the revision `db` is at.
  FacetSpy(const Xapian::Database& db, const FacetTable* table);

  void operator()(const Xapian::Document& doc, double weight) override;

  // Values of the facet schema::kFacets[facet], most frequent first, at most
  // `limit`, each count multiplied by `scale` (the matches over the
  // documents looked at, when the matcher stopped before the last match).
  std::vector<std::pair<std::string, Xapian::doccount>> top(std::size_t facet, std::size_t limit,
                                                            double scale = 1) const;
  Xapian::doccount seen() const { return seen_; }

 private:
  const Xapian::Database& db_;
  const FacetTable* table_;
  std::vector<Xapian::doccount> counts_by_id_;    // with the table: per FacetTable::ValueId
  std::vector<FacetTable::ValueId> counted_ids_;  // those counted at least once
  Xapian::ValueIterator stream_;
  Xapian::docid last_ = 0;                                    // the last document seen, to notice one out of order
  std::unordered_map<std::string, Xapian::doccount> counts_;  // without: per value of kSlotFacets
  Xapian::doccount seen_ = 0;
};

// Resources published from `after` to `before` ("YYYY-MM-DD", included;
// empty: no bound), by the date value slot; MatchAll when neither is set.
Xapian::Query published_filter(std::string_view after, std::string_view before);

// The boolean filter of the request's facet values, leaving out `skip`
// (a facet name) so that facet can count its other values; MatchAll when
// nothing filters.
Xapian::Query facet_filter(const std::map<std::string, std::vector<std::string>>& filters,
                           analysis::FrenchAnalyzer& analyzer, const std::string& skip = "");

}  // namespace tec::ranking
