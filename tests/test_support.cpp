// Implementation of the shared test helpers.
#include "test_support.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "analysis/french_analyzer.h"
#include "indexer/index_writer.h"
#include "indexer/ingest.h"
#include "indexer/thesaurus.h"

namespace tec::test_support {

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() / ("tec-test-" + std::to_string(random()) + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path.string();
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::filesystem::path source_dir() { return TEC_SOURCE_DIR; }

std::filesystem::path shared_dir() {
  const std::filesystem::path shared = TEC_SHARED_DIR;
  return std::filesystem::is_directory(shared / "data") ? shared : std::filesystem::path();
}

std::string test_corpus_path() { return (source_dir() / "tests" / "data" / "test_corpus.jsonl").string(); }
std::vector<std::string> bundled_corpus_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() / "corpus" / "resources")) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> real_feed_texts() {
  std::vector<std::string> texts;
  for (const std::string& file : bundled_corpus_files()) texts.push_back(read_file(file));
  if (shared_dir().empty()) return texts;
  std::vector<std::filesystem::path> shared;
  for (const auto& entry : std::filesystem::directory_iterator(shared_dir() / "data" / "fr")) {
    if (entry.path().extension() == ".jsonl") shared.push_back(entry.path());
  }
  std::sort(shared.begin(), shared.end());
  for (const auto& file : shared) texts.push_back(read_file(file));
  return texts;
}

std::string recommend_corpus_path() { return (source_dir() / "tests" / "data" / "recommend_corpus.jsonl").string(); }

std::size_t index_files(const std::string& index_dir, const std::vector<std::string>& files) {
  analysis::FrenchAnalyzer analyzer;
  indexer::IndexWriter writer(index_dir);
  const indexer::IngestReport report = indexer::ingest(writer, analyzer, files, {});
  writer.replace_synonyms(indexer::parse_thesaurus(indexer::bundled_thesaurus(), "thesaurus"), analyzer);
  writer.commit();
  return report.rejected.size();
}

}  // namespace tec::test_support
