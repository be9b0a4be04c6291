// The document data of a tec-search index: what is stored with each Xapian
// document and returned to clients. A JSON object:
//   {"resource": {...the feed record as accepted, `source` filled in...},
//    "body_text": "the body as plain text, HTML removed"}
// The record keeps fields unknown to the schema; body_text feeds snippets
// without parsing HTML again at query time. It is left out when it is the
// record's "body" as it stands (a body without markup, most of them): every
// result reads its document's data, which a second copy made twice as long.
#pragma once

#include <optional>
#include <string>

#include <rapidjson/document.h>

namespace tec::schema {

struct StoredDocument {
  // The record, serialised JSON object: written by encode(). decode() leaves
  // it empty; record_json() reads it back.
  std::string resource_json;
  std::string body_text;
  bool body_text_is_body = false;  // encode(): body_text is the record's "body", not written again

  // Read from the record by decode(), for result lists; encode() ignores them.
  std::string id, source, type, title, summary, url;

  std::string encode() const;
  // The fields of a result list and body_text, without writing the whole
  // record out again as JSON, which only the resource route returns; nullopt
  // when `data` is not a stored document (not written by tec-index).
  static std::optional<StoredDocument> decode(const std::string& data);
  // The record inside `data` as JSON; nullopt when `data` is not a stored document.
  static std::optional<std::string> record_json(const std::string& data);
  // The record inside `data`, parsed into `document`; nullptr when `data` is
  // not a stored document. For readers of more fields than decode() gives,
  // which would otherwise parse the record a second time.
  static const rapidjson::Value* parse_record(const std::string& data, rapidjson::Document& document);
};

}  // namespace tec::schema
