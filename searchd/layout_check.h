// The start-up check of an index's layout version (schema::kLayoutMetadataKey)
// against the one this program writes and reads.
#pragma once

#include <xapian.h>

#include <string>

namespace tec::searchd {

struct LayoutCheck {
  enum class Verdict { Current, Older, Refused };
  Verdict verdict = Verdict::Current;
  std::string message;  // French, for the log (Older) or the exit (Refused)
};

// Older: the index was created by an earlier layout (or before indexes said
// theirs) and is served, some of its documents possibly without what newer
// layouts index. Refused: a newer or unreadable layout this program could
// misread.
LayoutCheck check_layout(const Xapian::Database& db);

}  // namespace tec::searchd
