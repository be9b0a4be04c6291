// Sync implementation: a first pass over the feed plans (hash per id), the
// plan is checked against the index and the mass-delete guard, and a second
// pass writes only what changed, in one transaction (built on a worker thread).
#include "indexer/sync.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <unordered_map>

#include "indexer/build_pipeline.h"
#include "indexer/content_hash.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "schema/index_schema.h"

namespace tec::indexer {
namespace {

struct Planned {
  std::string hash;
  std::size_t file = 0, line = 0;  // the record's last occurrence wins
};

// unique term -> content hash of the documents the source has now.
std::unordered_map<std::string, std::string> current_documents(const Xapian::Database& db, const std::string& source) {
  std::unordered_map<std::string, std::string> current;
  const std::string source_term = schema::prefixed(schema::kPrefixSource, source);
  for (auto posting = db.postlist_begin(source_term); posting != db.postlist_end(source_term); ++posting) {
    const Xapian::Document doc = db.get_document(*posting);
    auto term = doc.termlist_begin();
    term.skip_to(std::string(schema::kPrefixUniqueId));
    if (term == doc.termlist_end() || !(*term).starts_with(schema::kPrefixUniqueId)) continue;
    current.emplace(*term, doc.get_value(schema::kSlotContentHash));
  }
  return current;
}

}  // namespace

std::string utc_now(const char* format) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char text[32];
  std::strftime(text, sizeof text, format, &tm);
  return text;
}

SyncReport sync_source(const std::string& index_dir, analysis::FrenchAnalyzer& analyzer,
                       const std::vector<std::string>& files, const SyncOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  SyncReport report;
  report.source = options.source;
  report.files = files;
  report.dry_run = options.dry_run;

  std::unordered_map<std::string, Planned> planned;
  const auto plan = [&](std::size_t file, std::size_t line, const Resource& resource) {
    planned[schema::unique_term(resource.source, resource.id)] = {content_hash(resource.json), file, line};
  };
  FeedPass pass = read_feeds(files, options.mapping, options.source, plan, options.on_progress, options.context);
  report.records = pass.records;
  report.kept = pass.records - pass.rejected.size();
  for (const auto& [source, tally] : pass.sources) report.warned += tally.warned;
  if (!options.file_names.empty()) {
    report.files = options.file_names;
    for (auto* lines : {&pass.rejected, &pass.warnings, &pass.duplicates}) {
      for (LineReport& line : *lines) {
        const auto it = std::find(files.begin(), files.end(), line.file);
        if (it != files.end()) line.file = options.file_names[static_cast<std::size_t>(it - files.begin())];
      }
    }
  }
  report.rejected = std::move(pass.rejected);
  report.warnings = std::move(pass.warnings);
  report.duplicates = std::move(pass.duplicates);

  // A dry run reads the index without taking the writer's lock.
  std::unique_ptr<IndexWriter> writer;
  Xapian::Database snapshot;
  if (!options.dry_run) {
    writer = std::make_unique<IndexWriter>(index_dir, options.wait);
    snapshot = writer->database();
  } else if (std::filesystem::exists(index_dir)) {
    snapshot = Xapian::Database(index_dir);
  }
  const auto current = current_documents(snapshot, options.source);
  report.before = current.size();
  for (const auto& [key, record] : planned) {
    const auto it = current.find(key);
    if (it == current.end()) ++report.added;
    else if (it->second == record.hash) ++report.unchanged;
    else ++report.updated;
  }
  for (const auto& entry : current) report.deleted += !planned.contains(entry.first);

  const double allowed = std::floor(options.max_delete_ratio * static_cast<double>(report.before));
  if (report.deleted > 0 && static_cast<double>(report.deleted) > allowed && !options.allow_mass_delete) {
    report.refused = "synchronisation refusée : elle supprimerait " + std::to_string(report.deleted) + " des " +
                     std::to_string(report.before) + " documents de « " + options.source + " » (plus de " +
                     std::to_string(static_cast<int>(std::lround(options.max_delete_ratio * 100))) +
                     " %) ; flux tronqué ? " + options.mass_delete_override + " si c'est voulu";
  }

  if (report.applied()) {
    build_while_writing(
        [&](const EmitDocument& emit) {
          DocumentBuilder builder(analyzer);
          const auto changed = [&](std::size_t file, std::size_t line, const Resource& resource) {
            std::string key = schema::unique_term(resource.source, resource.id);
            const Planned& record = planned.at(key);
            if (record.file != file || record.line != line) return;  // an earlier duplicate
            const auto it = current.find(key);
            if (it != current.end() && it->second == record.hash) return;
            emit(std::move(key), builder.build(resource));
          };
          read_feeds(files, options.mapping, options.source, changed, {}, options.context);
        },
        [&](const std::string& key, const IndexedDocument& document) { writer->put(key, document); });
    for (const auto& entry : current) {
      if (!planned.contains(entry.first)) writer->remove(entry.first);
    }
    if (options.synonyms) writer->replace_synonyms(*options.synonyms, analyzer);
  }

  report.finished_at = utc_now();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (report.applied()) {
    report.revision = writer->database().get_revision() + 1;  // each commit adds one
    writer->set_metadata(schema::sync_metadata_key(options.source), report.json());
    writer->commit();
  }
  return report;
}

std::string SyncReport::text() const {
  std::string out;
  for (const LineReport& line : rejected) out += line.text() + "\n";
  for (const LineReport& line : warnings) out += line.warning_text() + "\n";
  for (const LineReport& line : duplicates) out += line.text() + "\n";
  out += "source « " + source + " » : " + std::to_string(records) + " enregistrements lus, " + std::to_string(added) +
         " ajoutés, " + std::to_string(updated) + " mis à jour, " + std::to_string(unchanged) + " inchangés, " +
         std::to_string(deleted) + " supprimés, " + std::to_string(rejected.size()) + " rejetés, " +
         std::to_string(duplicates.size()) + " doublons, " + std::to_string(warned) + " avec avertissement";
  char duration[32];
  std::snprintf(duration, sizeof duration, " en %.2f s", seconds);
  out += duration;
  if (!refused.empty()) out += "\n" + refused + " ; rien n'a été écrit";
  else if (dry_run) out += "\nessai à blanc (--dry-run) : rien n'a été écrit";
  return out + "\n";
}

std::string SyncReport::json() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto str = [&](const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
  };
  const auto count = [&](const char* key, std::size_t value) {
    w.Key(key);
    w.Uint64(value);
  };
  const auto lines = [&](const char* key, const std::vector<LineReport>& reports) {
    w.Key(key);
    w.StartArray();
    for (const LineReport& line : reports) {
      w.StartObject();
      str("file", line.file);
      count("line", line.line);
      str("reason", line.reason);
      w.EndObject();
    }
    w.EndArray();
  };
  w.StartObject();
  str("source", source);
  w.Key("files");
  w.StartArray();
  for (const std::string& file : files) w.String(file.c_str());
  w.EndArray();
  str("outcome", !refused.empty() ? "refusee" : dry_run ? "essai" : rejected.empty() ? "ok" : "ok_avec_rejets");
  count("records", records);
  count("before", before);
  count("added", added);
  count("updated", updated);
  count("unchanged", unchanged);
  count("deleted", deleted);
  w.Key("tally");
  w.StartObject();
  count("kept", kept);
  count("rejected", rejected.size());
  count("warned", warned);
  w.EndObject();
  lines("rejected", rejected);
  lines("warnings", warnings);
  lines("duplicates", duplicates);
  w.Key("dry_run");
  w.Bool(dry_run);
  w.Key("refused");
  if (refused.empty()) w.Null();
  else w.String(refused.c_str());
  str("finished_at", finished_at);
  w.Key("seconds");
  w.Double(seconds);
  count("revision", revision);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tec::indexer
