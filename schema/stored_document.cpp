// Encoding and decoding of the document data described in stored_document.h.
#include "schema/stored_document.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace tec::schema {

std::string StoredDocument::encode() const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("resource");
  writer.RawValue(resource_json.data(), resource_json.size(), rapidjson::kObjectType);
  writer.Key("body_text");
  writer.String(body_text.data(), static_cast<rapidjson::SizeType>(body_text.size()));
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
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  record->Accept(writer);
  stored.resource_json.assign(buffer.GetString(), buffer.GetSize());
  const auto field = [&](const char* name) {
    const auto member = record->FindMember(name);
    if (member == record->MemberEnd() || !member->value.IsString()) return std::string();
    return std::string(member->value.GetString(), member->value.GetStringLength());
  };
  stored.id = field("id");
  stored.source = field("source");
  stored.type = field("type");
  stored.title = field("title");
  stored.summary = field("summary");
  stored.url = field("url");
  if (const auto body = doc.FindMember("body_text"); body != doc.MemberEnd() && body->value.IsString()) {
    stored.body_text.assign(body->value.GetString(), body->value.GetStringLength());
  }
  return stored;
}

}  // namespace tec::schema
