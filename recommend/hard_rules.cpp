// Hard rules, stated once on resource facts and once as a Xapian filter. The
// recommender applies both; a test checks they agree on every document.
#include "recommend/hard_rules.h"

#include <algorithm>

#include "schema/index_schema.h"

namespace tec::recommend {
namespace {

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string compact_date(std::string_view iso) {
  std::string out;
  for (char c : iso.substr(0, 10)) {
    if (c != '-') out += c;
  }
  return out;
}

Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values,
                     analysis::FrenchAnalyzer& analyzer) {
  std::vector<Xapian::Query> terms;
  for (const std::string& value : values) terms.emplace_back(schema::prefixed(prefix, analyzer.fold(value)));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Documents in `restricted` (those carrying some value of `prefix`) but
// with none of `accepted`.
Xapian::Query restricted_elsewhere(const Xapian::Query& restricted, std::string_view prefix,
                                   const std::vector<std::string>& accepted, analysis::FrenchAnalyzer& analyzer) {
  if (accepted.empty()) return restricted;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, restricted, any_of(prefix, accepted, analyzer));
}

}  // namespace

std::vector<const SessionFacts*> upcoming_sessions(const ResourceFacts& facts, std::string_view today) {
  std::vector<const SessionFacts*> upcoming;
  for (const SessionFacts& session : facts.sessions) {
    if (session.date >= today) upcoming.push_back(&session);
  }
  std::stable_sort(upcoming.begin(), upcoming.end(),
                   [](const SessionFacts* a, const SessionFacts* b) { return a->start < b->start; });
  return upcoming;
}

std::optional<std::string> exclusion(const ResourceFacts& facts, const CollectivityProfile& profile,
                                     std::string_view today) {
  if (is_workshop(facts.type) && upcoming_sessions(facts, today).empty()) return "aucune session à venir";
  if (profile.population) {
    if (facts.population_min && *facts.population_min > *profile.population) {
      return "destiné aux collectivités d'au moins " + std::to_string(*facts.population_min) + " habitants";
    }
    if (facts.population_max && *facts.population_max < *profile.population) {
      return "destiné aux collectivités d'au plus " + std::to_string(*facts.population_max) + " habitants";
    }
  }
  if (!profile.territory_type.empty() && !facts.territory_types.empty() &&
      !contains(facts.territory_types, profile.territory_type)) {
    return "ne s'adresse pas à ce type de collectivité (" + profile.territory_type + ")";
  }
  if (!facts.territories.empty() &&
      std::none_of(facts.territories.begin(), facts.territories.end(),
                   [&](const std::string& code) { return contains(profile.territory_codes, code); })) {
    return "propre à un autre territoire";
  }
  return std::nullopt;
}

Xapian::Query prefilter(const CollectivityProfile& profile, std::string_view today, bool workshops,
                        analysis::FrenchAnalyzer& analyzer) {
  using Q = Xapian::Query;
  const Q workshop_types = any_of(schema::kPrefixType, {"atelier", "formation"}, analyzer);
  Q accepted = workshops
                   ? Q(Q::OP_FILTER, workshop_types, Q(Q::OP_VALUE_GE, schema::kSlotLastSession, compact_date(today)))
                   : Q(Q::OP_AND_NOT, Q::MatchAll, workshop_types);
  std::vector<Q> refused;
  if (profile.population) {
    const double population = static_cast<double>(*profile.population);
    refused.emplace_back(Q::OP_VALUE_GE, schema::kSlotPopulationMin, Xapian::sortable_serialise(population + 1));
    if (population >= 1)
      refused.emplace_back(Q::OP_VALUE_LE, schema::kSlotPopulationMax, Xapian::sortable_serialise(population - 1));
  }
  if (!profile.territory_type.empty()) {
    refused.emplace_back(schema::prefixed(schema::kPrefixNotForTerritoryType, analyzer.fold(profile.territory_type)));
  }
  // A document with territories has a value in their slot: one value stream
  // to read, where a wildcard over the territory terms would merge the
  // posting lists of every département and région. Every value is at least
  // "\0"; an empty bound would match documents without a value too.
  const Xapian::Query any_territory(Q::OP_VALUE_GE, schema::kSlotTerritories, std::string(1, '\0'));
  refused.push_back(restricted_elsewhere(any_territory, schema::kPrefixTerritory, profile.territory_codes, analyzer));
  return Q(Q::OP_AND_NOT, accepted, Q(Q::OP_OR, refused.begin(), refused.end()));
}

}  // namespace tec::recommend
