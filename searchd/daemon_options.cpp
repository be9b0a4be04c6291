// The options of tec-searchd: their names, defaults, checks and French help.
#include "searchd/daemon_options.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <thread>

#include "searchd/client_address.h"
#include "searchd/json_config.h"
#include "territory/bundled_data.h"

namespace tec::searchd {
namespace {

// Accepts an IP address or network and rewrites it in its canonical form,
// the one client addresses are compared with.
CLI::Validator canonical_proxy_validator() {
  return CLI::Validator(
      [](std::string& address) {
        try {
          address = canonical_proxy(address);
          return std::string();
        } catch (const std::invalid_argument& e) {
          return std::string(e.what());
        }
      },
      "IP");
}

void declare_http_options(CLI::App& app, HttpPolicy& policy) {
  app.add_option("--cors-origin", policy.cors_origins,
                 "Origine autorisée à appeler l'API depuis un navigateur (répétable)");
  app.add_option(
         "--max-requests-per-client", policy.max_requests_per_client,
         "Requêtes simultanées par adresse cliente (0 : sans limite ; derrière un mandataire, voir --trusted-proxy)")
      ->capture_default_str();
  app.add_option("--trusted-proxy", policy.trusted_proxies,
                 "Adresse IP ou réseau (10.0.0.0/8) d'un mandataire inverse (répétable) : ses requêtes comptent pour "
                 "le client que nomme X-Forwarded-For")
      ->transform(canonical_proxy_validator());
  app.add_option("--read-timeout", policy.read_timeout, "Secondes accordées à un client pour envoyer sa requête")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
  app.add_option("--keep-alive-timeout", policy.keep_alive_timeout,
                 "Secondes d'inactivité avant de fermer une connexion")
      ->capture_default_str()
      ->check(CLI::Range(1, 3600));
}

}  // namespace

void declare_daemon_options(CLI::App& app, DaemonOptions& options) {
  app.config_formatter(std::make_shared<JsonConfig>(app));
  app.set_config("--config", "",
                 "Fichier de configuration JSON : {\"option\": valeur} pour chaque option longue ci-dessous");

  options.territories_dir = territory::bundled_data_dir("territories", "corpus/territories");
  options.web_dir = territory::bundled_data_dir("web", "searchd/web");
  // Each keep-alive connection holds a worker while open: enough workers for
  // a few dozen concurrent clients, each with its own Xapian reader.
  options.policy.threads = std::max(32u, 4 * std::thread::hardware_concurrency());
  app.add_option("--index", options.index_dir, "Dossier de l'index")->capture_default_str();
  app.add_flag("--replica", options.replica,
               "L'index est une réplique tenue à jour par xapian-replicate (réouverture complète à chaque révision)");
  app.add_option("--listen", options.listen, "Adresse d'écoute HOTE:PORT (port 0 : choisi par le système)")
      ->capture_default_str();
  app.add_option("--threads", options.policy.threads, "Nombre de fils de traitement")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1024u));
  app.add_option("--log-level", options.log_level, "trace, debug, info, warn, error, off")->capture_default_str();
  app.add_option("--log-format", options.log_format, "text ou json (un objet JSON par ligne)")
      ->capture_default_str()
      ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--tokens", options.tokens_file,
                 "Jetons des partenaires (tec-index token) : active PUT /v1/sources/{source}/feed");
  app.add_option("--spool", options.spool_dir, "Dossier où les flux envoyés attendent leur synchronisation")
      ->capture_default_str();
  app.add_option("--mappings", options.mappings_dir, "Dossier des correspondances CSV, <source>.json");
  app.add_option("--max-upload-mb", options.max_upload_mb, "Taille maximale d'un flux envoyé (Mio)")
      ->capture_default_str()
      ->check(CLI::Range(1, 16384));
  options.territories_option = app.add_option("--territories", options.territories_dir,
                                              "Dossier du référentiel des territoires (communes.tsv, epci.tsv…)")
                                   ->capture_default_str();
  options.web_option = app.add_option("--web", options.web_dir,
                                      "Dossier des pages (/, /conseil, /ressources/…) et de leurs fichiers statiques")
                           ->capture_default_str();
  app.add_option("--cache-entries", options.cache_entries,
                 "Réponses de /v1/search et de /v1/suggest gardées en mémoire, chacune (0 : aucune)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{1000000}));
  app.add_option("--stats", options.stats_path,
                 "Fichier des statistiques des requêtes (GET /v1/stats/queries), enregistré chaque minute et à l'arrêt "
                 "(par défaut : state/query-stats.tsv à côté du dossier de l'index)");
  declare_http_options(app, options.policy);
}

}  // namespace tec::searchd
