// ResourceFacts: what the recommender reads of a stored resource (its
// targeting fields and sessions), parsed from the document data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tec::recommend {

struct SessionFacts {
  std::string start;  // as in the feed: a date or a date-time
  std::string date;   // YYYY-MM-DD of the start
  std::string location;
  std::string departement;
  bool online = false;
  std::optional<std::int64_t> seats_left;
  std::string registration_url;
};

struct ResourceFacts {
  std::string id, source, type, title, summary, url;
  std::vector<std::string> themes, participation_levels, audiences, territory_types, territories;
  std::string format;
  std::optional<std::int64_t> population_min, population_max;
  std::vector<SessionFacts> sessions;
};

// The facts of a document's data (schema/stored_document.h), parsed once;
// nullopt when it is not a stored document.
std::optional<ResourceFacts> facts_of(const std::string& document_data);

// Workshops and trainings are recommended by their sessions; other types are
// read.
bool is_workshop(const std::string& type);

}  // namespace tec::recommend
