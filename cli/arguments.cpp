// tec-search's command line with CLI11. Repeatable options take one value per
// occurrence, so that `--theme "éclairage public" extinction` searches
// "extinction" instead of taking it as a second theme.
#include "cli/arguments.h"

#include <CLI/CLI.hpp>

#include <charconv>

#include "cli/french_command_line.h"

namespace tec::cli {
namespace {

// An integer option between `min` and `max`, checked before CLI11 converts
// it so that the error is ours, in French.
CLI::Validator bounded(unsigned min, unsigned max) {
  const std::string expected = "entier entre " + std::to_string(min) + " et " + std::to_string(max) + " attendu";
  return CLI::Validator(
      [min, max, expected](std::string& text) -> std::string {
        unsigned value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
          return expected + ", « " + text + " » reçu";
        }
        return {};
      },
      "ENTIER");
}

}  // namespace

ParsedArguments parse_arguments(const std::vector<std::string>& args, const std::string& default_server) {
  ParsedArguments parsed;
  Arguments& a = parsed.arguments;
  a.server = default_server;
  CLI::App app{"Client en ligne de commande de tec-searchd : recherche et recommandations.", "tec-search"};
  french_labels(app);
  app.get_formatter()->label("Positionals", "Mots");
  app.set_help_flag("-h,--help", "Affiche cette aide");
  app.add_option("query", a.words, "Texte recherché");
  app.add_option("--server", a.server, "Adresse de tec-searchd (ou variable TEC_SEARCH_URL)")->capture_default_str();
  app.add_flag("--recommend", a.recommend, "Recommandations pour une collectivité plutôt qu'une recherche");
  app.add_option("--insee", a.insee, "Code INSEE de la commune");
  app.add_option("--siren", a.siren, "SIREN de l'EPCI");
  app.add_option("--departement", a.departement, "Code du département");
  app.add_option("--region", a.region, "Code de la région");
  // One value per occurrence: the words after it are the query.
  app.add_option("--theme", a.themes, "Thème (répétable) : filtre de recherche ou thème du profil")
      ->allow_extra_args(false);
  app.add_option("--type", a.types, "Type de ressource (répétable) : methode, outil, guide…")->allow_extra_args(false);
  app.add_option("--audience", a.audiences, "Public (répétable)")->allow_extra_args(false);
  app.add_option("--level", a.level,
                 "Niveau de participation : informer, consulter, concerter, co-construire, co-decider");
  app.add_option("--maturity", a.maturity, "debutant, intermediaire ou avance");
  app.add_option("--need", a.need, "Besoin exprimé, en texte libre");
  app.add_option("--now", a.now, "Date de référence des sessions (AAAA-MM-JJ)");
  app.add_option("--per-page", a.per_page, "Résultats par page")->capture_default_str()->check(bounded(1, 100));
  app.add_option("--page", a.page, "Page")->capture_default_str()->check(bounded(1, 1000));
  app.add_flag("--json", a.raw_json, "Affiche la réponse JSON brute");

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    return {ParsedArguments::Outcome::Help, a, app.help()};
  } catch (const CLI::ParseError& error) {
    return {ParsedArguments::Outcome::UsageError, a, french_message(error, app)};
  }
  if (!a.recommend && a.words.empty()) {
    return {ParsedArguments::Outcome::UsageError, a,
            "aucun mot à chercher : tec-search budget participatif, ou --recommend avec un code de territoire"};
  }
  if (a.recommend && a.insee.empty() && a.siren.empty() && a.departement.empty() && a.region.empty()) {
    return {ParsedArguments::Outcome::UsageError, a, "--recommend demande --insee, --siren, --departement ou --region"};
  }
  return parsed;
}

}  // namespace tec::cli
