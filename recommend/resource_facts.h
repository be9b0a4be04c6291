// ResourceFacts: what the recommender reads of a stored resource (its
// targeting fields and sessions), parsed from the record without its body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

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

// The facts of an indexed document, from its record without body
// (schema::kSlotRecordWithoutBody), or from its data (schema/stored_document.h)
// when it was written by a layout before tec-layout-7; nullopt when it holds
// neither.
std::optional<ResourceFacts> facts_of(const Xapian::Document& document);

// Workshops and trainings are recommended by their sessions; other types are
// read.
bool is_workshop(const std::string& type);

}  // namespace tec::recommend
