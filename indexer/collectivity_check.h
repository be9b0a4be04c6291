// The codes of a record's `collectivites` checked against the territory
// reference data: a code no territory has is a warning, not a rejection
// (the record and the code are kept; peers simply cannot place it).
#pragma once

#include <functional>
#include <string>

#include "indexer/resource.h"
#include "territory/territories.h"

namespace tec::indexer {

// Receives one French warning, without FILE:LINE (the caller adds them).
using WarningSink = std::function<void(std::string reason)>;

void check_collectivities(const Resource& resource, const territory::Territories& territories, const WarningSink& warn);

}  // namespace tec::indexer
