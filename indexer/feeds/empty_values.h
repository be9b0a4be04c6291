// EmptyValues: partner exports write "" (or null, or []) for a field they have
// no value for. In an optional field of the feed schema such a value means
// "absent": it is removed from the record before validation, and named so that
// the report can warn about it. Required fields are left alone, so an empty
// one is still an error.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace tec::indexer {

class EmptyValues {
 public:
  // Reads which fields are optional from the feed schema (`properties` not in
  // `required`, and likewise for the objects of an array field, the sessions).
  // A null that the schema allows (a session's department) is a value, kept.
  explicit EmptyValues(const rapidjson::Value& schema);

  // Removes the empty optional values of `record` (a blank or null value, an
  // empty array, a blank item of a list, a session with nothing in it) and
  // returns their paths ("url", "themes/1", "sessions/0/department").
  std::vector<std::string> remove(rapidjson::Document& record) const;

 private:
  std::set<std::string, std::less<>> optional_;
  std::set<std::string, std::less<>> null_allowed_;  // by name, at any depth
  // array field -> optional properties of its objects
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> optional_in_items_;
};

}  // namespace tec::indexer
