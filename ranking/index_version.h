// IndexVersion: which database, and which revision of it, derived data (the
// lexicon, the facet table, cached answers) was read from. A revision number
// alone does not say: a rebuilt index swapped into the directory, or a replica
// receiving a full copy of a rebuilt master, starts its revisions again from 1
// under a new UUID.
#pragma once

#include <string>

#include <xapian.h>

namespace tec::ranking {

struct IndexVersion {
  std::string uuid;
  Xapian::rev revision = 0;

  static IndexVersion of(const Xapian::Database& db) { return {db.get_uuid(), db.get_revision()}; }

  bool operator==(const IndexVersion&) const = default;
  // Whether data derived at this version may serve a reader at `reader`: the
  // same database, and not older (a reader lagging one commit behind keeps
  // using the newer data rather than rebuilding the old).
  bool covers(const IndexVersion& reader) const { return uuid == reader.uuid && revision >= reader.revision; }
  std::string key() const { return uuid + ':' + std::to_string(revision); }
};

}  // namespace tec::ranking
