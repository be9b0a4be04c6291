// Recommender: the resources and upcoming workshops that suit a collectivity.
// Candidates come from the matcher (the need and themes as a query, through
// the same QueryBuilder as search) filtered by the hard rules; each is then
// scored part by part with its reasons, and the resource list is diversified
// by type. No HTTP and no JSON here.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "ranking/lexicon.h"
#include "recommend/profile.h"
#include "recommend/resource_facts.h"
#include "territory/territories.h"

namespace tec::recommend {

struct RecommendedItem {
  std::string id, source, type, title, summary, url;
  double score = 0;
  std::vector<std::string> reasons;    // French, strongest first
  std::vector<SessionFacts> sessions;  // workshops: the upcoming ones, soonest first
};

struct Recommendation {
  std::vector<RecommendedItem> resources;
  std::vector<RecommendedItem> workshops;
};

struct RecommendOptions {
  std::string today;  // YYYY-MM-DD: sessions before it are past
  std::size_t resources = 10;
  std::size_t workshops = 5;
};

class Recommender {
 public:
  // `lexicon` and `territories` may be null (no typo tolerance or synonyms
  // in the need; sessions placed by département only).
  Recommender(const Xapian::Database& db, analysis::FrenchAnalyzer& analyzer, const ranking::Lexicon* lexicon,
              const territory::Territories* territories)
      : db_(db), analyzer_(analyzer), lexicon_(lexicon), territories_(territories) {}

  Recommendation recommend(const CollectivityProfile& profile, const RecommendOptions& options);

 private:
  struct Wanted;  // what the profile asks for, as queries: built once, used by both lists
  std::vector<RecommendedItem> list(const CollectivityProfile& profile, const Wanted& wanted,
                                    const RecommendOptions& options, bool workshops, std::size_t limit);

  const Xapian::Database& db_;
  analysis::FrenchAnalyzer& analyzer_;
  const ranking::Lexicon* lexicon_;
  const territory::Territories* territories_;
};

}  // namespace tec::recommend
