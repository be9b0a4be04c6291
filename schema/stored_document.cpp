// Encoding and decoding of the document data described in stored_document.h.
#include "schema/stored_document.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "schema/json_members.h"

namespace tec::schema {

std::string StoredDocument::encode() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("resource");
  writer.RawValue(resource_json.data(), resource_json.size(), rapidjson::kObjectType);
  if (!body_text_is_body) {
    writer.Key("body_text");
    writer.String(body_text.data(), static_cast<rapidjson::SizeType>(body_text.size()));
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

const rapidjson::Value* StoredDocument::parse_record(const std::string& data, rapidjson::Document& document) {
  document.Parse(data.data(), data.size());
  if (document.HasParseError() || !document.IsObject()) return nullptr;
  const auto resource = document.FindMember("resource");
  if (resource == document.MemberEnd() || !resource->value.IsObject()) return nullptr;
  return &resource->value;
}

std::optional<StoredDocument> StoredDocument::decode(const std::string& data) {
  rapidjson::Document doc;
  const rapidjson::Value* record = parse_record(data, doc);
  if (!record) return std::nullopt;
  StoredDocument stored;
  stored.id = string_member(*record, "id");
  stored.source = string_member(*record, "source");
  stored.type = string_member(*record, "type");
  stored.title = string_member(*record, "title");
  stored.summary = string_member(*record, "summary");
  stored.url = string_member(*record, "url");
  const bool own_body_text = doc.HasMember("body_text");
  stored.body_text = string_member(own_body_text ? doc : *record, own_body_text ? "body_text" : "body");
  return stored;
}

std::optional<std::string> StoredDocument::record_json(const std::string& data) {
  rapidjson::Document doc;
  const rapidjson::Value* record = parse_record(data, doc);
  if (!record) return std::nullopt;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  record->Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace tec::schema
