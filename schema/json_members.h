// Readers of the members of a parsed JSON object that read a member absent
// or of another type as empty: for records the feed schema has checked
// already, at indexing or once stored in the index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rapidjson/document.h>

namespace tec::schema {

// The string member `name` of `object`; empty when absent or not a string.
std::string string_member(const rapidjson::Value& object, const char* name);
// The strings of the array member `name`, items that are not strings left
// out; empty when absent or not an array.
std::vector<std::string> string_list_member(const rapidjson::Value& object, const char* name);
// The integer member `name`; nullopt when absent or not a 64-bit integer.
std::optional<std::int64_t> integer_member(const rapidjson::Value& object, const char* name);
// True only when the member `name` is the JSON value true.
bool true_member(const rapidjson::Value& object, const char* name);

}  // namespace tec::schema
