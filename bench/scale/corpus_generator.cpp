// tec-gen-corpus: a deterministic French corpus of any size for the scale
// benchmarks, built from the bundled corpus's own material: titles recombined
// from its title words, bodies from its sentences, and its themes, types,
// levels, audiences, territories, population ranges and sessions in the same
// proportions. Same seed and count, same bytes, on any machine: the random
// generator is SplitMix64 and every draw is plain integer arithmetic.
//   tec-gen-corpus --count 100000 [--seed 42] [--corpus corpus/resources] > gen.jsonl
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n > 0 (the modulo bias is below 2^-40 for our sizes).
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class T>
  const T& pick(const std::vector<T>& values) {
    return values[below(values.size())];
  }

 private:
  std::uint64_t state_;
};

// What the bundled corpus offers to recombine.
struct Material {
  std::vector<std::vector<std::string>> title_words;  // each title, as words
  std::vector<std::string> title_vocabulary;
  std::vector<std::string> sentences;
  std::vector<std::string> summaries;
  std::vector<std::size_t> body_sentence_counts;
  std::vector<std::string> types;  // one entry per resource: the type distribution
  std::vector<std::vector<std::string>> themes, levels, audiences, territory_types, territories;
  std::vector<std::pair<std::int64_t, std::int64_t>> population_ranges;  // -1 when absent
  std::vector<std::string> session_departements;
};

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

std::vector<std::string> split_sentences(const std::string& body) {
  std::vector<std::string> sentences;
  std::string current;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '\n' || c == '<') {
      if (c == '<') i = body.find('>', i) == std::string::npos ? body.size() : body.find('>', i);
      current += ' ';
      continue;
    }
    current += c;
    if ((c == '.' || c == '?' || c == '!') && (i + 1 == body.size() || body[i + 1] == ' ' || body[i + 1] == '\n')) {
      const auto first = current.find_first_not_of(' ');
      if (first != std::string::npos && current.size() - first > 30) sentences.push_back(current.substr(first));
      current.clear();
    }
  }
  return sentences;
}

std::vector<std::string> strings(const rapidjson::Value& record, const char* name) {
  std::vector<std::string> out;
  if (!record.HasMember(name) || !record[name].IsArray()) return out;
  for (const auto& item : record[name].GetArray()) {
    if (item.IsString()) out.emplace_back(item.GetString());
  }
  return out;
}

Material read_material(const std::filesystem::path& folder) {
  Material m;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::set<std::string> vocabulary;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      rapidjson::Document record;
      record.Parse(line.c_str());
      if (record.HasParseError() || !record.IsObject()) continue;
      const std::string title = record["title"].GetString();
      m.title_words.push_back(split_words(title));
      for (const std::string& word : m.title_words.back()) vocabulary.insert(word);
      if (record.HasMember("summary")) m.summaries.emplace_back(record["summary"].GetString());
      const auto sentences = split_sentences(record.HasMember("body") ? record["body"].GetString() : "");
      m.body_sentence_counts.push_back(sentences.size());
      m.sentences.insert(m.sentences.end(), sentences.begin(), sentences.end());
      m.types.emplace_back(record["type"].GetString());
      m.themes.push_back(strings(record, "themes"));
      m.levels.push_back(strings(record, "participation_levels"));
      m.audiences.push_back(strings(record, "audiences"));
      m.territory_types.push_back(strings(record, "territory_types"));
      m.territories.push_back(strings(record, "territories"));
      m.population_ranges.emplace_back(record.HasMember("population_min") ? record["population_min"].GetInt64() : -1,
                                       record.HasMember("population_max") ? record["population_max"].GetInt64() : -1);
      if (record.HasMember("sessions")) {
        for (const auto& session : record["sessions"].GetArray()) {
          if (session.HasMember("department") && session["department"].IsString())
            m.session_departements.emplace_back(session["department"].GetString());
        }
      }
    }
  }
  m.title_vocabulary.assign(vocabulary.begin(), vocabulary.end());
  return m;
}

std::string two_digits(std::size_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string date(SplitMix64& random, int first_year, int years) {
  return std::to_string(first_year + static_cast<int>(random.below(static_cast<std::size_t>(years)))) + "-" +
         two_digits(1 + random.below(12)) + "-" + two_digits(1 + random.below(28));
}

const char* kSources[] = {"anct", "democratie-ouverte", "decider-ensemble", "icpc", "banque-des-territoires"};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Génère un corpus français déterministe pour les bancs d'essai de montée en charge."};
  std::size_t count = 10000;
  std::uint64_t seed = 42;
  std::string corpus = "corpus/resources", only_source;
  app.add_option("--count", count, "Nombre de ressources")->capture_default_str();
  app.add_option("--seed", seed, "Graine")->capture_default_str();
  app.add_option("--corpus", corpus, "Corpus dont reprendre la matière")->capture_default_str();
  app.add_option("--source", only_source,
                 "Une seule source pour toutes les ressources (flux d'un partenaire, pour tec-index sync)");
  CLI11_PARSE(app, argc, argv);

  const Material m = read_material(corpus);
  if (m.types.empty()) {
    std::cerr << corpus << " : aucune ressource lue\n";
    return 2;
  }
  SplitMix64 random(seed);
  std::ios::sync_with_stdio(false);
  for (std::size_t i = 0; i < count; ++i) {
    // A model resource lends its type and targeting together, so that they
    // stay as consistent as in the real corpus.
    const std::size_t model = random.below(m.types.size());
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    const auto put = [&](const char* key, const std::string& value) {
      w.Key(key);
      w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    };
    const auto put_list = [&](const char* key, const std::vector<std::string>& values) {
      if (values.empty()) return;
      w.Key(key);
      w.StartArray();
      for (const std::string& value : values) w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
      w.EndArray();
    };
    w.StartObject();
    put("id", "gen-" + std::to_string(i));
    const std::string source = kSources[random.below(std::size(kSources))];
    put("source", only_source.empty() ? source : only_source);
    put("type", m.types[model]);
    std::vector<std::string> title = random.pick(m.title_words);
    for (int swaps = 0; swaps < 2 && !title.empty(); ++swaps)
      title[random.below(title.size())] = random.pick(m.title_vocabulary);
    std::string title_text;
    for (const std::string& word : title) title_text += (title_text.empty() ? "" : " ") + word;
    put("title", title_text);
    put("summary", random.pick(m.summaries));
    std::string body;
    const std::size_t sentences = std::max<std::size_t>(3, random.pick(m.body_sentence_counts));
    for (std::size_t s = 0; s < sentences; ++s)
      body += (body.empty() ? "" : (s % 4 == 0 ? "\n\n" : " ")) + random.pick(m.sentences);
    put("body", body);
    put("url", "https://territoiresencommun.example/ressources/gen-" + std::to_string(i));
    put_list("themes", m.themes[model]);
    put_list("participation_levels", m.levels[model]);
    put_list("audiences", m.audiences[model]);
    put_list("territory_types", m.territory_types[model]);
    put_list("territories", m.territories[model]);
    if (m.population_ranges[model].first >= 0) {
      w.Key("population_min");
      w.Int64(m.population_ranges[model].first);
    }
    if (m.population_ranges[model].second >= 0) {
      w.Key("population_max");
      w.Int64(m.population_ranges[model].second);
    }
    put("published_at", date(random, 2021, 6));
    if (m.types[model] == "atelier" || m.types[model] == "formation") {
      w.Key("sessions");
      w.StartArray();
      const std::size_t sessions = 1 + random.below(3);
      for (std::size_t s = 0; s < sessions; ++s) {
        w.StartObject();
        put("start", date(random, 2026, 2) + "T" + two_digits(9 + random.below(9)) + ":00");
        const bool online = random.chance(40) || m.session_departements.empty();
        w.Key("online");
        w.Bool(online);
        if (!online) put("department", random.pick(m.session_departements));
        w.EndObject();
      }
      w.EndArray();
    }
    w.EndObject();
    std::cout.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize())) << '\n';
  }
  return 0;
}
