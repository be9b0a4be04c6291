// FacetSpy and facet filters.
#include "ranking/facets.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "schema/index_schema.h"

namespace tec::ranking {

FacetSpy::FacetSpy(const Xapian::Database& db, std::vector<Xapian::valueno> slots)
    : db_(db), slots_(std::move(slots)), counts_(slots_.size()) {
  for (const Xapian::valueno slot : slots_) streams_.push_back(db_.valuestream_begin(slot));
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
  ++seen_;
  const Xapian::docid did = doc.get_docid();
  const bool in_order = did > last_;
  last_ = std::max(last_, did);
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    std::string value;
    Xapian::ValueIterator& stream = streams_[i];
    if (!in_order) {
      value = doc.get_value(slots_[i]);
    } else if (stream != db_.valuestream_end(slots_[i])) {
      if (stream.get_docid() < did) stream.skip_to(did);
      if (stream != db_.valuestream_end(slots_[i]) && stream.get_docid() == did) value = *stream;
    }
    if (!value.empty()) ++counts_[i][std::move(value)];
  }
}

std::vector<std::pair<std::string, Xapian::doccount>> FacetSpy::top(std::size_t i, std::size_t limit, double scale) const {
  std::unordered_map<std::string_view, Xapian::doccount> items;
  for (const auto& [value, count] : counts_[i]) {
    for (std::size_t start = 0;;) {
      const std::size_t stop = value.find(schema::kListSeparator, start);
      items[std::string_view(value).substr(start, stop - start)] += count;
      if (stop == std::string::npos) break;
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

Xapian::Query facet_filter(const std::map<std::string, std::vector<std::string>>& filters,
                           analysis::FrenchAnalyzer& analyzer, const std::string& skip) {
  std::vector<Xapian::Query> facets;
  for (const schema::Facet& facet : schema::kFacets) {
    const auto it = filters.find(std::string(facet.name));
    if (it == filters.end() || it->second.empty() || facet.name == skip) continue;
    std::vector<Xapian::Query> values;
    for (const std::string& value : it->second) values.emplace_back(schema::prefixed(facet.prefix, analyzer.fold(value)));
    facets.emplace_back(Xapian::Query::OP_OR, values.begin(), values.end());
  }
  if (facets.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, facets.begin(), facets.end());
}

}  // namespace tec::ranking
