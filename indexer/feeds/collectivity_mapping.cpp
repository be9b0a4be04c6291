// CollectivityMapping implementation with RapidJSON and std::regex.
#include "indexer/feeds/collectivity_mapping.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "territory/collectivity_names.h"

namespace tec::indexer {
namespace {

// A string field, or the first string of a list field; empty otherwise.
std::string text_of(const rapidjson::Value& record, const std::string& field) {
  const auto it = record.FindMember(field.c_str());
  if (it == record.MemberEnd()) return {};
  const rapidjson::Value& value = it->value;
  if (value.IsString()) return {value.GetString(), value.GetStringLength()};
  if (value.IsArray() && !value.Empty() && value[0].IsString())
    return {value[0].GetString(), value[0].GetStringLength()};
  return {};
}

std::string code_of(const territory::Territory& t) {
  return t.kind == territory::TerritoryKind::Region ? "r" + t.code : t.code;
}

}  // namespace

CollectivityMapping CollectivityMapping::parse(std::string_view json, const std::string& name) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  const auto fail = [&](const std::string& why) { throw std::runtime_error(name + " : " + why); };
  if (doc.HasParseError() || !doc.IsObject()) fail("objet JSON attendu");
  CollectivityMapping mapping;
  if (doc.HasMember("departement_field")) {
    if (!doc["departement_field"].IsString()) fail("departement_field : texte attendu");
    mapping.departement_field_ = doc["departement_field"].GetString();
  }
  if (!doc.HasMember("sources") || !doc["sources"].IsArray() || doc["sources"].Empty())
    fail("sources : liste non vide attendue");
  for (const auto& item : doc["sources"].GetArray()) {
    if (!item.IsObject() || !item.HasMember("field") || !item["field"].IsString())
      fail("sources : chaque source nomme son champ (field)");
    Source source{item["field"].GetString(), false, {}};
    if (item.HasMember("pattern")) {
      if (!item["pattern"].IsString()) fail("pattern : texte attendu");
      try {
        source.pattern = std::regex(item["pattern"].GetString(), std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        fail(std::string("pattern invalide : ") + e.what());
      }
      if (source.pattern.mark_count() < 1) fail("pattern : une capture attendue");
      source.has_pattern = true;
    }
    mapping.sources_.push_back(std::move(source));
  }
  return mapping;
}

CollectivityMapping CollectivityMapping::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + " : fichier illisible");
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

std::string CollectivityMapping::apply(const std::string& line, const territory::Territories& territories) const {
  rapidjson::Document record;
  record.Parse(line.data(), line.size());
  if (record.HasParseError() || !record.IsObject() || record.HasMember("collectivites")) return line;
  const std::string departement = departement_field_.empty() ? "" : text_of(record, departement_field_);
  for (const Source& source : sources_) {
    std::string text = text_of(record, source.field);
    if (source.has_pattern) {
      std::smatch match;
      if (!std::regex_search(text, match, source.pattern)) continue;
      text = match[1].str();
    }
    const territory::Territory* found = territory::resolve_collectivity_name(territories, text, departement);
    if (!found) continue;
    auto& allocator = record.GetAllocator();
    rapidjson::Value codes(rapidjson::kArrayType);
    const std::string code = code_of(*found);
    codes.PushBack(rapidjson::Value(code.c_str(), static_cast<rapidjson::SizeType>(code.size()), allocator), allocator);
    record.AddMember("collectivites", codes, allocator);
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    record.Accept(writer);
    return {buffer.GetString(), buffer.GetSize()};
  }
  return line;
}

}  // namespace tec::indexer
