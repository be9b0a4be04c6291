// FacetTable: every document's facet values, held in memory as small
// integers, read once per revision of the index from schema::kSlotFacets.
// Counting facets over a search's matches then costs an array lookup per
// match; reading each match's values from the index cost a B-tree lookup per
// value chunk, a third of a search at 100,000 documents (see
// bench/README.md). This is what Lucene calls doc values, kept in memory.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "ranking/index_version.h"

namespace tec::ranking {

class FacetTable {
 public:
  using ValueId = std::uint32_t;

  // Reads every document's facets from `db`, at its current revision.
  explicit FacetTable(const Xapian::Database& db);

  // The database and revision read: the table describes the documents of
  // that revision only (a later one, or another database, may hold another
  // document under the same docid).
  const IndexVersion& version() const { return version_; }

  // The facet values of document `did` (none for a docid the table lacks).
  std::span<const ValueId> values_of(Xapian::docid did) const {
    if (did + 1 >= starts_.size()) return {};
    return {ids_.data() + starts_[did], ids_.data() + starts_[did + 1]};
  }

  std::size_t value_count() const { return values_.size(); }
  // Which facet (index in schema::kFacets) a value belongs to, and its text.
  std::size_t facet_of(ValueId id) const { return values_[id].facet; }
  const std::string& text_of(ValueId id) const { return values_[id].text; }

 private:
  struct Value {
    std::size_t facet;
    std::string text;
  };

  IndexVersion version_;
  std::vector<Value> values_;
  // The values of document d are ids_[starts_[d], starts_[d + 1]).
  std::vector<std::uint32_t> starts_;
  std::vector<ValueId> ids_;
};

}  // namespace tec::ranking
