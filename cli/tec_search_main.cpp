// tec-search: search and recommendations from a terminal, against a running
// tec-searchd.
//   tec-search "jury citoyen"
//   tec-search --recommend --insee 34164 --theme "éclairage public"
#include <CLI/CLI.hpp>
#include <httplib.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/terminal_render.h"

namespace {

void add_repeated(httplib::Params& params, const char* name, const std::vector<std::string>& values) {
  for (const std::string& value : values) params.emplace(name, value);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Client en ligne de commande de tec-searchd : recherche et recommandations."};
  const char* env_server = std::getenv("TEC_SEARCH_URL");
  std::string server = env_server ? env_server : "http://127.0.0.1:8080";
  std::vector<std::string> words, themes, types, audiences;
  bool recommend = false, raw_json = false;
  std::string insee, siren, departement, region, level, maturity, need, now;
  unsigned per_page = 10, page = 1;
  app.add_option("query", words, "Texte recherché");
  app.add_option("--server", server, "Adresse de tec-searchd (ou variable TEC_SEARCH_URL)")->capture_default_str();
  app.add_flag("--recommend", recommend, "Recommandations pour une collectivité plutôt qu'une recherche");
  app.add_option("--insee", insee, "Code INSEE de la commune");
  app.add_option("--siren", siren, "SIREN de l'EPCI");
  app.add_option("--departement", departement, "Code du département");
  app.add_option("--region", region, "Code de la région");
  app.add_option("--theme", themes, "Thème (répétable) : filtre de recherche ou thème du profil");
  app.add_option("--type", types, "Type de ressource (répétable) : methode, outil, guide…");
  app.add_option("--audience", audiences, "Public (répétable)");
  app.add_option("--level", level, "Niveau de participation : informer, consulter, concerter, co-construire, co-decider");
  app.add_option("--maturity", maturity, "debutant, intermediaire ou avance");
  app.add_option("--need", need, "Besoin exprimé, en texte libre");
  app.add_option("--now", now, "Date de référence des sessions (AAAA-MM-JJ)");
  app.add_option("--per-page", per_page, "Résultats par page")->capture_default_str()->check(CLI::Range(1u, 100u));
  app.add_option("--page", page, "Page")->capture_default_str()->check(CLI::Range(1u, 1000u));
  app.add_flag("--json", raw_json, "Affiche la réponse JSON brute");
  CLI11_PARSE(app, argc, argv);

  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  if (!recommend && text.empty()) {
    std::cerr << app.help();
    return 2;
  }
  if (recommend && insee.empty() && siren.empty() && departement.empty() && region.empty()) {
    std::cerr << "tec-search : --recommend demande --insee, --siren, --departement ou --region\n";
    return 2;
  }

  httplib::Params params;
  std::string path;
  if (recommend) {
    path = "/v1/recommend";
    for (const auto& [name, value] : {std::pair{"insee", insee}, {"siren", siren}, {"departement", departement}, {"region", region},
                                      {"participation_level", level}, {"maturity", maturity}, {"now", now}}) {
      if (!value.empty()) params.emplace(name, value);
    }
    if (!need.empty() || !text.empty()) params.emplace("need", need.empty() ? text : need);
    add_repeated(params, "themes", themes);
    add_repeated(params, "audiences", audiences);
  } else {
    path = "/v1/search";
    params.emplace("q", text);
    params.emplace("per_page", std::to_string(per_page));
    params.emplace("page", std::to_string(page));
    add_repeated(params, "theme", themes);
    add_repeated(params, "type", types);
    add_repeated(params, "audience", audiences);
  }

  const tec::cli::Style style{isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR")};
  httplib::Client client(server);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  const auto result = client.Get(path.c_str(), params, httplib::Headers{}, httplib::Progress{});
  if (!result) {
    std::cerr << "tec-search : " << server << " ne répond pas (" << httplib::to_string(result.error()) << ")\n";
    return 3;
  }
  if (raw_json) {
    std::cout << result->body << "\n";
    return result->status == 200 ? 0 : 1;
  }
  rapidjson::Document doc;
  doc.Parse(result->body.c_str());
  if (result->status != 200 || doc.HasParseError() || !doc.IsObject()) {
    std::cerr << tec::cli::render_error(doc, result->status, style);
    return 1;
  }
  std::cout << (recommend ? tec::cli::render_recommendation(doc, style) : tec::cli::render_search(doc, style));
  return 0;
}
