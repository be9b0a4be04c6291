// tec-searchd: serves search, recommendations and the pages over HTTP from a
// tec-search index. Every flag can also come from a JSON file (--config).
#include <csignal>
#include <pthread.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "analysis/french_dictionary.h"
#include "indexer/index_writer.h"
#include "schema/index_schema.h"
#include "searchd/client_address.h"
#include "searchd/http_policy.h"
#include "searchd/index_access.h"
#include "searchd/json_config.h"
#include "searchd/layout_check.h"
#include "searchd/logging.h"
#include "searchd/metrics.h"
#include "searchd/ops_routes.h"
#include "searchd/recommend_routes.h"
#include "searchd/search_routes.h"
#include "searchd/territory_routes.h"
#include "searchd/source_routes.h"
#include "searchd/stats_routes.h"
#include "searchd/stats_saver.h"
#include "searchd/sync_service.h"
#include "searchd/web_routes.h"
#include "territory/bundled_data.h"

namespace {

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

// Where the query statistics live by default: a state folder beside the
// index ("var/index" -> "var/state/query-stats.tsv"), which a rebuilt index
// swapped into place leaves alone.
std::string default_stats_path(const std::string& index_dir) {
  std::filesystem::path index = std::filesystem::path(index_dir).lexically_normal();
  if (!index.has_filename()) index = index.parent_path();
  return (index.parent_path() / "state" / "query-stats.tsv").string();
}

}  // namespace

int main(int argc, char** argv) {
  tec::indexer::use_small_write_batches();  // the sync writer's runs
  // Signals are taken by a dedicated thread so that the server stops cleanly
  // instead of being interrupted inside a worker. Blocked before any thread
  // starts (the sync writer, the statistics saver), which inherit the mask:
  // a thread leaving them unblocked would receive SIGTERM and end the process
  // without the clean shutdown.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  CLI::App app{"Serveur de recherche tec-search (API HTTP JSON, pages / et /conseil)."};
  app.config_formatter(std::make_shared<tec::searchd::JsonConfig>(app));
  app.set_config("--config", "", "Fichier de configuration JSON : {\"option\": valeur} pour chaque option longue ci-dessous");

  std::string index_dir = "var/index";
  bool replica = false;
  std::string listen = "127.0.0.1:8080";
  std::string log_level = "info", log_format = "text";
  std::string tokens_file, spool_dir = "var/spool", mappings_dir;
  std::size_t max_upload_mb = 256;
  std::string territories_dir = tec::territory::bundled_data_dir("territories", "corpus/territories");
  std::string web_dir = tec::territory::bundled_data_dir("web", "searchd/web");
  std::size_t cache_entries = 1000;
  std::string stats_path;
  tec::searchd::HttpPolicy policy;
  // Each keep-alive connection holds a worker while open: enough workers for
  // a few dozen concurrent clients, each with its own Xapian reader.
  policy.threads = std::max(32u, 4 * std::thread::hardware_concurrency());
  app.add_option("--index", index_dir, "Dossier de l'index")->capture_default_str();
  app.add_flag("--replica", replica, "L'index est une réplique tenue à jour par xapian-replicate (réouverture complète à chaque révision)");
  app.add_option("--listen", listen, "Adresse d'écoute HOTE:PORT (port 0 : choisi par le système)")->capture_default_str();
  app.add_option("--threads", policy.threads, "Nombre de fils de traitement")->capture_default_str()->check(CLI::Range(1u, 1024u));
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error, off")->capture_default_str();
  app.add_option("--log-format", log_format, "text ou json (un objet JSON par ligne)")->capture_default_str()->check(CLI::IsMember({"text", "json"}));
  app.add_option("--tokens", tokens_file, "Jetons des partenaires (tec-index token) : active PUT /v1/sources/{source}/feed");
  app.add_option("--spool", spool_dir, "Dossier où les flux envoyés attendent leur synchronisation")->capture_default_str();
  app.add_option("--mappings", mappings_dir, "Dossier des correspondances CSV, <source>.json");
  app.add_option("--max-upload-mb", max_upload_mb, "Taille maximale d'un flux envoyé (Mio)")->capture_default_str()->check(CLI::Range(1, 16384));
  auto* territories_option = app.add_option("--territories", territories_dir,
                                            "Dossier du référentiel des territoires (communes.tsv, epci.tsv…)")->capture_default_str();
  auto* web_option = app.add_option("--web", web_dir, "Dossier des pages (/, /conseil, /ressources/…) et de leurs fichiers statiques")->capture_default_str();
  app.add_option("--cache-entries", cache_entries, "Réponses de /v1/search et de /v1/suggest gardées en mémoire, chacune (0 : aucune)")
      ->capture_default_str()->check(CLI::Range(std::size_t{0}, std::size_t{1000000}));
  app.add_option("--stats", stats_path,
                 "Fichier des statistiques des requêtes (GET /v1/stats/queries), enregistré chaque minute et à l'arrêt "
                 "(par défaut : state/query-stats.tsv à côté du dossier de l'index)");
  app.add_option("--cors-origin", policy.cors_origins, "Origine autorisée à appeler l'API depuis un navigateur (répétable)");
  app.add_option("--max-requests-per-client", policy.max_requests_per_client,
                 "Requêtes simultanées par adresse cliente (0 : sans limite ; derrière un mandataire, voir --trusted-proxy)")->capture_default_str();
  app.add_option("--trusted-proxy", policy.trusted_proxies,
                 "Adresse IP ou réseau (10.0.0.0/8) d'un mandataire inverse (répétable) : ses requêtes comptent pour le client que nomme X-Forwarded-For")
      ->transform(CLI::Validator(
          [](std::string& address) {
            try {
              address = tec::searchd::canonical_proxy(address);
              return std::string();
            } catch (const std::invalid_argument& e) {
              return std::string(e.what());
            }
          },
          "IP"));
  app.add_option("--read-timeout", policy.read_timeout, "Secondes accordées à un client pour envoyer sa requête")->capture_default_str()->check(CLI::Range(1, 3600));
  app.add_option("--keep-alive-timeout", policy.keep_alive_timeout, "Secondes d'inactivité avant de fermer une connexion")->capture_default_str()->check(CLI::Range(1, 3600));
  CLI11_PARSE(app, argc, argv);

  try {
    tec::searchd::configure_logging(log_level, log_format == "json" ? tec::searchd::LogFormat::Json : tec::searchd::LogFormat::Text);
  } catch (const std::invalid_argument& e) {
    std::cerr << "tec-searchd : " << e.what() << "\n";
    return 2;
  }

  std::string host;
  int port = 0;
  if (!split_listen(listen, host, port)) {
    std::cerr << "tec-searchd : adresse d'écoute invalide « " << listen << " » (attendu HOTE:PORT)\n";
    return 2;
  }

  std::unique_ptr<tec::searchd::IndexAccess> index;
  try {
    index = std::make_unique<tec::searchd::IndexAccess>(index_dir, replica);
  } catch (const Xapian::Error& e) {
    std::cerr << "tec-searchd : impossible d'ouvrir l'index " << index_dir << " : " << e.get_msg() << "\n";
    return 2;
  }
  const tec::searchd::LayoutCheck layout =
      index->run([](tec::searchd::IndexAccess::Reader& reader) { return tec::searchd::check_layout(reader.db); });
  if (layout.verdict == tec::searchd::LayoutCheck::Verdict::Refused) {
    std::cerr << "tec-searchd : " << layout.message << "\n";
    return 2;
  }
  if (layout.verdict == tec::searchd::LayoutCheck::Verdict::Older) spdlog::warn("{}", layout.message);

  // Loaded now rather than at the first word the index lacks.
  if (!tec::analysis::FrenchDictionary::installed()) {
    spdlog::warn("dictionnaire français hunspell absent (paquet hunspell-fr-comprehensive) : tout mot inconnu de l'index "
                 "sera traité comme une faute de frappe");
  }

  // Without the reference data, profiles must give their fields directly;
  // a directory named on the command line or in the file must load.
  std::unique_ptr<tec::territory::Territories> territories;
  if (territories_option->count() > 0 || std::filesystem::exists(territories_dir)) {
    try {
      const auto started = std::chrono::steady_clock::now();
      territories = std::make_unique<tec::territory::Territories>(tec::territory::Territories::load(territories_dir));
      spdlog::info("{} territoires chargés depuis {} en {:.0f} ms", territories->size(), territories_dir,
                   std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
    } catch (const tec::territory::TerritoryDataError& e) {
      std::cerr << "tec-searchd : référentiel des territoires : " << e.what() << "\n";
      return 2;
    }
  } else {
    spdlog::warn("pas de référentiel des territoires ({} absent) : les profils doivent donner leurs champs", territories_dir);
  }

  // Counted per day without addresses; what was saved goes on being counted.
  if (stats_path.empty()) stats_path = default_stats_path(index_dir);
  tec::searchd::QueryStats query_stats;
  try {
    query_stats.load(stats_path);
  } catch (const std::exception& e) {
    std::cerr << "tec-searchd : statistiques des requêtes : " << e.what() << " (corrigez ou supprimez ce fichier)\n";
    return 2;
  }
  std::error_code stats_dir_error;
  if (const auto folder = std::filesystem::path(stats_path).parent_path(); !folder.empty()) {
    std::filesystem::create_directories(folder, stats_dir_error);
  }
  if (stats_dir_error) spdlog::error("dossier des statistiques {} : {}", stats_path, stats_dir_error.message());
  auto stats_saver = std::make_unique<tec::searchd::StatsSaver>(query_stats, stats_path);

  std::unique_ptr<tec::searchd::SyncService> syncs;
  std::unique_ptr<tec::searchd::PushSettings> push;
  if (!tokens_file.empty()) {
    try {
      std::filesystem::create_directories(spool_dir);
      push = std::make_unique<tec::searchd::PushSettings>(
          tec::searchd::PushSettings{tec::access::PartnerTokens::load(tokens_file), spool_dir, max_upload_mb << 20, nullptr});
    } catch (const std::exception& e) {
      std::cerr << "tec-searchd : " << e.what() << "\n";
      return 2;
    }
    syncs = std::make_unique<tec::searchd::SyncService>(index_dir, mappings_dir);
    push->syncs = syncs.get();
    policy.max_body_bytes = push->max_upload_bytes;
  }

  tec::searchd::Metrics metrics;
  httplib::Server server;
  tec::searchd::install_http_policy(server, policy, metrics);
  tec::searchd::SearchCaches caches(cache_entries);
  tec::searchd::RouteTable routes(server);
  tec::searchd::register_search_routes(routes, *index, metrics, caches, query_stats);
  tec::searchd::register_source_routes(routes, *index, push.get());
  tec::searchd::register_stats_routes(routes, query_stats, push ? &push->tokens : nullptr);
  tec::searchd::register_recommend_routes(routes, *index, territories.get());
  tec::searchd::register_territory_routes(routes, *index, territories.get());
  tec::searchd::register_ops_routes(routes, *index, metrics);
  if (!tec::searchd::register_web_routes(routes, web_dir)) {
    // A directory named on the command line or in the file must serve.
    if (web_option->count() > 0) {
      std::cerr << "tec-searchd : dossier des pages « " << web_dir << " » sans sous-dossier static/ (--web)\n";
      return 2;
    }
    spdlog::warn("pas de pages web ({}/static absent) : seule l'API est servie", web_dir);
  }
  routes.answer_other_methods();

  if (port == 0) {
    port = server.bind_to_any_port(host);
  } else if (!server.bind_to_port(host, port)) {
    port = -1;
  }
  if (port < 0) {
    std::cerr << "tec-searchd : impossible d'écouter sur " << listen << "\n";
    return 2;
  }

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

  std::cout << "tec-searchd écoute sur http://" << host << ":" << port << "/" << std::endl;
  spdlog::info("index {} ouvert, {} fils de traitement, envoi de flux {}, CORS {}", index_dir, policy.threads,
               push ? std::to_string(push->tokens.size()) + " jeton(s)" : std::string("désactivé"),
               policy.cors_origins.empty() ? std::string("fermé") : std::to_string(policy.cors_origins.size()) + " origine(s)");
  const bool clean = server.listen_after_bind();
  stats_saver.reset();  // the last searches counted, written before exiting
  spdlog::info("arrêté");
  return clean ? 0 : 1;
}
