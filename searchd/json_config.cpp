// JSON configuration through RapidJSON: scalars become one input, arrays
// several; nested objects are refused (every flag is top-level).
#include "searchd/json_config.h"

#include <rapidjson/document.h>
#include <rapidjson/error/error.h>
#include <rapidjson/istreamwrapper.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include "analysis/json_errors.h"

namespace tec::searchd {
namespace {

std::string scalar_text(const rapidjson::Value& value, const std::string& key) {
  if (value.IsString()) return {value.GetString(), value.GetStringLength()};
  if (value.IsBool()) return value.GetBool() ? "true" : "false";
  if (value.IsInt64()) return std::to_string(value.GetInt64());
  if (value.IsUint64()) return std::to_string(value.GetUint64());
  if (value.IsDouble()) return std::to_string(value.GetDouble());
  throw CLI::ConversionError(key, "texte, nombre ou booléen attendu");
}

}  // namespace

std::vector<CLI::ConfigItem> JsonConfig::from_config(std::istream& input) const {
  rapidjson::IStreamWrapper stream(input);
  rapidjson::Document doc;
  doc.ParseStream(stream);
  if (doc.HasParseError()) {
    throw CLI::ParseError("fichier de configuration : JSON invalide à l'octet " + std::to_string(doc.GetErrorOffset()) +
                              " (" + analysis::json_parse_error_fr(doc.GetParseError()) + ")",
                          CLI::ExitCodes::ConfigError);
  }
  if (!doc.IsObject())
    throw CLI::ParseError("fichier de configuration : objet JSON attendu", CLI::ExitCodes::ConfigError);
  std::vector<CLI::ConfigItem> items;
  for (const auto& member : doc.GetObject()) {
    CLI::ConfigItem item;
    item.name.assign(member.name.GetString(), member.name.GetStringLength());
    // CLI11 would skip a key that names no option: a misspelt setting would
    // silently keep its default.
    const CLI::Option* option = app_.get_option_no_throw("--" + item.name);
    if (!option || !option->get_configurable()) {
      throw CLI::ParseError(
          "fichier de configuration : option inconnue « " + item.name + " » (voir tec-searchd --help)",
          CLI::ExitCodes::ConfigError);
    }
    if (member.value.IsNull()) continue;
    if (member.value.IsArray()) {
      for (const auto& element : member.value.GetArray()) item.inputs.push_back(scalar_text(element, item.name));
    } else {
      item.inputs.push_back(scalar_text(member.value, item.name));
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::string JsonConfig::to_config(const CLI::App* app, bool default_also, bool, std::string) const {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const CLI::Option* option : app->get_options()) {
    if (option->get_lnames().empty() || !option->get_configurable()) continue;
    std::vector<std::string> values = option->results();
    if (values.empty() && default_also && !option->get_default_str().empty())
      values.push_back(option->get_default_str());
    if (values.empty()) continue;
    writer.Key(option->get_lnames().front().c_str());
    if (option->get_items_expected_max() > 1) {
      writer.StartArray();
      for (const std::string& value : values) writer.String(value.c_str());
      writer.EndArray();
    } else {
      writer.String(values.front().c_str());
    }
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace tec::searchd
