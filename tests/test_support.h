// Helpers shared by the tests: temporary folders, feed files, small indexes.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tec::test_support {

// A fresh directory removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& child = "") const { return (path_ / child).string(); }

 private:
  std::filesystem::path path_;
};

std::string write_file(const std::filesystem::path& path, const std::string& content);
std::string read_file(const std::filesystem::path& path);

std::filesystem::path source_dir();
// ../shared beside the project root, or empty when this checkout has none.
std::filesystem::path shared_dir();
// The feed of test resources written for the tests (tests/data/test_corpus.jsonl).
std::string test_corpus_path();
// The bundled resource base's feed files (corpus/resources/*.jsonl), sorted.
std::vector<std::string> bundled_corpus_files();
// The text of the bundled feed files, then of the real French feeds
// (../shared/data/fr) when this checkout has them: for tests over real text.
std::vector<std::string> real_feed_texts();
// Resources written for the recommender's tests: each hard rule, past and
// upcoming sessions (tests/data/recommend_corpus.jsonl).
std::string recommend_corpus_path();

// Indexes `files` into `index_dir` with the library (not the binary), with the
// bundled thesaurus, and commits; returns the number of rejected lines.
std::size_t index_files(const std::string& index_dir, const std::vector<std::string>& files);

}  // namespace tec::test_support
