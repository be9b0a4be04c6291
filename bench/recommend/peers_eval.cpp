// tec-peers-eval: runs the judged peer profiles of bench/recommend/peers.jsonl
// through PeerFinder on an index and prints, per profile and overall, the
// share of must-include collectivities listed, the violations (a
// must-exclude collectivity listed, or a far one listed before the near
// alternative it must follow) and the latency of each call (p50, p99).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "analysis/french_analyzer.h"
#include "peers/peer_finder.h"
#include "ranking/lexicon.h"
#include "territory/territories.h"

namespace {

std::vector<std::string> strings(const rapidjson::Value& object, const char* name) {
  std::vector<std::string> out;
  if (!object.HasMember(name)) return out;
  for (const auto& item : object[name].GetArray()) out.emplace_back(item.GetString());
  return out;
}

double percentile(std::vector<double> values, double share) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(share * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Outcome {
  std::size_t found = 0, expected = 0;
  std::vector<std::string> missed, violations;
};

Outcome judge(const rapidjson::Value& entry, const std::vector<std::string>& listed) {
  Outcome o;
  const auto position = [&](const std::string& code) { return std::find(listed.begin(), listed.end(), code); };
  for (const std::string& code : strings(entry, "must_include")) {
    ++o.expected;
    if (position(code) != listed.end()) ++o.found;
    else o.missed.push_back(code);
  }
  for (const std::string& code : strings(entry, "must_exclude")) {
    if (position(code) != listed.end()) o.violations.push_back(code + " listé");
  }
  if (entry.HasMember("must_precede")) {
    for (const auto& pair : entry["must_precede"].GetArray()) {
      const std::string near = pair[0].GetString(), far = pair[1].GetString();
      if (position(far) != listed.end() && position(near) > position(far))
        o.violations.push_back(far + " avant " + near);
    }
  }
  return o;
}

// The command line.
struct Settings {
  std::string index_dir, territories_dir = "corpus/territories", profiles_path = "bench/recommend/peers.jsonl",
                         json_path;
  int repeats = 20;
  bool verbose = false;
};

void declare_options(CLI::App& app, Settings& settings) {
  app.add_option("--index", settings.index_dir, "Index du corpus livré et des flux réels")->required();
  app.add_option("--territories", settings.territories_dir)->capture_default_str();
  app.add_option("--profiles", settings.profiles_path)->capture_default_str();
  app.add_option("--repeats", settings.repeats, "Appels chronométrés par profil")->capture_default_str();
  app.add_option("--json", settings.json_path, "Écrit aussi les résultats en JSON dans ce fichier");
  app.add_flag("--verbose", settings.verbose, "Affiche les collectivités proposées");
}

// What PeerFinder needs, loaded once for every profile.
struct Engine {
  explicit Engine(const Settings& settings)
      : territories(tec::territory::Territories::load(settings.territories_dir)),
        db(settings.index_dir),
        lexicon(db, analyzer) {}
  const tec::territory::Territories territories;
  const Xapian::Database db;
  tec::analysis::FrenchAnalyzer analyzer;
  const tec::ranking::Lexicon lexicon;
};

// Calls PeerFinder `repeats` times, each call's milliseconds added to
// `latencies`, and returns the last call's peers.
std::vector<tec::peers::Peer> timed_peers(Engine& engine, const tec::territory::Territory& of,
                                          const tec::peers::PeerQuery& query, int repeats,
                                          std::vector<double>& latencies) {
  std::vector<tec::peers::Peer> peers;
  for (int i = 0; i < repeats; ++i) {
    const auto started = std::chrono::steady_clock::now();
    peers = tec::peers::PeerFinder(engine.db, engine.analyzer, &engine.lexicon, engine.territories).peers(of, query);
    latencies.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
  }
  return peers;
}

void print_row(const std::string& id, const Outcome& o, const std::vector<tec::peers::Peer>& peers, bool verbose) {
  std::cout << std::left << std::setw(40) << id << std::right << std::setw(6) << o.found << "/" << o.expected
            << std::setw(12) << o.violations.size() << "\n";
  for (const std::string& code : o.missed) std::cout << "    manque : " << code << "\n";
  for (const std::string& v : o.violations) std::cout << "    violation : " << v << "\n";
  if (verbose) {
    for (const auto& peer : peers) {
      std::cout << "      " << std::fixed << std::setprecision(2) << peer.score << "  " << peer.territory->code << " "
                << peer.territory->name << " — " << peer.reasons.front() << "\n";
    }
  }
}

void write_row(rapidjson::Writer<rapidjson::StringBuffer>& json, const std::string& id, const Outcome& o,
               const std::vector<std::string>& listed) {
  json.StartObject();
  json.Key("id");
  json.String(id.c_str());
  json.Key("found");
  json.Uint64(o.found);
  json.Key("expected");
  json.Uint64(o.expected);
  json.Key("listed");
  json.StartArray();
  for (const std::string& code : listed) json.String(code.c_str());
  json.EndArray();
  json.Key("violations");
  json.StartArray();
  for (const std::string& v : o.violations) json.String(v.c_str());
  json.EndArray();
  json.EndObject();
}

// Sums over the profiles, and every call's latency, for the overall figures.
struct Totals {
  std::size_t found = 0, expected = 0, violations = 0, profiles = 0;
  std::vector<double> latencies;
};

// Runs every profile of `in` through PeerFinder: one table row each, and one
// entry of the JSON array "profiles". False, once said on stderr, when a
// profile names a code the territories do not know.
bool evaluate_profiles(std::istream& in, Engine& engine, const Settings& settings,
                       rapidjson::Writer<rapidjson::StringBuffer>& json, Totals& totals) {
  std::string line;
  std::cout << std::left << std::setw(40) << "profil" << std::right << std::setw(10) << "trouvés" << std::setw(12)
            << "violations"
            << "\n";
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document entry;
    entry.Parse(line.c_str());
    const std::string id = entry["id"].GetString();
    const tec::territory::Territory* of = engine.territories.find_code(entry["code"].GetString());
    if (!of) {
      std::cerr << id << " : code inconnu\n";
      return false;
    }
    tec::peers::PeerQuery query{strings(entry, "themes"), entry.HasMember("need") ? entry["need"].GetString() : "",
                                entry.HasMember("limit") ? entry["limit"].GetUint() : 5};
    const std::vector<tec::peers::Peer> peers = timed_peers(engine, *of, query, settings.repeats, totals.latencies);
    std::vector<std::string> listed;
    for (const auto& peer : peers) listed.push_back(peer.territory->code);
    const Outcome o = judge(entry, listed);
    ++totals.profiles;
    totals.found += o.found;
    totals.expected += o.expected;
    totals.violations += o.violations.size();
    print_row(id, o, peers, settings.verbose);
    write_row(json, id, o, listed);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Évalue les collectivités comparables sur des profils jugés."};
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
  Totals totals;
  if (!evaluate_profiles(in, engine, settings, json, totals)) return 2;
  json.EndArray();
  const double rate = totals.expected ? static_cast<double>(totals.found) / static_cast<double>(totals.expected) : 1.0;
  const double p50 = percentile(totals.latencies, 0.5), p99 = percentile(totals.latencies, 0.99);
  json.Key("hit_rate");
  json.Double(rate);
  json.Key("violations");
  json.Uint64(totals.violations);
  json.Key("p50_ms");
  json.Double(p50);
  json.Key("p99_ms");
  json.Double(p99);
  json.Key("calls");
  json.Uint64(totals.latencies.size());
  json.EndObject();
  std::cout << std::fixed << std::setprecision(3) << "\n"
            << totals.profiles << " profils : " << totals.found << "/" << totals.expected
            << " collectivités attendues proposées (taux " << rate << "), " << totals.violations << " violation(s) ; "
            << totals.latencies.size() << " appels, p50 " << std::setprecision(2) << p50 << " ms, p99 " << p99
            << " ms\n";
  if (!settings.json_path.empty()) std::ofstream(settings.json_path) << json_buffer.GetString() << "\n";
  return 0;
}
