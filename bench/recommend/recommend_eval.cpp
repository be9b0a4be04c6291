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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Évalue les recommandations sur des profils jugés."};
  std::string index_dir, territories_dir = "corpus/territories", profiles_path = "bench/recommend/profiles.jsonl",
                         json_path;
  bool verbose = false;
  app.add_option("--index", index_dir, "Index construit à partir de corpus/resources")->required();
  app.add_option("--territories", territories_dir)->capture_default_str();
  app.add_option("--profiles", profiles_path)->capture_default_str();
  app.add_option("--json", json_path, "Écrit aussi les résultats en JSON dans ce fichier");
  app.add_flag("--verbose", verbose, "Affiche les listes recommandées");
  CLI11_PARSE(app, argc, argv);

  const auto territories = tec::territory::Territories::load(territories_dir);
  const Xapian::Database db(index_dir);
  tec::analysis::FrenchAnalyzer analyzer;
  const tec::ranking::Lexicon lexicon(db, analyzer);
  const tec::recommend::ProfileResolver resolver(&territories);

  std::ifstream in(profiles_path);
  if (!in) {
    std::cerr << profiles_path << " : illisible\n";
    return 2;
  }
  rapidjson::StringBuffer json_buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(json_buffer);
  json.StartObject();
  json.Key("profiles");
  json.StartArray();

  std::size_t included = 0, expected = 0, violations = 0, profiles = 0;
  double hit_rate_sum = 0;
  std::string line;
  std::cout << std::left << std::setw(34) << "profil" << std::right << std::setw(10) << "trouvés" << std::setw(12)
            << "violations"
            << "\n";
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document entry;
    entry.Parse(line.c_str());
    const std::string id = entry["id"].GetString();
    const auto profile = resolver.resolve(request_of(entry["profile"]));
    tec::recommend::RecommendOptions options;
    options.today = entry["now"].GetString();
    options.resources = 10;
    options.workshops = 10;
    const auto recommendation =
        tec::recommend::Recommender(db, analyzer, &lexicon, &territories).recommend(profile, options);

    std::set<std::string> listed;
    for (const auto* list : {&recommendation.resources, &recommendation.workshops}) {
      for (const RecommendedItem& item : *list) listed.insert(key_of(item));
    }
    std::vector<std::string> missed, violated;
    std::size_t found = 0;
    const auto must_include = strings(entry, "must_include");
    for (const std::string& key : must_include) {
      if (listed.contains(key)) ++found;
      else missed.push_back(key);
    }
    for (const std::string& key : strings(entry, "must_exclude")) {
      if (listed.contains(key)) violated.push_back(key);
    }
    ++profiles;
    included += found;
    expected += must_include.size();
    violations += violated.size();
    const double rate =
        must_include.empty() ? 1.0 : static_cast<double>(found) / static_cast<double>(must_include.size());
    hit_rate_sum += rate;
    std::cout << std::left << std::setw(34) << id << std::right << std::setw(6) << found << "/" << must_include.size()
              << std::setw(12) << violated.size() << "\n";
    for (const std::string& key : missed) std::cout << "    manque : " << key << "\n";
    for (const std::string& key : violated) std::cout << "    violation : " << key << "\n";
    if (verbose) {
      for (const auto* list : {&recommendation.resources, &recommendation.workshops}) {
        for (const RecommendedItem& item : *list)
          std::cout << "      " << std::fixed << std::setprecision(2) << item.score << "  " << key_of(item) << "\n";
      }
    }

    json.StartObject();
    json.Key("id");
    json.String(id.c_str());
    json.Key("found");
    json.Uint64(found);
    json.Key("expected");
    json.Uint64(must_include.size());
    json.Key("missed");
    json.StartArray();
    for (const std::string& key : missed) json.String(key.c_str());
    json.EndArray();
    json.Key("violations");
    json.StartArray();
    for (const std::string& key : violated) json.String(key.c_str());
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  const double micro = expected ? static_cast<double>(included) / static_cast<double>(expected) : 1.0;
  const double macro = profiles ? hit_rate_sum / static_cast<double>(profiles) : 1.0;
  json.Key("hit_rate");
  json.Double(micro);
  json.Key("mean_profile_hit_rate");
  json.Double(macro);
  json.Key("violations");
  json.Uint64(violations);
  json.EndObject();

  std::cout << std::fixed << std::setprecision(3) << "\n"
            << profiles << " profils : " << included << "/" << expected << " incontournables dans le top 10 (taux "
            << micro << ", moyenne par profil " << macro << "), " << violations << " violation(s)\n";
  if (!json_path.empty()) std::ofstream(json_path) << json_buffer.GetString() << "\n";
  return 0;
}
