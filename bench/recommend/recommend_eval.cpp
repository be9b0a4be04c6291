// tec-recommend-eval: runs the judged collectivity profiles of
// bench/recommend/profiles.jsonl through the Recommender on an index and
// prints, per profile and overall, the share of must-include items found in
// the top 10 of their list and the must-exclude items that appeared anywhere.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <set>

#include "analysis/french_analyzer.h"
#include "ranking/lexicon.h"
#include "recommend/profile_resolver.h"
#include "recommend/recommender.h"
#include "territory/territories.h"

namespace {

using tec::recommend::RecommendedItem;

std::vector<std::string> strings(const rapidjson::Value& object, const char* name) {
  std::vector<std::string> out;
  if (!object.HasMember(name)) return out;
  for (const auto& item : object[name].GetArray()) out.emplace_back(item.GetString());
  return out;
}

std::string string_or_empty(const rapidjson::Value& object, const char* name) {
  return object.HasMember(name) && object[name].IsString() ? object[name].GetString() : "";
}

tec::recommend::ProfileRequest request_of(const rapidjson::Value& p) {
  tec::recommend::ProfileRequest request;
  request.insee = string_or_empty(p, "insee");
  request.siren = string_or_empty(p, "siren");
  request.departement = string_or_empty(p, "departement");
  request.region = string_or_empty(p, "region");
  request.territory_type = string_or_empty(p, "territory_type");
  if (p.HasMember("population")) request.population = p["population"].GetInt64();
  request.themes = strings(p, "themes");
  request.audiences = strings(p, "audiences");
  request.participation_level = string_or_empty(p, "participation_level");
  request.maturity = string_or_empty(p, "maturity");
  request.need = string_or_empty(p, "need");
  request.prefers_online = p.HasMember("prefers_online") && p["prefers_online"].GetBool();
  return request;
}

std::string key_of(const RecommendedItem& item) { return item.source + ":" + item.id; }

// The command line.
struct Settings {
  std::string index_dir, territories_dir = "corpus/territories", profiles_path = "bench/recommend/profiles.jsonl",
                         json_path;
  bool verbose = false;
};

void declare_options(CLI::App& app, Settings& settings) {
  app.add_option("--index", settings.index_dir, "Index construit à partir de corpus/resources")->required();
  app.add_option("--territories", settings.territories_dir)->capture_default_str();
  app.add_option("--profiles", settings.profiles_path)->capture_default_str();
  app.add_option("--json", settings.json_path, "Écrit aussi les résultats en JSON dans ce fichier");
  app.add_flag("--verbose", settings.verbose, "Affiche les listes recommandées");
}

// What the Recommender needs, loaded once for every profile.
struct Engine {
  explicit Engine(const Settings& settings)
      : territories(tec::territory::Territories::load(settings.territories_dir)),
        db(settings.index_dir),
        lexicon(db, analyzer),
        resolver(&territories) {}
  const tec::territory::Territories territories;
  const Xapian::Database db;
  tec::analysis::FrenchAnalyzer analyzer;
  const tec::ranking::Lexicon lexicon;
  const tec::recommend::ProfileResolver resolver;
};

// One judged profile against its recommendation.
struct Judgement {
  std::string id;
  std::size_t found = 0, expected = 0;
  std::vector<std::string> missed, violated;
};

Judgement judge(const rapidjson::Document& entry, const tec::recommend::Recommendation& recommendation) {
  Judgement j;
  j.id = entry["id"].GetString();
  std::set<std::string> listed;
  for (const auto* list : {&recommendation.resources, &recommendation.workshops}) {
    for (const RecommendedItem& item : *list) listed.insert(key_of(item));
  }
  const auto must_include = strings(entry, "must_include");
  j.expected = must_include.size();
  for (const std::string& key : must_include) {
    if (listed.contains(key)) ++j.found;
    else j.missed.push_back(key);
  }
  for (const std::string& key : strings(entry, "must_exclude")) {
    if (listed.contains(key)) j.violated.push_back(key);
  }
  return j;
}

void print_row(const Judgement& j, const tec::recommend::Recommendation& recommendation, bool verbose) {
  std::cout << std::left << std::setw(34) << j.id << std::right << std::setw(6) << j.found << "/" << j.expected
            << std::setw(12) << j.violated.size() << "\n";
  for (const std::string& key : j.missed) std::cout << "    manque : " << key << "\n";
  for (const std::string& key : j.violated) std::cout << "    violation : " << key << "\n";
  if (verbose) {
    for (const auto* list : {&recommendation.resources, &recommendation.workshops}) {
      for (const RecommendedItem& item : *list)
        std::cout << "      " << std::fixed << std::setprecision(2) << item.score << "  " << key_of(item) << "\n";
    }
  }
}

void write_row(rapidjson::Writer<rapidjson::StringBuffer>& json, const Judgement& j) {
  json.StartObject();
  json.Key("id");
  json.String(j.id.c_str());
  json.Key("found");
  json.Uint64(j.found);
  json.Key("expected");
  json.Uint64(j.expected);
  json.Key("missed");
  json.StartArray();
  for (const std::string& key : j.missed) json.String(key.c_str());
  json.EndArray();
  json.Key("violations");
  json.StartArray();
  for (const std::string& key : j.violated) json.String(key.c_str());
  json.EndArray();
  json.EndObject();
}

// Sums over the profiles, for the overall rates.
struct Totals {
  std::size_t included = 0, expected = 0, violations = 0, profiles = 0;
  double hit_rate_sum = 0;

  void add(const Judgement& j) {
    ++profiles;
    included += j.found;
    expected += j.expected;
    violations += j.violated.size();
    hit_rate_sum += j.expected == 0 ? 1.0 : static_cast<double>(j.found) / static_cast<double>(j.expected);
  }
};

// Runs every profile of `in` through the Recommender: one table row each, and
// one entry of the JSON array "profiles".
Totals evaluate_profiles(std::istream& in, Engine& engine, bool verbose,
                         rapidjson::Writer<rapidjson::StringBuffer>& json) {
  Totals totals;
  std::string line;
  std::cout << std::left << std::setw(34) << "profil" << std::right << std::setw(10) << "trouvés" << std::setw(12)
            << "violations"
            << "\n";
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document entry;
    entry.Parse(line.c_str());
    const auto profile = engine.resolver.resolve(request_of(entry["profile"]));
    tec::recommend::RecommendOptions options;
    options.today = entry["now"].GetString();
    options.resources = 10;
    options.workshops = 10;
    const auto recommendation =
        tec::recommend::Recommender(engine.db, engine.analyzer, &engine.lexicon, &engine.territories)
            .recommend(profile, options);
    const Judgement j = judge(entry, recommendation);
    totals.add(j);
    print_row(j, recommendation, verbose);
    write_row(json, j);
  }
  return totals;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Évalue les recommandations sur des profils jugés."};
  Settings settings;
  declare_options(app, settings);
  CLI11_PARSE(app, argc, argv);

  Engine engine(settings);
  std::ifstream in(settings.profiles_path);
  if (!in) {
    std::cerr << settings.profiles_path << " : illisible\n";
    return 2;
  }
  rapidjson::StringBuffer json_buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(json_buffer);
  json.StartObject();
  json.Key("profiles");
  json.StartArray();
  const Totals totals = evaluate_profiles(in, engine, settings.verbose, json);
  json.EndArray();
  const double micro =
      totals.expected ? static_cast<double>(totals.included) / static_cast<double>(totals.expected) : 1.0;
  const double macro = totals.profiles ? totals.hit_rate_sum / static_cast<double>(totals.profiles) : 1.0;
  json.Key("hit_rate");
  json.Double(micro);
  json.Key("mean_profile_hit_rate");
  json.Double(macro);
  json.Key("violations");
  json.Uint64(totals.violations);
  json.EndObject();

  std::cout << std::fixed << std::setprecision(3) << "\n"
            << totals.profiles << " profils : " << totals.included << "/" << totals.expected
            << " incontournables dans le top 10 (taux " << micro << ", moyenne par profil " << macro << "), "
            << totals.violations << " violation(s)\n";
  if (!settings.json_path.empty()) std::ofstream(settings.json_path) << json_buffer.GetString() << "\n";
  return 0;
}
