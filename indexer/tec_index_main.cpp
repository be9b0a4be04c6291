// tec-index: adds or replaces resources of JSON Lines feeds in an index.
// Exit status: 0 all records indexed, 1 some rejected, 2 fatal error (nothing written).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/french_analyzer.h"
#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/thesaurus.h"

namespace {

// A progress line on stderr, redrawn at most ten times a second.
class ProgressBar {
 public:
  ProgressBar() : start_(std::chrono::steady_clock::now()), last_(start_) {}

  void update(std::size_t done, std::size_t total, std::size_t indexed, bool force = false) {
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::fprintf(stderr, "\r[%s%s] %3.0f %%  %zu documents  %.0f docs/s ", std::string(filled, '#').c_str(),
                 std::string(kWidth - filled, ' ').c_str(), fraction * 100, indexed,
                 seconds > 0 ? static_cast<double>(indexed) / seconds : 0.0);
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Indexe des flux de ressources (JSON Lines) dans un index tec-search."};
  std::string index_dir;
  std::string source;
  std::vector<std::string> files;
  std::string thesaurus_file;
  app.add_option("--index", index_dir, "Dossier de l'index (créé s'il n'existe pas)")->required();
  app.add_option("--source", source, "Source attribuée aux enregistrements qui n'en ont pas");
  app.add_option("--thesaurus", thesaurus_file, "Thésaurus de synonymes (par défaut : celui de corpus/thesaurus.txt, intégré)");
  app.add_option("files", files, "Fichiers JSON Lines à indexer")->required();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  const auto started = std::chrono::steady_clock::now();
  try {
    const auto synonyms = thesaurus_file.empty()
                              ? tec::indexer::parse_thesaurus(tec::indexer::bundled_thesaurus(), "thesaurus intégré")
                              : tec::indexer::parse_thesaurus(read_text_file(thesaurus_file), thesaurus_file);
    tec::analysis::FrenchAnalyzer analyzer;
    tec::indexer::IndexWriter writer(index_dir);
    tec::indexer::IngestOptions options;
    options.default_source = source;
    ProgressBar bar;
    const bool show_progress = isatty(STDERR_FILENO);
    if (show_progress) {
      options.on_progress = [&bar](std::size_t done, std::size_t total, std::size_t indexed) {
        bar.update(done, total, indexed);
      };
    }
    const tec::indexer::IngestReport report = tec::indexer::ingest(writer, analyzer, files, options);
    if (show_progress) {
      bar.update(1, 1, report.indexed, true);
      bar.finish();
    }
    for (const auto& rejected : report.rejected) std::cerr << rejected.text() << "\n";
    for (const auto& duplicate : report.duplicates) std::cerr << duplicate.text() << "\n";
    writer.replace_synonyms(synonyms, analyzer);
    writer.commit();

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("%zu enregistrements lus, %zu documents indexés, %zu rejetés, %zu doublons, en %.2f s\n",
                report.records, report.indexed, report.rejected.size(), report.duplicates.size(), seconds);
    return report.rejected.empty() ? 0 : 1;
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
