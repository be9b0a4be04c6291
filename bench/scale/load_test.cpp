// tec-load: HTTP load on a running tec-searchd with a realistic mix of the
// public site's and the advisors' requests (search with facets and snippets,
// search-as-you-type suggestions, recommendations), from N keep-alive
// connections for a fixed time. Prints throughput and latency percentiles,
// measured by the client (what a caller waits) and by the server (took_ms,
// the work itself), per request kind, and writes them as JSON.
//   tec-load --server 127.0.0.1:8080 --queries q.txt --connections 16 --seconds 10 [--json out.json]
//   [--searches-only]: each query once as a plain search (first page, facets
//   and snippets), the searches-per-second a search box asks of a base
#include <httplib.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

enum class Kind { Search, Suggest, Recommend };
constexpr const char* kKindNames[] = {"search", "suggest", "recommend"};

// Per connection: latencies in milliseconds, client side and server side.
struct Samples {
  std::vector<double> client[3], server[3];
  std::size_t errors = 0;
};

struct Request {
  Kind kind;
  std::string path;
};

// The mix, in a fixed order every connection walks from its own offset: of 20
// requests, 12 searches (a third with a facet filter, some on page 2), 6
// suggestions (prefixes of the same queries, as typed) and 2 recommendations.
std::vector<Request> build_mix(const std::vector<std::string>& queries, bool searches_only) {
  static const char* kInsee[] = {"34164", "73065", "97411", "29256", "71543", "59172", "48061", "44184"};
  static const char* kThemes[] = {"éclairage public", "budget participatif", "urbanisme",
                                  "jeunesse",         "mobilités",           "démocratie locale"};
  static const char* kTypes[] = {"methode", "retour_experience", "guide", "atelier"};
  std::vector<Request> mix;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    const std::string q = httplib::detail::encode_query_param(queries[i]);
    if (searches_only) {
      mix.push_back({Kind::Search, "/v1/search?q=" + q + "&per_page=10"});
      continue;
    }
    for (int slot = 0; slot < 20; ++slot) {
      if (slot < 12) {
        std::string path = "/v1/search?q=" + q + "&per_page=10";
        if (slot % 3 == 0) path += std::string("&type=") + kTypes[(i + slot) % std::size(kTypes)];
        if (slot == 11) path += "&page=2";
        mix.push_back({Kind::Search, path});
      } else if (slot < 18) {
        // Typed letter by letter: the prefixes a search box sends.
        const std::size_t cut = std::max<std::size_t>(2, queries[i].size() * static_cast<std::size_t>(slot - 11) / 7);
        std::string prefix = queries[i].substr(0, std::min(cut, queries[i].size()));
        while (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0x80) prefix.pop_back();
        if (!prefix.empty() && (static_cast<unsigned char>(prefix.back()) & 0xC0) == 0xC0) prefix.pop_back();
        mix.push_back({Kind::Suggest, "/v1/suggest?q=" + httplib::detail::encode_query_param(prefix) + "&limit=8"});
      } else {
        mix.push_back({Kind::Recommend,
                       std::string("/v1/recommend?insee=") + kInsee[(i + slot) % std::size(kInsee)] +
                           "&themes=" + httplib::detail::encode_query_param(kThemes[(i + slot) % std::size(kThemes)]) +
                           "&need=" + q});
      }
    }
  }
  // Interleave kinds as real traffic does, deterministically.
  std::vector<Request> shuffled;
  for (std::size_t stride = 0; stride < 7; ++stride) {
    for (std::size_t i = stride; i < mix.size(); i += 7) shuffled.push_back(mix[i]);
  }
  return shuffled;
}

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t rank = static_cast<std::size_t>(std::ceil(p / 100 * static_cast<double>(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// The command line.
struct Settings {
  std::string server = "127.0.0.1:8080", queries_path, json_path, label;
  unsigned connections = 16;
  double seconds = 10, warmup = 1;
  bool searches_only = false;
};

void declare_options(CLI::App& app, Settings& settings) {
  app.add_option("--server", settings.server, "HOTE:PORT de tec-searchd")->capture_default_str();
  app.add_option("--queries", settings.queries_path, "Une requête par ligne")->required();
  app.add_option("--connections", settings.connections, "Connexions simultanées")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--seconds", settings.seconds, "Durée de la mesure")->capture_default_str();
  app.add_option("--warmup", settings.warmup, "Secondes de chauffe non comptées")->capture_default_str();
  app.add_option("--label", settings.label, "Étiquette reprise dans le JSON");
  app.add_option("--json", settings.json_path, "Écrit les résultats en JSON");
  app.add_flag("--searches-only", settings.searches_only,
               "Seulement des recherches (première page), chaque requête une fois par tour");
}

std::vector<std::string> read_queries(const std::string& path) {
  std::vector<std::string> queries;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) queries.push_back(line);
  }
  return queries;
}

// One connection's loop until `stop`: walks the mix from its own offset and
// keeps only the answers received while `counting`.
void run_connection(const std::string& host, int port, const std::vector<Request>& mix, std::size_t first,
                    const std::atomic<bool>& counting, const std::atomic<bool>& stop, Samples& mine) {
  httplib::Client client(host, port);
  client.set_keep_alive(true);
  client.set_read_timeout(30);
  for (std::size_t i = first; !stop; ++i) {
    const Request& request = mix[i % mix.size()];
    const auto started = Clock::now();
    const auto res = client.Get(request.path.c_str());
    const double client_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    if (!counting) continue;
    if (!res || res->status != 200) {
      ++mine.errors;
      continue;
    }
    const auto kind = static_cast<std::size_t>(request.kind);
    mine.client[kind].push_back(client_ms);
    rapidjson::Document body;
    body.Parse(res->body.c_str());
    if (!body.HasParseError() && body.IsObject() && body.HasMember("took_ms"))
      mine.server[kind].push_back(body["took_ms"].GetDouble());
  }
}

// What the connections measured, taken together, and the seconds they were counted.
struct Measurement {
  Samples all;
  double elapsed = 0;
};

Samples merge(const std::vector<Samples>& samples) {
  Samples all;
  for (const Samples& s : samples) {
    all.errors += s.errors;
    for (int k = 0; k < 3; ++k) {
      all.client[k].insert(all.client[k].end(), s.client[k].begin(), s.client[k].end());
      all.server[k].insert(all.server[k].end(), s.server[k].begin(), s.server[k].end());
    }
  }
  return all;
}

// Runs the connections through the warm-up, then counts for the measured seconds.
Measurement measure(const Settings& settings, const std::vector<Request>& mix) {
  const auto colon = settings.server.rfind(':');
  const std::string host = settings.server.substr(0, colon);
  const int port = std::stoi(settings.server.substr(colon + 1));

  const unsigned connections = settings.connections;
  std::vector<Samples> samples(connections);
  std::atomic<bool> counting{false}, stop{false};
  std::vector<std::thread> workers;
  for (unsigned c = 0; c < connections; ++c) {
    workers.emplace_back(
        [&, c] { run_connection(host, port, mix, c * mix.size() / connections, counting, stop, samples[c]); });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(settings.warmup));
  counting = true;
  const auto measured_from = Clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(settings.seconds));
  counting = false;
  const double elapsed = std::chrono::duration<double>(Clock::now() - measured_from).count();
  stop = true;
  for (auto& worker : workers) worker.join();
  return {merge(samples), elapsed};
}

// Prints the throughput and the percentiles per request kind, and writes them
// as JSON when asked.
void report(const Settings& settings, Measurement& measured) {
  Samples& all = measured.all;
  const double elapsed = measured.elapsed;
  std::size_t total = 0;
  for (int k = 0; k < 3; ++k) total += all.client[k].size();

  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  w.Key("label");
  w.String(settings.label.c_str());
  w.Key("connections");
  w.Uint(settings.connections);
  w.Key("seconds");
  w.Double(elapsed);
  w.Key("requests");
  w.Uint64(total);
  w.Key("errors");
  w.Uint64(all.errors);
  w.Key("requests_per_second");
  w.Double(static_cast<double>(total) / elapsed);
  std::cout << std::fixed << std::setprecision(2) << settings.label << " " << settings.connections
            << " connexion(s) : " << total / elapsed << " requêtes/s, " << all.errors << " erreur(s)\n";
  for (int k = 0; k < 3; ++k) {
    w.Key(kKindNames[k]);
    w.StartObject();
    w.Key("count");
    w.Uint64(all.client[k].size());
    std::cout << "  " << std::setw(10) << std::left << kKindNames[k] << std::right << " n=" << all.client[k].size();
    for (const auto& [side, values] :
         {std::pair<const char*, std::vector<double>*>{"client", &all.client[k]}, {"server", &all.server[k]}}) {
      const double p50 = percentile(*values, 50), p95 = percentile(*values, 95), p99 = percentile(*values, 99);
      w.Key(side);
      w.StartObject();
      w.Key("p50_ms");
      w.Double(p50);
      w.Key("p95_ms");
      w.Double(p95);
      w.Key("p99_ms");
      w.Double(p99);
      w.EndObject();
      std::cout << "  " << side << " p50 " << p50 << " p95 " << p95 << " p99 " << p99 << " ms";
    }
    std::cout << "\n";
    w.EndObject();
  }
  w.EndObject();
  if (!settings.json_path.empty()) std::ofstream(settings.json_path) << buffer.GetString() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Charge HTTP sur tec-searchd : débit et percentiles de latence."};
  Settings settings;
  declare_options(app, settings);
  CLI11_PARSE(app, argc, argv);

  const std::vector<std::string> queries = read_queries(settings.queries_path);
  if (queries.empty()) {
    std::cerr << settings.queries_path << " : aucune requête\n";
    return 2;
  }
  const std::vector<Request> mix = build_mix(queries, settings.searches_only);
  Measurement measured = measure(settings, mix);
  report(settings, measured);
  return measured.all.errors == 0 ? 0 : 1;
}
