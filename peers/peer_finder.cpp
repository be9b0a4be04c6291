// PeerFinder implementation: one Enquire over the resources that name
// collectivities (the XCOLL terms), grouped by collectivity in plain C++.
#include "peers/peer_finder.h"

#include <algorithm>
#include <unordered_map>

#include "peers/comparability.h"
#include "peers/peer_params.h"
#include "ranking/query_builder.h"
#include "ranking/ranking_params.h"
#include "recommend/hard_rules.h"
#include "recommend/profile_resolver.h"
#include "recommend/resource_facts.h"
#include "schema/index_schema.h"
#include "schema/json_members.h"
#include "schema/stored_document.h"

namespace tec::peers {
namespace {

using territory::Territory;
using territory::TerritoryKind;

// "Montpeyroux (Hérault) : l'extinction nocturne…" -> "l'extinction
// nocturne…": what was done, without the place the title starts with.
std::string what_was_done(const std::string& title) {
  std::string what = title;
  if (const std::size_t colon = title.find(" : "); colon != std::string::npos && colon < 80)
    what = title.substr(colon + 3);
  for (std::string_view article : {"Le ", "La ", "Les ", "L'", "L’", "Un ", "Une ", "Des ", "Du "}) {
    if (what.starts_with(article)) {
      what[0] = static_cast<char>(what[0] - 'A' + 'a');
      break;
    }
  }
  return what;
}

recommend::ProfileRequest request_for(const Territory& t) {
  recommend::ProfileRequest request;
  switch (t.kind) {
    case TerritoryKind::Commune:
      request.insee = t.code;
      break;
    case TerritoryKind::Epci:
      request.siren = t.code;
      break;
    case TerritoryKind::Departement:
      request.departement = t.code;
      break;
    case TerritoryKind::Region:
      request.region = t.code;
      break;
  }
  return request;
}

}  // namespace

struct PeerFinder::Match {
  double weight = 0;  // relative to the best match
  std::string data;   // the stored document
  PeerResource resource;
  std::vector<std::string> collectivites;
};

std::vector<PeerFinder::Match> PeerFinder::matches(const PeerQuery& query, bool with_collectivities,
                                                   std::size_t candidates) {
  using Q = Xapian::Query;
  ranking::QueryBuilder builder(analyzer_, db_, lexicon_);
  const ranking::BuildOptions options{.complete_last_word = false};
  std::vector<Q> parts;
  // A theme brings the documents holding all its words, as recommendations do.
  for (const std::string& theme : query.themes) {
    const ranking::BuiltQuery built = builder.build(theme, options);
    parts.push_back(built.all_words.empty() ? built.query : built.all_words);
  }
  if (!query.need.empty()) parts.push_back(builder.build(query.need, options).query);
  std::erase_if(parts, [](const Q& q) { return q.empty(); });
  const bool asked = !query.themes.empty() || !query.need.empty();
  if (asked && parts.empty()) return {};  // words the index does not hold

  const Q filter = with_collectivities ? Q(Q::OP_WILDCARD, std::string(schema::kPrefixCollectivity)) : Q::MatchAll;
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(ranking::bm25_weight());
  enquire.set_query(parts.empty() ? filter : Q(Q::OP_FILTER, Q(Q::OP_OR, parts.begin(), parts.end()), filter));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(candidates));
  const double best = mset.empty() ? 0 : mset.begin().get_weight();

  std::vector<Match> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Match match;
    match.data = it.get_document().get_data();
    rapidjson::Document document;
    const rapidjson::Value* record = schema::StoredDocument::parse_record(match.data, document);
    if (!record) continue;
    match.weight = best > 0 ? it.get_weight() / best : 1.0;
    match.resource = {
        schema::string_member(*record, "source"), schema::string_member(*record, "id"),
        schema::string_member(*record, "type"),   schema::string_member(*record, "title"),
        schema::string_member(*record, "url"),    schema::string_member(*record, "published_at").substr(0, 4)};
    match.collectivites = schema::string_list_member(*record, "collectivites");
    out.push_back(std::move(match));
  }
  return out;
}

std::vector<Peer> PeerFinder::peers(const Territory& of, const PeerQuery& query) {
  struct Candidate {
    Comparison comparison;
    double best = 0;
    std::vector<const Match*> done;
  };
  const std::vector<Match> found = matches(query, true, kMatchCandidates);
  std::unordered_map<const Territory*, Candidate> candidates;
  for (const Match& match : found) {
    for (const std::string& code : match.collectivites) {
      const Territory* t = territories_.find_code(code);
      if (!t) continue;
      auto [it, first] = candidates.try_emplace(t);
      if (first) it->second.comparison = compare(of, *t, territories_);
      if (!admissible(of, *t, it->second.comparison)) continue;
      if (std::find(it->second.done.begin(), it->second.done.end(), &match) != it->second.done.end()) continue;
      it->second.best = std::max(it->second.best, match.weight);
      it->second.done.push_back(&match);
    }
  }

  std::vector<Peer> out;
  for (const auto& [t, candidate] : candidates) {
    if (candidate.done.empty()) continue;
    Peer peer{t,
              candidate.comparison.distance_km,
              kMatchPoints * candidate.best + comparability_points(candidate.comparison),
              {},
              {}};
    peer.reasons.push_back(describe(*t, candidate.comparison, territories_));
    if (candidate.comparison.relation == PlaceRelation::SameEpci) {
      const Territory* epci = territories_.find(TerritoryKind::Epci, t->epci);
      peer.reasons.push_back("Même intercommunalité" + (epci ? " : " + epci->name : std::string()));
    }
    for (const Match* match : candidate.done) {
      if (peer.resources.size() == kResourcesPerPeer) break;
      peer.resources.push_back(match->resource);
      if (peer.reasons.size() < 4) {
        const std::string& year = match->resource.year;
        peer.reasons.push_back("A mené : " + what_was_done(match->resource.title) +
                               (year.empty() ? "" : " en " + year));
      }
    }
    out.push_back(std::move(peer));
  }
  std::sort(out.begin(), out.end(), [](const Peer& a, const Peer& b) {
    return a.score != b.score ? a.score > b.score : a.territory->code < b.territory->code;
  });
  if (out.size() > query.limit) out.resize(query.limit);
  return out;
}

std::vector<PeerResource> PeerFinder::shared_resources(const Cohort& cohort, const PeerQuery& query,
                                                       const std::string& today, std::size_t limit) {
  std::vector<recommend::CollectivityProfile> profiles;
  const recommend::ProfileResolver resolver(&territories_);
  for (const Territory* member : cohort.members) profiles.push_back(resolver.resolve(request_for(*member)));
  std::vector<PeerResource> out;
  if (query.themes.empty() && query.need.empty()) return out;
  for (const Match& match : matches(query, false, kMatchCandidates)) {
    const auto facts = recommend::facts_of(match.data);
    if (!facts) continue;
    const bool suits_all = std::none_of(profiles.begin(), profiles.end(), [&](const recommend::CollectivityProfile& p) {
      return recommend::exclusion(*facts, p, today).has_value();
    });
    if (!suits_all) continue;
    out.push_back(match.resource);
    if (out.size() == limit) break;
  }
  return out;
}

}  // namespace tec::peers
