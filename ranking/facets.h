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
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::vector<Xapian::valueno> slots) : slots_(std::move(slots)), counts_(slots_.size()) {}

  void operator()(const Xapian::Document& doc, double weight) override;

  // Values of the i-th slot, most frequent first, at most `limit`, each
  // count multiplied by `scale` (the matches over the documents looked at,
  // when the matcher stopped before the last match).
  std::vector<std::pair<std::string, Xapian::doccount>> top(std::size_t i, std::size_t limit, double scale = 1) const;
  Xapian::doccount seen() const { return seen_; }

 private:
  std::vector<Xapian::valueno> slots_;
  std::vector<std::unordered_map<std::string, Xapian::doccount>> counts_;
  Xapian::doccount seen_ = 0;
};

// The boolean filter of the request's facet values, leaving out `skip`
// (a facet name) so that facet can count its other values; MatchAll when
// nothing filters.
Xapian::Query facet_filter(const std::map<std::string, std::vector<std::string>>& filters,
                           analysis::FrenchAnalyzer& analyzer, const std::string& skip = "");

}  // namespace tec::ranking
