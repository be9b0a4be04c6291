// The content hash of a record: what a sync compares to tell an unchanged
// record from an updated one. BLAKE2b-128 (libsodium) of the record as
// accepted, prefixed with the layout's name (schema::kIndexLayoutVersion) so
// that a change of analysis or layout makes every record "updated" at the
// next sync.
#pragma once

#include <string>
#include <string_view>

namespace tec::indexer {

std::string content_hash(std::string_view record_json);

}  // namespace tec::indexer
