// Resource: one validated feed record as plain C++ values, between the
// RecordValidator that makes it and the DocumentBuilder that indexes it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tec::indexer {

struct Session {
  std::string start;  // ISO 8601 date or date-time, as in the feed
  std::string end;
  std::string location;
  std::string department;
  bool online = false;
};

struct Resource {
  std::string id;
  std::string source;
  std::string type;
  std::string title;
  std::string summary;
  std::string body;  // may hold HTML
  std::string url;
  std::string language = "fr";
  std::vector<std::string> themes;
  std::vector<std::string> participation_levels;
  std::vector<std::string> audiences;
  std::vector<std::string> territory_types;
  std::vector<std::string> territories;
  std::vector<std::string> collectivites;  // codes of the collectivities that carried the project
  std::string format;
  std::string published_at;  // YYYY-MM-DD or empty
  std::string updated_at;
  std::optional<std::int64_t> population_min;
  std::optional<std::int64_t> population_max;
  std::vector<Session> sessions;

  std::string json;  // the whole record, unknown fields included, source filled in
};

}  // namespace tec::indexer
