// RecordValidator implementation: JSON parsing, schema validation with
// readable French reasons built from the schema itself, and semantic checks.
#include "indexer/record_validator.h"

#include <rapidjson/document.h>
#include <rapidjson/error/error.h>
#include <rapidjson/pointer.h>
#include <rapidjson/schema.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <utility>
#include <vector>

#include "analysis/json_errors.h"
#include "indexer/feed_schema.h"
#include "indexer/feeds/empty_values.h"
#include "schema/json_members.h"

namespace tec::indexer {
namespace {

// Nesting depth of the JSON text, counted without parsing so that a hostile
// record cannot exhaust the stack of the recursive validator.
int nesting_depth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// Digits at text[at, at + count) as a number, or -1.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  if (text.size() < at + count) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// The schema's patterns vouch for the shape; this checks the calendar.
bool valid_calendar_date(std::string_view text) {
  const int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return false;
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return false;
  if (text.size() > 10) {
    const int hh = digits(text, 11, 2), mm = digits(text, 14, 2);
    if (hh < 0 || mm < 0 || hh > 23 || mm > 59) return false;
  }
  return true;
}

// The first string of the record holding a NUL character (JSON "\u0000"),
// as a pointer-like path, or empty. RapidJSON's pattern checks stop at a NUL,
// so such a string would slip through them.
std::string string_with_nul(const rapidjson::Value& value, const std::string& path) {
  if (value.IsString()) {
    return std::string_view(value.GetString(), value.GetStringLength()).find('\0') != std::string_view::npos ? path
                                                                                                             : "";
  }
  if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      if (std::string found = string_with_nul(value[i], path + "/" + std::to_string(i)); !found.empty()) return found;
    }
  } else if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      const std::string name(member.name.GetString(), member.name.GetStringLength());
      if (name.find('\0') != std::string::npos) return path + "/(nom de champ)";
      if (std::string found = string_with_nul(member.value, path + "/" + name); !found.empty()) return found;
    }
  }
  return "";
}

// The first item of a free-text facet list (themes, audiences) holding a
// control character, as "field/index", or empty: the index joins a
// resource's facets with control characters (schema::kListSeparator,
// schema::kFacetSeparator), so such an item would count as several.
std::string facet_item_with_control(const rapidjson::Value& record) {
  for (const char* field : {"themes", "audiences"}) {
    const auto list = record.FindMember(field);
    if (list == record.MemberEnd() || !list->value.IsArray()) continue;
    for (rapidjson::SizeType i = 0; i < list->value.Size(); ++i) {
      const rapidjson::Value& item = list->value[i];
      if (!item.IsString()) continue;
      const std::string_view text(item.GetString(), item.GetStringLength());
      if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        return std::string(field) + "/" + std::to_string(i);
      }
    }
  }
  return "";
}

// The path of a number too large for 64 bits, or "". RapidJSON's schema
// validator converts every number to a 64-bit integer to hash it, which is
// undefined beyond that range (the fuzzer's sanitizers stop there); no
// field of the feed holds such a number.
std::string oversized_number(const rapidjson::Value& value, const std::string& path) {
  if (value.IsDouble()) {
    const double d = value.GetDouble();
    return d >= 0x1p63 || d < -0x1p63 ? (path.empty() ? "enregistrement" : path) : "";
  }
  if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      const std::string name(member.name.GetString(), member.name.GetStringLength());
      if (std::string found = oversized_number(member.value, path.empty() ? name : path + "/" + name); !found.empty())
        return found;
    }
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      const std::string item = path + "/" + std::to_string(i);
      if (std::string found = oversized_number(value[i], item); !found.empty()) return found;
    }
  }
  return "";
}

std::string pointer_text(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  std::string text(buffer.GetString(), buffer.GetSize());
  if (!text.empty() && text.front() == '/') text.erase(0, 1);
  return text.empty() ? "enregistrement" : text;
}

std::string json_text(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  std::string text(buffer.GetString(), buffer.GetSize());
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

std::string list_text(const rapidjson::Value& array) {
  std::string text;
  for (const auto& item : array.GetArray()) {
    if (!text.empty()) text += ", ";
    text += item.IsString() ? item.GetString() : json_text(item);
  }
  return text;
}

const char* json_type_name(const rapidjson::Value& value) {
  if (value.IsNull()) return "null";
  if (value.IsBool()) return "booléen";
  if (value.IsObject()) return "objet";
  if (value.IsArray()) return "tableau";
  if (value.IsString()) return "chaîne";
  if (value.IsInt64() || value.IsUint64()) return "entier";
  return "nombre";
}

bool blank_source(const rapidjson::Value& source) {
  return source.IsNull() || (source.IsString() && source.GetStringLength() == 0);
}

// Sets the record's source to `default_source` where it has none (or an empty
// one); a record naming another source is refused, with the reason returned.
std::string fill_source(rapidjson::Document& record, std::string_view default_source) {
  const auto own = record.FindMember("source");
  if (own != record.MemberEnd() && own->value.IsString() && own->value.GetStringLength() > 0) {
    const std::string_view source(own->value.GetString(), own->value.GetStringLength());
    if (source == default_source) return "";
    return "source « " + std::string(source) + " » différente de la source indexée « " + std::string(default_source) +
           " »";
  }
  if (own != record.MemberEnd() && !blank_source(own->value)) return "";  // not a string: the schema says why
  if (own != record.MemberEnd()) record.EraseMember(own);
  record.AddMember("source",
                   rapidjson::Value(default_source.data(), static_cast<rapidjson::SizeType>(default_source.size()),
                                    record.GetAllocator()),
                   record.GetAllocator());
  return "";
}

// The record parsed into `record`, or why not: too deep, not JSON, not an
// object, or holding a NUL character.
std::string parse_error(std::string_view line, rapidjson::Document& record) {
  if (nesting_depth(line) > kMaxNesting) {
    return "imbrication trop profonde (plus de " + std::to_string(kMaxNesting) + " niveaux)";
  }
  record.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(line.data(), line.size());
  if (record.HasParseError()) {
    return std::string("JSON invalide à la colonne ") + std::to_string(record.GetErrorOffset() + 1) + " : " +
           analysis::json_parse_error_fr(record.GetParseError());
  }
  if (!record.IsObject()) {
    const std::string type = json_type_name(record);
    // "pas une chaîne", "pas un tableau", "pas null".
    const char* article = record.IsNull() ? "" : record.IsString() ? "une " : "un ";
    return "l'enregistrement doit être un objet JSON, pas " + (article + type);
  }
  if (const std::string field = string_with_nul(record, ""); !field.empty()) {
    return field.substr(1) + " : caractère NUL (\\u0000) interdit";
  }
  return "";
}

// The warning naming the empty values left out of the record, or empty.
std::string ignored_values_warning(const std::vector<std::string>& removed) {
  if (removed.empty()) return "";
  std::string warning = removed.size() == 1 ? "champ vide ignoré : " : "champs vides ignorés : ";
  for (std::size_t i = 0; i < removed.size(); ++i) warning += (i ? ", " : "") + removed[i];
  return warning;
}

// The fields of a schema-valid record, its sessions and JSON text aside.
Resource resource_fields(const rapidjson::Value& record) {
  using schema::string_list_member;
  using schema::string_member;
  Resource resource;
  resource.id = string_member(record, "id");
  resource.source = string_member(record, "source");
  resource.type = string_member(record, "type");
  resource.title = string_member(record, "title");
  resource.summary = string_member(record, "summary");
  resource.body = string_member(record, "body");
  resource.url = string_member(record, "url");
  if (const std::string language = string_member(record, "language"); !language.empty()) resource.language = language;
  resource.themes = string_list_member(record, "themes");
  resource.participation_levels = string_list_member(record, "participation_levels");
  resource.audiences = string_list_member(record, "audiences");
  resource.territory_types = string_list_member(record, "territory_types");
  resource.territories = string_list_member(record, "territories");
  resource.collectivites = string_list_member(record, "collectivites");
  resource.format = string_member(record, "format");
  resource.published_at = string_member(record, "published_at");
  resource.updated_at = string_member(record, "updated_at");
  resource.population_min = schema::integer_member(record, "population_min");
  resource.population_max = schema::integer_member(record, "population_max");
  return resource;
}

// What the schema cannot say of the resource's own fields: dates that exist
// in the calendar, population_min <= population_max. Empty when all hold.
std::string resource_fields_error(const Resource& resource) {
  for (const auto& [name, date] :
       {std::pair{"published_at", &resource.published_at}, std::pair{"updated_at", &resource.updated_at}}) {
    if (!date->empty() && !valid_calendar_date(*date))
      return std::string(name) + " : date inexistante « " + *date + " »";
  }
  if (resource.population_min && resource.population_max && *resource.population_max < *resource.population_min) {
    return "population_max (" + std::to_string(*resource.population_max) + ") inférieure à population_min (" +
           std::to_string(*resource.population_min) + ")";
  }
  return "";
}

// A session of a schema-valid record, or why not: dates that do not exist
// in the calendar, an end before the start. `index` names it in the reason.
std::string read_session(const rapidjson::Value& item, std::size_t index, Session& session) {
  session.start = schema::string_member(item, "start");
  session.end = schema::string_member(item, "end");
  session.location = schema::string_member(item, "location");
  session.department = schema::string_member(item, "department");
  session.online = schema::true_member(item, "online");
  for (const std::string* date : {&session.start, &session.end}) {
    if (!date->empty() && !valid_calendar_date(*date)) {
      return "sessions/" + std::to_string(index) + " : date inexistante « " + *date + " »";
    }
  }
  if (!session.end.empty() && session.end.substr(0, 16) < session.start.substr(0, 16)) {
    return "sessions/" + std::to_string(index) + " : fin avant le début";
  }
  return "";
}

// The record's sessions appended to `sessions`; the first one refused stops
// the reading, with its reason returned.
std::string read_sessions(const rapidjson::Value& record, std::vector<Session>& sessions) {
  const auto list = record.FindMember("sessions");
  if (list == record.MemberEnd()) return "";
  std::size_t index = 0;
  for (const auto& item : list->value.GetArray()) {
    Session session;
    if (std::string error = read_session(item, index, session); !error.empty()) return error;
    sessions.push_back(std::move(session));
    ++index;
  }
  return "";
}

std::string compact_json(const rapidjson::Value& record) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  record.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

struct RecordValidator::Impl {
  rapidjson::Document schema_document;
  std::unique_ptr<rapidjson::SchemaDocument> schema;
  std::unique_ptr<rapidjson::SchemaValidator> validator;
  std::unique_ptr<EmptyValues> empty_values;

  Impl() {
    schema_document.Parse(kFeedSchemaJson);
    if (schema_document.HasParseError()) throw std::logic_error("corpus/schema.json is not valid JSON");
    schema = std::make_unique<rapidjson::SchemaDocument>(schema_document);
    validator = std::make_unique<rapidjson::SchemaValidator>(*schema);
    empty_values = std::make_unique<EmptyValues>(schema_document);
  }

  // A reason a person can act on, read from the schema rule that failed.
  std::string describe_schema_error(const rapidjson::Document& record) const {
    const std::string keyword = validator->GetInvalidSchemaKeyword();
    const rapidjson::Pointer& doc_pointer = validator->GetInvalidDocumentPointer();
    const rapidjson::Value* rule = validator->GetInvalidSchemaPointer().Get(schema_document);
    const rapidjson::Value* value = doc_pointer.Get(record);
    const std::string field = pointer_text(doc_pointer);

    if (keyword == "required" && rule && value && value->IsObject()) {
      for (const auto& name : (*rule)["required"].GetArray()) {
        if (!value->HasMember(name)) return std::string("champ obligatoire manquant : ") + name.GetString();
      }
    }
    if (keyword == "type" && rule && value) {
      const rapidjson::Value& expected = (*rule)["type"];
      return field + " : type " + json_type_name(*value) + " au lieu de " +
             (expected.IsArray() ? list_text(expected) : std::string(expected.GetString()));
    }
    if (keyword == "enum" && rule && value) {
      return field + " : valeur " + json_text(*value) + " inconnue (valeurs permises : " + list_text((*rule)["enum"]) +
             ")";
    }
    if (keyword == "pattern" && rule && value) {
      return field + " : valeur " + json_text(*value) + " mal formée (motif attendu " + (*rule)["pattern"].GetString() +
             ")";
    }
    if (keyword == "minLength" && value) return field + " : valeur vide";
    if (keyword == "maxLength" && rule) {
      return field + " : valeur trop longue (maximum " + std::to_string((*rule)["maxLength"].GetUint()) +
             " caractères)";
    }
    if (keyword == "minimum" && rule && value) return field + " : valeur " + json_text(*value) + " négative";
    return field + " : ne respecte pas la règle « " + keyword + " » du schéma";
  }
};

RecordValidator::RecordValidator() : impl_(std::make_unique<Impl>()) {}
RecordValidator::~RecordValidator() = default;

ValidationOutcome RecordValidator::validate(std::string_view line, std::string_view default_source) {
  ValidationOutcome outcome;
  rapidjson::Document record;
  if (outcome.error = parse_error(line, record); !outcome.error.empty()) return outcome;

  outcome.source = schema::string_member(record, "source");
  std::vector<std::string> removed;
  if (!default_source.empty()) {
    if (outcome.source.empty()) outcome.source = default_source;
    if (record.HasMember("source") && blank_source(record["source"])) removed.emplace_back("source");
    if (outcome.error = fill_source(record, default_source); !outcome.error.empty()) return outcome;
  }
  for (std::string& path : impl_->empty_values->remove(record)) removed.push_back(std::move(path));
  outcome.warning = ignored_values_warning(removed);
  if (const std::string path = oversized_number(record, ""); !path.empty()) {
    outcome.error = path + " : nombre trop grand";
    return outcome;
  }
  impl_->validator->Reset();
  if (!record.Accept(*impl_->validator)) {
    outcome.error = impl_->describe_schema_error(record);
    return outcome;
  }
  if (const std::string item = facet_item_with_control(record); !item.empty()) {
    outcome.error = item + " : caractère de contrôle interdit (retour à la ligne, tabulation…)";
    return outcome;
  }

  Resource resource = resource_fields(record);
  if (outcome.error = resource_fields_error(resource); !outcome.error.empty()) return outcome;
  if (outcome.error = read_sessions(record, resource.sessions); !outcome.error.empty()) return outcome;
  resource.json = compact_json(record);
  outcome.resource = std::move(resource);
  return outcome;
}

}  // namespace tec::indexer
