// tec-index: writes partner feeds into a tec-search index.
//   tec-index --index DIR [--source SLUG] FILE...       add or replace resources
//   tec-index sync --index DIR --source SLUG FEED...    make a source exactly its feed
//   tec-index token --tokens FILE --source SLUG         create or rotate a partner's push token
//   tec-index token --tokens FILE --admin               create or rotate the administrators' token
//   tec-index thesaurus --index DIR FILE                set the editors' thesaurus groups
//   tec-index thesaurus --index DIR --print             write them to stdout, as they were given
// Exit status: 0 all records indexed, 1 some rejected (the others are
// written), 2 fatal or refused (nothing written).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "access/partner_tokens.h"
#include "analysis/french_analyzer.h"
#include "cli/french_command_line.h"
#include "indexer/editors_thesaurus.h"
#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/sync.h"
#include "indexer/thesaurus.h"
#include "territory/bundled_data.h"

namespace {

// A progress line on stderr, redrawn at most ten times a second.
class ProgressBar {
 public:
  ProgressBar() : start_(std::chrono::steady_clock::now()), last_(start_) {}

  void update(std::size_t done, std::size_t total, std::size_t records, bool force = false) {
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::fprintf(stderr, "\r[%s%s] %3.0f %%  %zu documents  %.0f docs/s ", std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), fraction * 100, records,
                 seconds > 0 ? static_cast<double>(records) / seconds : 0.0);
  }

  void finish() { std::fputc('\n', stderr); }

 private:
  std::chrono::steady_clock::time_point start_, last_;
};

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("impossible de lire " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<tec::indexer::SynonymGroup> load_thesaurus(const std::string& file) {
  return file.empty() ? tec::indexer::parse_thesaurus(tec::indexer::bundled_thesaurus(), "thesaurus intégré")
                      : tec::indexer::parse_thesaurus(read_text_file(file), file);
}

// Runs `work`, turning the errors that leave the index untouched into
// exit status 2 with a message.
template <class Work>
int guarded(const std::string& index_dir, Work work) {
  try {
    return work();
  } catch (const Xapian::DatabaseLockError&) {
    std::cerr << "tec-index : l'index " << index_dir << " est verrouillé par un autre processus d'écriture\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "tec-index : erreur de l'index " << index_dir << " : " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "tec-index : " << e.what() << "\n";
  }
  std::cerr << "tec-index : rien n'a été écrit, l'index garde son état précédent\n";
  return 2;
}

// The territory reference data and the collectivity mapping of a run.
struct PlaceArgs {
  std::string territories_dir = tec::territory::bundled_data_dir("territories", "corpus/territories");
  bool territories_given = false;
  std::string collectivity_mapping;
};

struct Places {
  std::unique_ptr<tec::territory::Territories> territories;
  std::optional<tec::indexer::CollectivityMapping> mapping;
  tec::indexer::FeedContext context() const { return {territories.get(), mapping ? &*mapping : nullptr}; }
};

// The reference data when given or present at its default place: without it,
// `collectivites` codes are not checked; a mapping needs it.
Places load_places(const PlaceArgs& args) {
  Places places;
  if (args.territories_given || std::filesystem::exists(args.territories_dir)) {
    places.territories =
        std::make_unique<tec::territory::Territories>(tec::territory::Territories::load(args.territories_dir));
  }
  if (!args.collectivity_mapping.empty()) {
    if (!places.territories)
      throw std::runtime_error("--collectivites-mapping demande le référentiel des territoires (--territories)");
    places.mapping = tec::indexer::CollectivityMapping::load(args.collectivity_mapping);
  }
  return places;
}

struct AddArgs {
  std::string index_dir, source, thesaurus, mapping;
  PlaceArgs places;
  std::vector<std::string> files;
};

int run_add(const AddArgs& args) {
  return guarded(args.index_dir, [&] {
    const auto started = std::chrono::steady_clock::now();
    const auto synonyms = load_thesaurus(args.thesaurus);
    std::optional<tec::indexer::CsvMapping> mapping;
    if (!args.mapping.empty()) mapping = tec::indexer::CsvMapping::load(args.mapping);
    const Places places = load_places(args.places);
    tec::indexer::IngestOptions options;
    options.default_source = args.source;
    options.mapping = mapping ? &*mapping : nullptr;
    options.context = places.context();
    ProgressBar bar;
    const bool show_progress = isatty(STDERR_FILENO);
    if (show_progress) {
      options.on_progress = [&bar](std::size_t done, std::size_t total, std::size_t indexed) {
        bar.update(done, total, indexed);
      };
    }
    // A new index is built on every core, in a folder renamed into place
    // when whole; an existing one takes the run as one transaction.
    tec::indexer::IngestReport report;
    if (!std::filesystem::exists(args.index_dir)) {
      report = tec::indexer::ingest_new_index(args.index_dir, args.files, synonyms, options);
    } else {
      tec::analysis::FrenchAnalyzer analyzer;
      tec::indexer::IndexWriter writer(args.index_dir);
      report = tec::indexer::ingest(writer, analyzer, args.files, options);
      writer.replace_synonyms(synonyms, analyzer);
      writer.commit();
    }
    if (show_progress) {
      bar.update(1, 1, report.indexed, true);
      bar.finish();
    }
    for (const auto& rejected : report.rejected) std::cerr << rejected.text() << "\n";
    for (const auto& warning : report.warnings) std::cerr << warning.warning_text() << "\n";
    for (const auto& duplicate : report.duplicates) std::cerr << duplicate.text() << "\n";
    if (!report.rejected.empty() || !report.warnings.empty()) {
      for (const auto& [source, tally] : report.sources) {
        std::printf("source « %s » : %zu gardés, %zu rejetés, %zu avec avertissement\n", source.c_str(), tally.kept,
                    tally.rejected, tally.warned);
      }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("%zu enregistrements lus, %zu documents indexés, %zu rejetés, %zu doublons, en %.2f s\n",
                report.records, report.indexed, report.rejected.size(), report.duplicates.size(), seconds);
    return report.rejected.empty() ? 0 : 1;
  });
}

struct SyncArgs {
  std::string index_dir, source, format, mapping, report_json, thesaurus;
  double max_delete_ratio = tec::indexer::kDefaultMaxDeleteRatio;
  bool allow_mass_delete = false, dry_run = false;
  unsigned wait_seconds = 0;
  PlaceArgs places;
  std::vector<std::string> files;
};

int run_sync(const SyncArgs& args) {
  return guarded(args.index_dir, [&] {
    const bool csv =
        args.format == "csv" || (args.format.empty() && !args.files.empty() && args.files.front().ends_with(".csv"));
    if (csv && args.mapping.empty()) throw std::runtime_error("un flux CSV demande --mapping FICHIER.json");
    std::optional<tec::indexer::CsvMapping> mapping;
    if (csv) mapping = tec::indexer::CsvMapping::load(args.mapping);
    const auto synonyms = load_thesaurus(args.thesaurus);
    const Places places = load_places(args.places);
    tec::analysis::FrenchAnalyzer analyzer;
    tec::indexer::SyncOptions options;
    options.context = places.context();
    options.source = args.source;
    options.mapping = mapping ? &*mapping : nullptr;
    options.max_delete_ratio = args.max_delete_ratio;
    options.allow_mass_delete = args.allow_mass_delete;
    options.dry_run = args.dry_run;
    options.wait = std::chrono::seconds(args.wait_seconds);
    options.synonyms = &synonyms;
    ProgressBar bar;
    const bool show_progress = isatty(STDERR_FILENO);
    if (show_progress)
      options.on_progress = [&bar](std::size_t done, std::size_t total) { bar.update(done, total, 0); };
    const tec::indexer::SyncReport report = tec::indexer::sync_source(args.index_dir, analyzer, args.files, options);
    if (show_progress) bar.finish();
    std::cout << report.text();
    if (!args.report_json.empty()) {
      std::ofstream out(args.report_json, std::ios::trunc);
      out << report.json() << "\n";
      if (!out) throw std::runtime_error("impossible d'écrire le rapport " + args.report_json);
    }
    if (!report.refused.empty()) return 2;
    return report.rejected.empty() ? 0 : 1;
  });
}

struct ThesaurusArgs {
  std::string index_dir, file, base;
  unsigned wait_seconds = 0;
  bool print = false;
};

// Writes the editors' groups stored in the index to stdout, byte for byte
// the file they were set from: what an operator saves, or carries into a
// rebuilt index.
int print_thesaurus(const ThesaurusArgs& args) {
  return guarded(args.index_dir, [&] {
    std::cout << tec::indexer::stored_editors_thesaurus(args.index_dir) << std::flush;
    if (!std::cout) throw std::runtime_error("impossible d'écrire sur la sortie standard");
    return 0;
  });
}

// Sets the editors' groups of FILE on the live index: every bad line is
// listed as FILE:LINE: reason and nothing is applied.
int run_thesaurus(const ThesaurusArgs& args) {
  if (args.print) return print_thesaurus(args);
  if (args.file.empty()) {
    std::cerr << "tec-index thesaurus : un fichier de groupes ou --print est requis\n";
    return 2;
  }
  std::string text;
  try {
    text = read_text_file(args.file);
    tec::indexer::parse_thesaurus(text, args.file);
  } catch (const std::runtime_error& e) {
    std::cerr << e.what() << "\ntec-index : thésaurus non appliqué, l'index garde son état précédent\n";
    return 2;
  }
  return guarded(args.index_dir, [&] {
    const auto base = load_thesaurus(args.base);
    tec::analysis::FrenchAnalyzer analyzer;
    const auto report = tec::indexer::apply_editors_thesaurus(args.index_dir, text, args.file, base, analyzer,
                                                              std::chrono::seconds(args.wait_seconds));
    std::printf(
        "%zu groupe%s des éditeurs dans l'index %s (révision %u), en plus du thésaurus intégré ; "
        "tec-searchd les utilise dès sa prochaine requête\n",
        report.groups, report.groups > 1 ? "s" : "", args.index_dir.c_str(), static_cast<unsigned>(report.revision));
    return 0;
  });
}

struct TokenArgs {
  std::string tokens_file, source;
  bool admin = false;
};

// Prints the new token once; only its salted hash is kept in the file.
int run_token(const TokenArgs& args) {
  if (!args.admin && args.source.empty()) {
    std::cerr << "tec-index token : --source SOURCE ou --admin est requis\n";
    return 2;
  }
  return guarded(args.tokens_file, [&] {
    std::cout << (args.admin ? tec::access::PartnerTokens::rotate_admin(args.tokens_file)
                             : tec::access::PartnerTokens::rotate(args.tokens_file, args.source))
              << "\n";
    std::cerr << (args.admin ? std::string("jeton des administrateurs") : "jeton de « " + args.source + " »")
              << " enregistré dans " << args.tokens_file << " (empreinte seulement) ; il ne sera plus affiché\n";
    return 0;
  });
}

void declare_place_options(CLI::App& command, PlaceArgs& places) {
  command
      .add_option("--territories", places.territories_dir,
                  "Référentiel des territoires : les codes de collectivites inconnus y sont signalés (par défaut celui "
                  "installé, ou celui des sources, s'il existe)")
      ->each([&places](const std::string&) { places.territories_given = true; });
  command.add_option("--collectivites-mapping", places.collectivity_mapping,
                     "Correspondance (JSON) qui remplit collectivites depuis un champ texte nommant la collectivité");
}

// Adding files is the command without a subcommand: its options are the app's.
void declare_add(CLI::App& app, AddArgs& add) {
  app.add_option("--index", add.index_dir, "Dossier de l'index (créé s'il n'existe pas)");
  app.add_option("--source", add.source, "Source attribuée aux enregistrements qui n'en ont pas");
  app.add_option("--thesaurus", add.thesaurus,
                 "Thésaurus de synonymes (par défaut : celui de corpus/thesaurus.txt, intégré)");
  app.add_option("--mapping", add.mapping, "Correspondance des colonnes pour lire les fichiers comme CSV");
  app.add_option("files", add.files, "Fichiers JSON Lines (ou CSV avec --mapping) à indexer");
  declare_place_options(app, add.places);
}

CLI::App* declare_sync(CLI::App& app, SyncArgs& sync) {
  CLI::App* command = app.add_subcommand("sync", "Rend les documents d'une source identiques à son flux");
  command->add_option("--index", sync.index_dir, "Dossier de l'index")->required();
  command->add_option("--source", sync.source, "Source synchronisée")->required();
  command->add_option("--format", sync.format, "jsonl ou csv (par défaut : selon l'extension)")
      ->check(CLI::IsMember({"jsonl", "csv"}));
  command->add_option("--mapping", sync.mapping, "Correspondance des colonnes CSV (JSON)");
  command->add_option("--report-json", sync.report_json, "Écrit aussi le rapport en JSON dans ce fichier");
  command
      ->add_option("--max-delete-ratio", sync.max_delete_ratio,
                   "Part des documents de la source qu'une synchronisation peut supprimer")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  command->add_flag("--allow-mass-delete", sync.allow_mass_delete, "Autorise à dépasser --max-delete-ratio");
  command->add_flag("--dry-run", sync.dry_run, "Calcule le rapport sans rien écrire");
  command
      ->add_option("--wait", sync.wait_seconds, "Secondes d'attente si un autre processus écrit (0 : échec immédiat)")
      ->capture_default_str();
  command->add_option("--thesaurus", sync.thesaurus, "Thésaurus de synonymes (par défaut : celui intégré)");
  command->add_option("feeds", sync.files, "Le flux de la source (un ou plusieurs fichiers)")->required();
  declare_place_options(*command, sync.places);
  return command;
}

CLI::App* declare_token(CLI::App& app, TokenArgs& token) {
  CLI::App* command =
      app.add_subcommand("token", "Crée ou remplace le jeton d'envoi d'un partenaire, ou celui des administrateurs");
  command->add_option("--tokens", token.tokens_file, "Fichier des jetons (empreintes salées)")->required();
  auto* source_option = command->add_option("--source", token.source, "Source du partenaire");
  auto* admin_flag = command->add_flag("--admin", token.admin,
                                       "Jeton des administrateurs (statistiques des requêtes) ; remplace le précédent");
  source_option->excludes(admin_flag);
  return command;
}

CLI::App* declare_thesaurus(CLI::App& app, ThesaurusArgs& thesaurus) {
  CLI::App* command = app.add_subcommand("thesaurus",
                                         "Remplace les groupes de synonymes des éditeurs d'un index en service (format "
                                         "de corpus/thesaurus.txt ; fichier vide : aucun)");
  command->add_option("--index", thesaurus.index_dir, "Dossier de l'index")->required();
  command->add_option("--thesaurus", thesaurus.base, "Thésaurus de base (par défaut : celui intégré)");
  command
      ->add_option("--wait", thesaurus.wait_seconds,
                   "Secondes d'attente si un autre processus écrit (0 : échec immédiat)")
      ->capture_default_str();
  auto* file =
      command->add_option("file", thesaurus.file, "Groupes des éditeurs, un par ligne : expression | expression…");
  command
      ->add_flag("--print", thesaurus.print,
                 "Écrit sur la sortie standard les groupes des éditeurs de l'index, tels qu'ils ont été donnés")
      ->excludes(file);
  return command;
}

}  // namespace

int main(int argc, char** argv) {
  tec::indexer::use_small_write_batches();
  CLI::App app{"Écrit des flux de ressources dans un index tec-search.", "tec-index"};
  tec::cli::speak_french(app);
  app.require_subcommand(0, 1);
  AddArgs add;
  SyncArgs sync;
  TokenArgs token;
  ThesaurusArgs thesaurus;
  declare_add(app, add);
  const CLI::App* sync_command = declare_sync(app, sync);
  const CLI::App* token_command = declare_token(app, token);
  const CLI::App* thesaurus_command = declare_thesaurus(app, thesaurus);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  if (sync_command->parsed()) return run_sync(sync);
  if (thesaurus_command->parsed()) return run_thesaurus(thesaurus);
  if (token_command->parsed()) return run_token(token);
  if (add.index_dir.empty() || add.files.empty()) {
    std::cerr << app.help() << "\ntec-index : --index et au moins un fichier sont requis\n";
    return 2;
  }
  return run_add(add);
}
