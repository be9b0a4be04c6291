// MoreLikeThis: the resources closest to a given one ("voir aussi"), by
// Xapian relevance feedback: the resource's most telling stems, weighted by
// the expansion set, become a query that leaves the resource itself out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "ranking/searcher.h"

namespace tec::ranking {

// nullopt when (source, id) is not in the index.
std::optional<std::vector<SearchHit>> more_like_this(const Xapian::Database& db, const std::string& source,
                                                     const std::string& id, unsigned limit);

}  // namespace tec::ranking
