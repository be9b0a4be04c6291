// FacetTable: one walk of the facets' value stream, values interned by
// (facet, text), the lists of many documents sharing the same ids.
#include "ranking/facet_table.h"

#include <unordered_map>

#include "schema/index_schema.h"

namespace tec::ranking {

FacetTable::FacetTable(const Xapian::Database& db) : version_(IndexVersion::of(db)) {
  std::vector<std::unordered_map<std::string, ValueId>> interned(schema::kFacets.size());
  // Many documents have the same facets: their ids are worked out once.
  std::unordered_map<std::string, std::vector<ValueId>> lists;
  starts_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  Xapian::docid filled = 0;  // starts_ is set up to this docid
  for (auto it = db.valuestream_begin(schema::kSlotFacets); it != db.valuestream_end(schema::kSlotFacets); ++it) {
    const Xapian::docid did = it.get_docid();
    for (; filled < did; ++filled) starts_[filled + 1] = static_cast<std::uint32_t>(ids_.size());
    const std::string packed = *it;
    auto [list, added] = lists.try_emplace(packed);
    if (added) {
      for (std::size_t facet = 0; facet < schema::kFacets.size(); ++facet) {
        const std::string_view items = schema::packed_facet(packed, facet);
        if (items.empty()) continue;
        for (std::size_t start = 0;;) {
          const std::size_t stop = items.find(schema::kListSeparator, start);
          const std::string text(items.substr(start, stop - start));
          auto [value, fresh] = interned[facet].try_emplace(text, static_cast<ValueId>(values_.size()));
          if (fresh) values_.push_back({facet, text});
          list->second.push_back(value->second);
          if (stop == std::string_view::npos) break;
          start = stop + 1;
        }
      }
    }
    ids_.insert(ids_.end(), list->second.begin(), list->second.end());
  }
  for (; filled + 1 < starts_.size(); ++filled) starts_[filled + 1] = static_cast<std::uint32_t>(ids_.size());
}

}  // namespace tec::ranking
