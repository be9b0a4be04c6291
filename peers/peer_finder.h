// PeerFinder: the collectivities that carried projects matching a theme or a
// need (resources whose `collectivites` name them), ranked by how comparable
// they are to a territory and how well their projects match; and the
// resources a cohort shares. Reads the index; no HTTP, no JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/french_analyzer.h"
#include "peers/cohorts.h"
#include "ranking/lexicon.h"
#include "territory/territories.h"

namespace tec::peers {

struct PeerResource {
  std::string source, id, type, title, url, year;  // year of published_at, or empty
};

struct Peer {
  const territory::Territory* territory = nullptr;
  std::optional<double> distance_km;
  double score = 0;
  std::vector<PeerResource> resources;  // the matching ones, best first
  std::vector<std::string> reasons;     // French
};

struct PeerQuery {
  std::vector<std::string> themes;
  std::string need;
  std::size_t limit = 5;
};

class PeerFinder {
 public:
  // `lexicon` may be null (no typo tolerance or synonyms in the need).
  PeerFinder(const Xapian::Database& db, analysis::FrenchAnalyzer& analyzer, const ranking::Lexicon* lexicon,
             const territory::Territories& territories)
      : db_(db), analyzer_(analyzer), lexicon_(lexicon), territories_(territories) {}

  std::vector<Peer> peers(const territory::Territory& of, const PeerQuery& query);

  // The best resources matching `query` that suit every member of `cohort`
  // (the recommendations' hard rules on `today`, YYYY-MM-DD), at most `limit`.
  std::vector<PeerResource> shared_resources(const Cohort& cohort, const PeerQuery& query, const std::string& today,
                                             std::size_t limit);

 private:
  struct Match;
  std::vector<Match> matches(const PeerQuery& query, bool with_collectivities, std::size_t candidates);

  const Xapian::Database& db_;
  analysis::FrenchAnalyzer& analyzer_;
  const ranking::Lexicon* lexicon_;
  const territory::Territories& territories_;
};

}  // namespace tec::peers
