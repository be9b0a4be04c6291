// DocidList implementation (see docid_list.h).
#include "ranking/docid_list.h"

#include <algorithm>

namespace tec::ranking {

DocidList::DocidList(std::vector<Xapian::docid> docids) : docids_(std::move(docids)) {
  std::sort(docids_.begin(), docids_.end());
  docids_.erase(std::unique(docids_.begin(), docids_.end()), docids_.end());
}

void DocidList::init(const Xapian::Database&) {
  at_ = 0;
  started_ = false;
}

void DocidList::next(double) {
  if (started_) ++at_;
  started_ = true;
}

void DocidList::skip_to(Xapian::docid did, double) {
  const auto from = docids_.begin() + static_cast<std::ptrdiff_t>(started_ ? at_ : 0);
  at_ = static_cast<std::size_t>(std::lower_bound(from, docids_.end(), did) - docids_.begin());
  started_ = true;
}

}  // namespace tec::ranking
