// DocidList: a fixed set of documents as a Xapian query (a posting source of
// weight 0), to run a query over those documents alone: Xapian then moves
// every other posting list straight to them instead of walking it.
#pragma once

#include <vector>

#include <xapian.h>

namespace tec::ranking {

class DocidList : public Xapian::PostingSource {
 public:
  explicit DocidList(std::vector<Xapian::docid> docids);

  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void init(const Xapian::Database& db) override;
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_ >= docids_.size(); }
  Xapian::docid get_docid() const override { return docids_[at_]; }
  DocidList* clone() const override { return new DocidList(docids_); }

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(docids_.size()); }

  std::vector<Xapian::docid> docids_;  // sorted, distinct
  std::size_t at_ = 0;
  bool started_ = false;
};

}  // namespace tec::ranking
