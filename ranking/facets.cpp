// FacetSpy and facet filters.
#include "ranking/facets.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "schema/index_schema.h"

namespace tec::ranking {

FacetSpy::FacetSpy(const Xapian::Database& db, const FacetTable* table)
    : db_(db), table_(table && table->version() == IndexVersion::of(db) ? table : nullptr) {
  if (table_) {
    counts_by_id_.assign(table_->value_count(), 0);
  } else {
    stream_ = db_.valuestream_begin(schema::kSlotFacets);
  }
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  const Xapian::docid did = doc.get_docid();
  if (table_) {
    for (const FacetTable::ValueId id : table_->values_of(did)) {
      if (counts_by_id_[id]++ == 0) counted_ids_.push_back(id);
    }
    return;
  }
  std::string value;
  if (did <= last_) {
    value = doc.get_value(schema::kSlotFacets);
  } else if (stream_ != db_.valuestream_end(schema::kSlotFacets)) {
    if (stream_.get_docid() < did) stream_.skip_to(did);
    if (stream_ != db_.valuestream_end(schema::kSlotFacets) && stream_.get_docid() == did) value = *stream_;
  }
  last_ = std::max(last_, did);
  if (!value.empty()) ++counts_[std::move(value)];
}

std::vector<std::pair<std::string, Xapian::doccount>> FacetSpy::top(std::size_t facet, std::size_t limit,
                                                                    double scale) const {
  std::unordered_map<std::string_view, Xapian::doccount> items;
  for (const FacetTable::ValueId id : counted_ids_) {
    if (table_->facet_of(id) == facet) items[table_->text_of(id)] += counts_by_id_[id];
  }
  for (const auto& [packed, count] : counts_) {
    const std::string_view list = schema::packed_facet(packed, facet);
    if (list.empty()) continue;
    for (std::size_t start = 0;;) {
      const std::size_t stop = list.find(schema::kListSeparator, start);
      items[list.substr(start, stop - start)] += count;
      if (stop == std::string_view::npos) break;
      start = stop + 1;
    }
  }
  std::vector<std::pair<std::string, Xapian::doccount>> values;
  values.reserve(items.size());
  for (const auto& [item, count] : items) {
    values.emplace_back(std::string(item), static_cast<Xapian::doccount>(std::lround(count * scale)));
  }
  std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (values.size() > limit) values.resize(limit);
  return values;
}

Xapian::Query published_filter(std::string_view after, std::string_view before) {
  // The slot holds "YYYYMMDD", which sorts as text.
  const auto compact = [](std::string_view date) {
    std::string digits;
    for (const char c : date) {
      if (c != '-') digits += c;
    }
    return digits;
  };
  if (after.empty() && before.empty()) return Xapian::Query::MatchAll;
  if (before.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotPublished, compact(after));
  if (after.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotPublished, compact(before));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotPublished, compact(after), compact(before));
}

Xapian::Query facet_filter(const std::map<std::string, std::vector<std::string>>& filters,
                           analysis::FrenchAnalyzer& analyzer, const std::string& skip) {
  std::vector<Xapian::Query> facets;
  for (const schema::Facet& facet : schema::kFacets) {
    const auto it = filters.find(std::string(facet.name));
    if (it == filters.end() || it->second.empty() || facet.name == skip) continue;
    std::vector<Xapian::Query> values;
    for (const std::string& value : it->second)
      values.emplace_back(schema::prefixed(facet.prefix, analyzer.fold(value)));
    facets.emplace_back(Xapian::Query::OP_OR, values.begin(), values.end());
  }
  if (facets.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end());
}

}  // namespace tec::ranking
