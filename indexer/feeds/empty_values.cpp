// EmptyValues implementation: the optional fields read once from the schema,
// then each record cleaned in place.
#include "indexer/feeds/empty_values.h"

#include <algorithm>
#include <string_view>

namespace tec::indexer {
namespace {

using Names = std::set<std::string, std::less<>>;

// Whether a property's schema lists "null" among its types.
bool allows_null(const rapidjson::Value& property) {
  const auto type = property.FindMember("type");
  if (type == property.MemberEnd() || !type->value.IsArray()) return false;
  for (const auto& name : type->value.GetArray()) {
    if (name.IsString() && std::string_view(name.GetString()) == "null") return true;
  }
  return false;
}

// The properties of an object schema that `required` does not list.
Names optional_properties(const rapidjson::Value& object_schema) {
  Names optional;
  const auto properties = object_schema.FindMember("properties");
  if (properties == object_schema.MemberEnd()) return optional;
  Names required;
  if (const auto list = object_schema.FindMember("required"); list != object_schema.MemberEnd()) {
    for (const auto& name : list->value.GetArray()) required.emplace(name.GetString());
  }
  for (const auto& property : properties->value.GetObject()) {
    if (!required.contains(property.name.GetString())) optional.emplace(property.name.GetString());
  }
  return optional;
}

bool blank(const rapidjson::Value& value, bool null_allowed = false) {
  if (value.IsNull()) return !null_allowed;
  if (!value.IsString()) return false;
  const std::string_view text(value.GetString(), value.GetStringLength());
  return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// Removes the blank members of `object` named in `optional`, adding their
// paths under `prefix`; a null is kept where `null_allowed` names the member.
void remove_blank_members(rapidjson::Value& object, const Names& optional, const Names& null_allowed,
                          const std::string& prefix, std::vector<std::string>& removed) {
  for (auto member = object.MemberBegin(); member != object.MemberEnd();) {
    const std::string_view name(member->name.GetString(), member->name.GetStringLength());
    if (optional.contains(name) && blank(member->value, null_allowed.contains(name))) {
      removed.push_back(prefix + std::string(name));
      member = object.EraseMember(member);
    } else {
      ++member;
    }
  }
}

}  // namespace

EmptyValues::EmptyValues(const rapidjson::Value& schema) : optional_(optional_properties(schema)) {
  for (const auto& property : schema["properties"].GetObject()) {
    if (allows_null(property.value)) null_allowed_.emplace(property.name.GetString());
    const auto items = property.value.FindMember("items");
    if (items != property.value.MemberEnd() && items->value.HasMember("properties")) {
      optional_in_items_.emplace(property.name.GetString(), optional_properties(items->value));
      for (const auto& inner : items->value["properties"].GetObject()) {
        if (allows_null(inner.value)) null_allowed_.emplace(inner.name.GetString());
      }
    }
  }
}

std::vector<std::string> EmptyValues::remove(rapidjson::Document& record) const {
  std::vector<std::string> removed;
  remove_blank_members(record, optional_, null_allowed_, "", removed);
  for (auto member = record.MemberBegin(); member != record.MemberEnd();) {
    const std::string name(member->name.GetString(), member->name.GetStringLength());
    rapidjson::Value& value = member->value;
    if (!optional_.contains(name) || !value.IsArray()) {
      ++member;
      continue;
    }
    const auto in_items = optional_in_items_.find(name);
    // Items are numbered as the partner sent them, so the paths name the right ones.
    rapidjson::SizeType sent_index = 0;
    for (auto item = value.Begin(); item != value.End(); ++sent_index) {
      const std::string path = name + "/" + std::to_string(sent_index);
      if (item->IsObject() && in_items != optional_in_items_.end()) {
        remove_blank_members(*item, in_items->second, null_allowed_, path + "/", removed);
      }
      if (blank(*item) || (item->IsObject() && item->MemberCount() == 0)) {
        removed.push_back(path);
        item = value.Erase(item);
      } else {
        ++item;
      }
    }
    if (value.Empty()) {
      if (sent_index == 0) removed.push_back(name);
      member = record.EraseMember(member);
    } else {
      ++member;
    }
  }
  return removed;
}

}  // namespace tec::indexer
