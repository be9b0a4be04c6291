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

// A title of the bundled corpus with two of its words swapped for others of its vocabulary.
std::string generated_title(const Material& m, SplitMix64& random) {
  std::vector<std::string> title = random.pick(m.title_words);
  for (int swaps = 0; swaps < 2 && !title.empty(); ++swaps)
    title[random.below(title.size())] = random.pick(m.title_vocabulary);
  std::string title_text;
  for (const std::string& word : title) title_text += (title_text.empty() ? "" : " ") + word;
  return title_text;
}

// As many sentences as a body of the bundled corpus holds (3 at least), a paragraph every 4.
std::string generated_body(const Material& m, SplitMix64& random) {
  std::string body;
  const std::size_t sentences = std::max<std::size_t>(3, random.pick(m.body_sentence_counts));
  for (std::size_t s = 0; s < sentences; ++s)
    body += (body.empty() ? "" : (s % 4 == 0 ? "\n\n" : " ")) + random.pick(m.sentences);
  return body;
}

// Writes the fields of one resource: strings with their length, lists only when not empty.
struct FieldWriter {
  rapidjson::Writer<rapidjson::StringBuffer>& w;

  void put(const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
  }
  void put_list(const char* key, const std::vector<std::string>& values) {
    if (values.empty()) return;
    w.Key(key);
    w.StartArray();
    for (const std::string& value : values) w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
    w.EndArray();
  }
};

// One to three sessions, online or in a département of the bundled sessions.
void put_sessions(FieldWriter& out, const Material& m, SplitMix64& random) {
  out.w.Key("sessions");
  out.w.StartArray();
  const std::size_t sessions = 1 + random.below(3);
  for (std::size_t s = 0; s < sessions; ++s) {
    out.w.StartObject();
    out.put("start", date(random, 2026, 2) + "T" + two_digits(9 + random.below(9)) + ":00");
    const bool online = random.chance(40) || m.session_departements.empty();
    out.w.Key("online");
    out.w.Bool(online);
    if (!online) out.put("department", random.pick(m.session_departements));
    out.w.EndObject();
  }
  out.w.EndArray();
}

// The i-th resource as one line of JSON (without its newline). Its draws come
// in a fixed order: the same seed gives the same bytes.
std::string generated_resource(const Material& m, SplitMix64& random, std::size_t i, const std::string& only_source) {
  // A model resource lends its type and targeting together, so that they
  // stay as consistent as in the real corpus.
  const std::size_t model = random.below(m.types.size());
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  FieldWriter out{w};
  w.StartObject();
  out.put("id", "gen-" + std::to_string(i));
  const std::string source = kSources[random.below(std::size(kSources))];
  out.put("source", only_source.empty() ? source : only_source);
  out.put("type", m.types[model]);
  out.put("title", generated_title(m, random));
  out.put("summary", random.pick(m.summaries));
  out.put("body", generated_body(m, random));
  out.put("url", "https://territoiresencommun.example/ressources/gen-" + std::to_string(i));
  out.put_list("themes", m.themes[model]);
  out.put_list("participation_levels", m.levels[model]);
  out.put_list("audiences", m.audiences[model]);
  out.put_list("territory_types", m.territory_types[model]);
  out.put_list("territories", m.territories[model]);
  if (m.population_ranges[model].first >= 0) {
    w.Key("population_min");
    w.Int64(m.population_ranges[model].first);
  }
  if (m.population_ranges[model].second >= 0) {
    w.Key("population_max");
    w.Int64(m.population_ranges[model].second);
  }
  out.put("published_at", date(random, 2021, 6));
  if (m.types[model] == "atelier" || m.types[model] == "formation") put_sessions(out, m, random);
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

// The command line.
struct Settings {
  std::size_t count = 10000;
  std::uint64_t seed = 42;
  std::string corpus = "corpus/resources", only_source;
};

void declare_options(CLI::App& app, Settings& settings) {
  app.add_option("--count", settings.count, "Nombre de ressources")->capture_default_str();
  app.add_option("--seed", settings.seed, "Graine")->capture_default_str();
  app.add_option("--corpus", settings.corpus, "Corpus dont reprendre la matière")->capture_default_str();
  app.add_option("--source", settings.only_source,
                 "Une seule source pour toutes les ressources (flux d'un partenaire, pour tec-index sync)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Génère un corpus français déterministe pour les bancs d'essai de montée en charge."};
  Settings settings;
  declare_options(app, settings);
  CLI11_PARSE(app, argc, argv);

  const Material m = read_material(settings.corpus);
  if (m.types.empty()) {
    std::cerr << settings.corpus << " : aucune ressource lue\n";
    return 2;
  }
  SplitMix64 random(settings.seed);
  std::ios::sync_with_stdio(false);
  for (std::size_t i = 0; i < settings.count; ++i) {
    const std::string line = generated_resource(m, random, i, settings.only_source);
    std::cout.write(line.data(), static_cast<std::streamsize>(line.size())) << '\n';
  }
  return 0;
}
