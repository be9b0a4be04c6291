// The content hash of a record: what a sync compares to tell an unchanged
// record from an updated one. BLAKE2b-128 (libsodium) of the record as
// accepted, prefixed with kIndexLayoutVersion so that a change of analysis or
// layout makes every record "updated" at the next sync.
#pragma once

#include <string>
#include <string_view>

namespace tec::indexer {

// Bump when the analysis or the index layout changes what a record indexes to.
inline constexpr std::string_view kIndexLayoutVersion = "tec-layout-5";

std::string content_hash(std::string_view record_json);

}  // namespace tec::indexer
