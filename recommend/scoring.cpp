// Scoring parts. Each reads the profile and the resource's facts and says in
// French why it gave points; parts without points say nothing.
#include "recommend/scoring.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "recommend/hard_rules.h"
#include "recommend/recommend_params.h"

namespace tec::recommend {
namespace {

bool contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

int rung(std::string_view level) {
  for (int i = 0; i < static_cast<int>(std::size(kParticipationLadder)); ++i) {
    if (level == kParticipationLadder[i]) return i;
  }
  return -1;
}

std::vector<std::string> words(const std::string& folded) {
  std::vector<std::string> out;
  std::string word;
  for (char c : folded + " ") {
    if (c == ' ' || c == '-' || c == '\'') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return out;
}

// Every word of `part` is a word of `whole`.
bool words_within(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return !part.empty() &&
         std::all_of(part.begin(), part.end(), [&](const std::string& w) { return contains(whole, w); });
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += separator;
    out += value;
  }
  return out;
}

// "communes", "intercommunalités"... for the kinds a resource is aimed at.
std::string collectivities_word(const ResourceFacts& facts, const CollectivityProfile& profile) {
  const std::string kind = facts.territory_types.size() == 1 ? facts.territory_types.front() : profile.territory_type;
  if (kind == "commune") return "communes";
  if (kind == "epci") return "intercommunalités";
  if (kind == "departement") return "départements";
  if (kind == "region") return "régions";
  return "collectivités";
}

}  // namespace

std::string french_date(std::string_view iso_date) {
  static constexpr std::array<const char*, 12> kMonths = {"janvier",   "février", "mars",     "avril",
                                                          "mai",       "juin",    "juillet",  "août",
                                                          "septembre", "octobre", "novembre", "décembre"};
  if (iso_date.size() < 10) return std::string(iso_date);
  const int month = std::stoi(std::string(iso_date.substr(5, 2)));
  const int day = std::stoi(std::string(iso_date.substr(8, 2)));
  if (month < 1 || month > 12) return std::string(iso_date);
  return (day == 1 ? std::string("1er") : std::to_string(day)) + " " + kMonths[month - 1] + " " +
         std::string(iso_date.substr(0, 4));
}

std::string french_number(std::int64_t value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out = value < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202f";
    out += digits[i];
  }
  return out;
}

ScorePart theme_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart part;
  std::vector<std::string> named;
  for (const std::string& wanted : context.profile.themes) {
    const std::vector<std::string> wanted_words = words(context.analyzer.fold(wanted));
    double best = 0;  // 1 for the same theme, kThemePartialShare for one within the other
    const std::string* best_theme = nullptr;
    for (const std::string& theme : facts.themes) {
      const std::vector<std::string> theme_words = words(context.analyzer.fold(theme));
      double points = 0;
      if (theme_words == wanted_words) points = 1;
      else if (words_within(wanted_words, theme_words) || words_within(theme_words, wanted_words))
        points = kThemePartialShare;
      if (points > best) {
        best = points;
        best_theme = &theme;
      }
    }
    if (best_theme && !contains(named, *best_theme)) {
      part.points += best;
      named.push_back(*best_theme);
    }
  }
  if (named.empty()) return part;
  // A share of the profile's themes: naming many themes must not let broad
  // resources outweigh the need.
  part.points *= kThemePoints / static_cast<double>(context.profile.themes.size());
  part.reason = (named.size() == 1 ? "Thème : " : "Thèmes : ") + joined(named, ", ");
  return part;
}

ScorePart need_part(const NeedMatch& need) {
  ScorePart part;
  if (need.words_matched.empty()) return part;
  part.points = kNeedWordsPoints * need.weighted_share + kNeedWeightPoints * need.relative_weight;
  part.reason = "Répond au besoin exprimé : " + joined(need.words_matched, ", ");
  return part;
}

ScorePart level_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart part;
  const int wanted = rung(context.profile.participation_level);
  if (wanted < 0) return part;
  if (contains(facts.participation_levels, context.profile.participation_level)) {
    part.points = kLevelExactPoints;
    part.reason = "Niveau de participation visé : " + context.profile.participation_level;
    return part;
  }
  for (const std::string& level : facts.participation_levels) {
    if (std::abs(rung(level) - wanted) == 1 && rung(level) >= 0) {
      part.points = kLevelAdjacentPoints;
      part.reason =
          "Niveau de participation voisin : " + level + " (visé : " + context.profile.participation_level + ")";
      return part;
    }
  }
  return part;
}

ScorePart audience_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart part;
  std::vector<std::string> shared;
  for (const std::string& audience : context.profile.audiences) {
    const std::string key = context.analyzer.fold(audience);
    for (const std::string& offered : facts.audiences) {
      if (context.analyzer.fold(offered) == key && !contains(shared, offered)) shared.push_back(offered);
    }
  }
  if (shared.empty()) return part;
  part.points = kAudiencePoints * static_cast<double>(std::min(shared.size(), kMaxAudiencesCounted));
  part.reason = (shared.size() == 1 ? "Public : " : "Publics : ") + joined(shared, ", ");
  return part;
}

ScorePart maturity_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart part;
  const std::string& maturity = context.profile.maturity;
  const auto has_level = [&](std::initializer_list<const char*> levels) {
    return std::any_of(levels.begin(), levels.end(),
                       [&](const char* level) { return contains(facts.participation_levels, level); });
  };
  if (maturity == "debutant" && (has_level({"informer", "consulter"}) || facts.type == "guide")) {
    part.reason = "Accessible pour une première démarche";
  } else if (maturity == "intermediaire" && has_level({"concerter", "co-construire"})) {
    part.reason = "Pour approfondir une démarche déjà engagée";
  } else if (maturity == "avance" &&
             (has_level({"co-construire", "co-decider"}) || facts.type == "retour_experience")) {
    part.reason = "Pour une collectivité déjà expérimentée";
  }
  if (!part.reason.empty()) part.points = kMaturityPoints;
  return part;
}

ScorePart size_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart part;
  if (!context.profile.population || (!facts.population_min && !facts.population_max)) return part;
  const std::string who = "Adapté aux " + collectivities_word(facts, context.profile);
  if (facts.population_min && facts.population_max) {
    part.reason = who + " de " + french_number(*facts.population_min) + " à " + french_number(*facts.population_max) +
                  " habitants";
  } else if (facts.population_max) {
    part.reason = who + " jusqu'à " + french_number(*facts.population_max) + " habitants";
  } else {
    part.reason = who + " d'au moins " + french_number(*facts.population_min) + " habitants";
  }
  // A maximum aims at smaller collectivities; a minimum alone is a
  // threshold rather than a target.
  part.points = facts.population_max ? kSizePoints : kSizePoints / 2;
  return part;
}

ScorePart territory_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart part;
  const CollectivityProfile& profile = context.profile;
  std::vector<std::string> names;
  for (const std::string& code : facts.territories) {
    if (!contains(profile.territory_codes, code)) continue;
    part.points = std::max(part.points, code.starts_with("r") ? kRegionPoints : kTerritoryPoints);
    if (code == profile.departement && !profile.departement_name.empty()) names.push_back(profile.departement_name);
    else if (code == "r" + profile.region && !profile.region_name.empty()) names.push_back(profile.region_name);
    else if (const territory::Territory* t =
                 context.territories ? context.territories->find(territory::TerritoryKind::Departement, code) : nullptr)
      names.push_back(t->name);
    else names.push_back(code);
  }
  if (names.empty()) return part;
  part.reason = "Propre à votre territoire : " + joined(names, ", ");
  return part;
}

ScorePart session_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart best;
  const CollectivityProfile& profile = context.profile;
  for (const SessionFacts* session : upcoming_sessions(facts, context.today)) {
    ScorePart part;
    const std::string when = french_date(session->date);
    const std::string where = session->location.empty() ? std::string() : session->location + " ";
    const territory::Territory* departement =
        context.territories && !session->departement.empty()
            ? context.territories->find(territory::TerritoryKind::Departement, session->departement)
            : nullptr;
    if (session->online) {
      part.points = profile.prefers_online ? kSessionOnlinePreferredPoints : kSessionOnlinePoints;
      part.reason = "Prochaine session en ligne le " + when;
    } else if (!profile.departement.empty() && session->departement == profile.departement) {
      part.points = kSessionSameDepartementPoints;
      part.reason = "Session près de chez vous : " + where + "le " + when;
    } else if (departement && !profile.region.empty() && departement->region == profile.region) {
      part.points = kSessionSameRegionPoints;
      part.reason = "Session dans votre région : " + where + "le " + when;
    } else {
      part.points = kSessionElsewherePoints;
      part.reason = "Session en présentiel : " + where + "le " + when;
    }
    if (session->seats_left && *session->seats_left == 0) {
      part.points *= kFullSessionShare;
      part.reason += " (complet)";
    }
    if (part.points > best.points) best = std::move(part);
  }
  return best;
}

ScorePart online_part(const ResourceFacts& facts, const ScoringContext& context) {
  ScorePart part;
  if (!context.profile.prefers_online || is_workshop(facts.type)) return part;
  if (facts.format == "distanciel" || facts.format == "hybride") {
    part.points = kOnlineResourcePoints;
    part.reason = "Accessible à distance";
  }
  return part;
}

Score score(const ResourceFacts& facts, const NeedMatch& need, const ScoringContext& context) {
  Score out;
  for (ScorePart part : {theme_part(facts, context), need_part(need), level_part(facts, context),
                         audience_part(facts, context), maturity_part(facts, context), size_part(facts, context),
                         territory_part(facts, context), session_part(facts, context), online_part(facts, context)}) {
    if (part.points <= 0) continue;
    out.total += part.points;
    out.parts.push_back(std::move(part));
  }
  std::stable_sort(out.parts.begin(), out.parts.end(),
                   [](const ScorePart& a, const ScorePart& b) { return a.points > b.points; });
  return out;
}

}  // namespace tec::recommend
