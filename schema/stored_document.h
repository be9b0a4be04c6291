// The document data of a tec-search index: what is stored with each Xapian
// document and returned to clients. A JSON object:
//   {"resource": {...the feed record as accepted, `source` filled in...},
//    "body_text": "the body as plain text, HTML removed"}
// The record keeps fields unknown to the schema; body_text feeds snippets
// without parsing HTML again at query time.
#pragma once

#include <optional>
#include <string>

#include <rapidjson/document.h>

namespace tec::schema {

struct StoredDocument {
  std::string resource_json;  // the record, serialised JSON object
  std::string body_text;

  // Read from the record by decode(), for result lists; encode() ignores them.
  std::string id, source, type, title, summary, url;

  std::string encode() const;
  // nullopt when `data` is not a stored document (not written by tec-index).
  static std::optional<StoredDocument> decode(const std::string& data);
  // The record inside `data`, parsed into `document`; nullptr when `data` is
  // not a stored document. For readers of more fields than decode() gives,
  // which would otherwise parse the record a second time.
  static const rapidjson::Value* parse_record(const std::string& data, rapidjson::Document& document);
};

}  // namespace tec::schema
