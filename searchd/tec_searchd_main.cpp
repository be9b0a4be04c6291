// tec-searchd: serves search, recommendations and the pages over HTTP from a
// tec-search index. Every flag can also come from a JSON file (--config).
#include <pthread.h>
#include <csignal>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "analysis/french_dictionary.h"
#include "cli/french_command_line.h"
#include "indexer/index_writer.h"
#include "schema/index_schema.h"
#include "searchd/daemon_options.h"
#include "searchd/http_policy.h"
#include "searchd/index_access.h"
#include "searchd/layout_check.h"
#include "searchd/logging.h"
#include "searchd/metrics.h"
#include "searchd/ops_routes.h"
#include "searchd/recommend_routes.h"
#include "searchd/search_routes.h"
#include "searchd/source_routes.h"
#include "searchd/stats_routes.h"
#include "searchd/stats_saver.h"
#include "searchd/sync_service.h"
#include "searchd/territory_routes.h"
#include "searchd/web_routes.h"

namespace {

using tec::searchd::DaemonOptions;

// Thrown once the reason the daemon cannot start is written on stderr, so
// that it comes before anything the objects built so far log as they are
// destroyed; main then exits with status 2.
struct StartupRefused {};

[[noreturn]] void refuse(const std::string& reason) {
  std::cerr << "tec-searchd : " << reason << "\n";
  throw StartupRefused{};
}

// Signals are taken by a dedicated thread so that the server stops cleanly
// instead of being interrupted inside a worker. Blocked before any thread
// starts (the sync writer, the statistics saver), which inherit the mask:
// a thread leaving them unblocked would receive SIGTERM and end the process
// without the clean shutdown.
sigset_t block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

void configure_logging(const DaemonOptions& options) {
  try {
    tec::searchd::configure_logging(options.log_level, options.log_format == "json" ? tec::searchd::LogFormat::Json
                                                                                    : tec::searchd::LogFormat::Text);
  } catch (const std::invalid_argument& e) {
    refuse(e.what());
  }
}

struct ListenAddress {
  std::string host;
  int port = 0;  // 0: chosen by the system
};

bool split_listen(const std::string& listen, std::string& host, int& port) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) return false;
  host = listen.substr(0, colon);
  try {
    std::size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    return used == listen.size() - colon - 1 && port >= 0 && port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

ListenAddress listen_address(const std::string& listen) {
  ListenAddress address;
  if (!split_listen(listen, address.host, address.port))
    refuse("adresse d'écoute invalide « " + listen + " » (attendu HOTE:PORT)");
  return address;
}

// The index, refused when its layout is one this program cannot read.
std::unique_ptr<tec::searchd::IndexAccess> open_index(const DaemonOptions& options) {
  std::unique_ptr<tec::searchd::IndexAccess> index;
  try {
    index = std::make_unique<tec::searchd::IndexAccess>(options.index_dir, options.replica);
  } catch (const Xapian::Error& e) {
    refuse("impossible d'ouvrir l'index " + options.index_dir + " : " + e.get_msg());
  }
  const tec::searchd::LayoutCheck layout =
      index->run([](tec::searchd::IndexAccess::Reader& reader) { return tec::searchd::check_layout(reader.db); });
  if (layout.verdict == tec::searchd::LayoutCheck::Verdict::Refused) refuse(layout.message);
  if (layout.verdict == tec::searchd::LayoutCheck::Verdict::Older) spdlog::warn("{}", layout.message);
  return index;
}

// Loaded now rather than at the first word the index lacks.
void warn_if_no_dictionary() {
  if (!tec::analysis::FrenchDictionary::installed()) {
    spdlog::warn(
        "dictionnaire français hunspell absent (paquet hunspell-fr-comprehensive) : tout mot inconnu de l'index "
        "sera traité comme une faute de frappe");
  }
}

// Without the reference data, profiles must give their fields directly;
// a directory named on the command line or in the file must load.
std::unique_ptr<tec::territory::Territories> load_territories(const DaemonOptions& options) {
  if (!options.territories_named() && !std::filesystem::exists(options.territories_dir)) {
    spdlog::warn("pas de référentiel des territoires ({} absent) : les profils doivent donner leurs champs",
                 options.territories_dir);
    return nullptr;
  }
  try {
    const auto started = std::chrono::steady_clock::now();
    auto territories =
        std::make_unique<tec::territory::Territories>(tec::territory::Territories::load(options.territories_dir));
    spdlog::info("{} territoires chargés depuis {} en {:.0f} ms", territories->size(), options.territories_dir,
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    return territories;
  } catch (const tec::territory::TerritoryDataError& e) {
    refuse(std::string("référentiel des territoires : ") + e.what());
  }
}

// Where the query statistics live by default: a state folder beside the
// index ("var/index" -> "var/state/query-stats.tsv"), which a rebuilt index
// swapped into place leaves alone.
std::string default_stats_path(const std::string& index_dir) {
  std::filesystem::path index = std::filesystem::path(index_dir).lexically_normal();
  if (!index.has_filename()) index = index.parent_path();
  return (index.parent_path() / "state" / "query-stats.tsv").string();
}

// Counted per day without addresses; what was saved goes on being counted.
// The saver writes `stats` every minute and when destroyed.
std::unique_ptr<tec::searchd::StatsSaver> load_query_stats(tec::searchd::QueryStats& stats,
                                                           const DaemonOptions& options) {
  const std::string stats_path =
      options.stats_path.empty() ? default_stats_path(options.index_dir) : options.stats_path;
  try {
    stats.load(stats_path);
  } catch (const std::exception& e) {
    refuse(std::string("statistiques des requêtes : ") + e.what() + " (corrigez ou supprimez ce fichier)");
  }
  std::error_code stats_dir_error;
  if (const auto folder = std::filesystem::path(stats_path).parent_path(); !folder.empty()) {
    std::filesystem::create_directories(folder, stats_dir_error);
  }
  if (stats_dir_error) spdlog::error("dossier des statistiques {} : {}", stats_path, stats_dir_error.message());
  return std::make_unique<tec::searchd::StatsSaver>(stats, stats_path);
}

// Partners' feed pushes, enabled by --tokens; the settings point to the
// sync writer, declared first so that it outlives them.
struct FeedPush {
  std::unique_ptr<tec::searchd::SyncService> syncs;
  std::unique_ptr<tec::searchd::PushSettings> settings;
};

FeedPush enable_feed_push(const DaemonOptions& options) {
  FeedPush push;
  if (options.tokens_file.empty()) return push;
  try {
    std::filesystem::create_directories(options.spool_dir);
    push.settings = std::make_unique<tec::searchd::PushSettings>(
        tec::searchd::PushSettings{tec::access::PartnerTokens::load(options.tokens_file), options.spool_dir,
                                   options.max_upload_mb << 20, nullptr});
  } catch (const std::exception& e) {
    refuse(e.what());
  }
  push.syncs = std::make_unique<tec::searchd::SyncService>(options.index_dir, options.mappings_dir);
  push.settings->syncs = push.syncs.get();
  return push;
}

void register_web_pages(tec::searchd::RouteTable& routes, const DaemonOptions& options) {
  if (tec::searchd::register_web_routes(routes, options.web_dir)) return;
  // A directory named on the command line or in the file must serve.
  if (options.web_named()) refuse("dossier des pages « " + options.web_dir + " » sans sous-dossier static/ (--web)");
  spdlog::warn("pas de pages web ({}/static absent) : seule l'API est servie", options.web_dir);
}

// The port bound: the one asked, or the one the system chose for port 0.
int bind_port(httplib::Server& server, const ListenAddress& address, const std::string& listen) {
  int port = address.port;
  if (port == 0) {
    port = server.bind_to_any_port(address.host);
  } else if (!server.bind_to_port(address.host, port)) {
    port = -1;
  }
  if (port < 0) refuse("impossible d'écouter sur " + listen);
  return port;
}

// Stops `server` at the first of the blocked `signals`.
void stop_on_signal(httplib::Server& server, const sigset_t& signals) {
  std::thread signal_waiter([&server, &signals] {
    int received = 0;
    sigwait(&signals, &received);
    spdlog::info("signal {} reçu, arrêt", received);
    // A signal arriving before the server listens would otherwise be lost:
    // stop() only stops a running server.
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    server.stop();
  });
  signal_waiter.detach();
}

// Builds everything the routes serve from, serves until a signal stops the
// server, then saves the statistics. The exit status of the process.
int serve(const DaemonOptions& options, const sigset_t& signals) {
  configure_logging(options);
  const ListenAddress address = listen_address(options.listen);
  const auto index = open_index(options);
  warn_if_no_dictionary();
  const auto territories = load_territories(options);
  tec::searchd::QueryStats query_stats;
  auto stats_saver = load_query_stats(query_stats, options);
  const FeedPush push = enable_feed_push(options);
  tec::searchd::HttpPolicy policy = options.policy;
  if (push.settings) policy.max_body_bytes = push.settings->max_upload_bytes;

  tec::searchd::Metrics metrics;
  httplib::Server server;
  tec::searchd::install_http_policy(server, policy, metrics);
  tec::searchd::SearchCaches caches(options.cache_entries);
  tec::searchd::RouteTable routes(server);
  tec::searchd::register_search_routes(routes, *index, metrics, caches, query_stats);
  tec::searchd::register_source_routes(routes, *index, push.settings.get());
  tec::searchd::register_stats_routes(routes, query_stats, push.settings ? &push.settings->tokens : nullptr);
  tec::searchd::register_recommend_routes(routes, *index, territories.get());
  tec::searchd::register_territory_routes(routes, *index, territories.get());
  tec::searchd::register_ops_routes(routes, *index, metrics);
  register_web_pages(routes, options);
  routes.answer_other_methods();

  const int port = bind_port(server, address, options.listen);
  stop_on_signal(server, signals);
  std::cout << "tec-searchd écoute sur http://" << address.host << ":" << port << "/" << std::endl;
  spdlog::info(
      "index {} ouvert, {} fils de traitement, envoi de flux {}, CORS {}", options.index_dir, policy.threads,
      push.settings ? std::to_string(push.settings->tokens.size()) + " jeton(s)" : std::string("désactivé"),
      policy.cors_origins.empty() ? std::string("fermé") : std::to_string(policy.cors_origins.size()) + " origine(s)");
  const bool clean = server.listen_after_bind();
  stats_saver.reset();  // the last searches counted, written before exiting
  spdlog::info("arrêté");
  return clean ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  tec::indexer::use_small_write_batches();  // the sync writer's runs
  const sigset_t signals = block_stop_signals();
  CLI::App app{"Serveur de recherche tec-search (API HTTP JSON, pages / et /conseil).", "tec-searchd"};
  tec::cli::speak_french(app);
  DaemonOptions options;
  tec::searchd::declare_daemon_options(app, options);
  CLI11_PARSE(app, argc, argv);
  try {
    return serve(options, signals);
  } catch (const StartupRefused&) {
    return 2;
  }
}
