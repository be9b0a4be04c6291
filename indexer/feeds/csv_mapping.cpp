// CsvMapping: parsing of the mapping file and mapping of rows to records.
#include "indexer/feeds/csv_mapping.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "analysis/html_text.h"

namespace tec::indexer {
namespace {

const std::vector<std::string> kListFields = {"themes",          "participation_levels", "audiences",
                                              "territory_types", "territories",          "collectivites"};
const std::vector<std::string> kIntegerFields = {"population_min", "population_max"};
const std::vector<std::string> kDateFields = {"published_at", "updated_at"};

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> strings_of(const rapidjson::Value& value, const std::string& what) {
  std::vector<std::string> out;
  if (value.IsString()) {
    out.emplace_back(value.GetString());
  } else if (value.IsArray()) {
    for (const auto& item : value.GetArray()) {
      if (!item.IsString()) throw std::runtime_error(what + " : noms de colonnes attendus");
      out.emplace_back(item.GetString());
    }
  } else {
    throw std::runtime_error(what + " : nom de colonne ou liste de colonnes attendu");
  }
  return out;
}

}  // namespace

CsvMapping CsvMapping::parse(std::string_view json, const std::string& name) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject())
    throw std::runtime_error(name + " : correspondance CSV qui n'est pas un objet JSON");
  CsvMapping mapping;
  if (const auto it = doc.FindMember("delimiter"); it != doc.MemberEnd()) {
    if (!it->value.IsString() || it->value.GetStringLength() != 1)
      throw std::runtime_error(name + " : delimiter doit être un caractère");
    mapping.delimiter_ = it->value.GetString()[0];
  }
  if (const auto it = doc.FindMember("list_separator"); it != doc.MemberEnd()) {
    if (!it->value.IsString() || it->value.GetStringLength() == 0)
      throw std::runtime_error(name + " : list_separator vide");
    mapping.list_separator_ = it->value.GetString();
  }
  if (const auto it = doc.FindMember("html_columns"); it != doc.MemberEnd()) {
    mapping.html_column_names_ = strings_of(it->value, name + " : html_columns");
  }
  if (const auto it = doc.FindMember("constants"); it != doc.MemberEnd()) {
    if (!it->value.IsObject()) throw std::runtime_error(name + " : constants doit être un objet");
    for (const auto& member : it->value.GetObject()) {
      if (!member.value.IsString())
        throw std::runtime_error(name + " : constants." + member.name.GetString() + " doit être une chaîne");
      mapping.constants_[member.name.GetString()] = member.value.GetString();
    }
  }
  const auto fields = doc.FindMember("fields");
  if (fields == doc.MemberEnd() || !fields->value.IsObject())
    throw std::runtime_error(name + " : objet fields manquant");
  for (const auto& member : fields->value.GetObject()) {
    Field field;
    field.name = member.name.GetString();
    const std::string what = name + " : fields." + field.name;
    if (member.value.IsObject()) {
      const auto column = member.value.FindMember("column");
      const auto columns = member.value.FindMember("columns");
      if (column != member.value.MemberEnd()) field.columns = strings_of(column->value, what);
      else if (columns != member.value.MemberEnd()) field.columns = strings_of(columns->value, what);
      else throw std::runtime_error(what + " : column ou columns manquant");
      if (const auto values = member.value.FindMember("values"); values != member.value.MemberEnd()) {
        if (!values->value.IsObject()) throw std::runtime_error(what + ".values doit être un objet");
        for (const auto& v : values->value.GetObject()) {
          if (!v.value.IsString()) throw std::runtime_error(what + ".values : chaînes attendues");
          field.values[v.name.GetString()] = v.value.GetString();
        }
      }
    } else {
      field.columns = strings_of(member.value, what);
    }
    if (contains(kListFields, field.name)) field.kind = Kind::List;
    else if (contains(kIntegerFields, field.name)) field.kind = Kind::Integer;
    else if (contains(kDateFields, field.name)) field.kind = Kind::Date;
    if (field.kind != Kind::List && field.columns.size() > 1)
      throw std::runtime_error(what + " : une seule colonne pour un champ qui n'est pas une liste");
    mapping.fields_.push_back(std::move(field));
  }
  if (std::none_of(mapping.fields_.begin(), mapping.fields_.end(), [](const Field& f) { return f.name == "id"; })) {
    throw std::runtime_error(name + " : aucune colonne pour id");
  }
  return mapping;
}

CsvMapping CsvMapping::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("impossible de lire la correspondance CSV " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path);
}

void CsvMapping::bind(const std::vector<std::string>& header) {
  header_.clear();
  for (const std::string& name : header) header_.push_back(trim(name));
  const auto index_of = [&](const std::string& column) {
    const auto it = std::find(header_.begin(), header_.end(), column);
    if (it == header_.end()) throw std::runtime_error("colonne « " + column + " » absente de l'en-tête CSV");
    return static_cast<std::size_t>(it - header_.begin());
  };
  for (Field& field : fields_) {
    field.indexes.clear();
    for (const std::string& column : field.columns) field.indexes.push_back(index_of(column));
  }
  html_columns_.assign(header_.size(), false);
  for (const std::string& column : html_column_names_) html_columns_[index_of(column)] = true;
}

bool CsvMapping::record_json(const std::vector<std::string>& row, std::string& json, std::string& error) const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const auto put_string = [&](const std::string& s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); };
  w.StartObject();
  for (const auto& [name, value] : constants_) {
    if (std::any_of(fields_.begin(), fields_.end(), [&name = name](const Field& f) { return f.name == name; }))
      continue;
    w.Key(name.c_str());
    put_string(value);
  }
  for (const Field& field : fields_) {
    std::vector<std::string> values;
    for (const std::size_t index : field.indexes) {
      std::string cell = index < row.size() ? row[index] : std::string();
      if (html_columns_[index]) cell = analysis::html_to_text(cell);
      std::vector<std::string> parts;
      if (field.kind == Kind::List) {
        std::size_t start = 0;
        while (true) {
          const std::size_t stop = cell.find(list_separator_, start);
          parts.push_back(
              trim(std::string_view(cell).substr(start, stop == std::string::npos ? std::string::npos : stop - start)));
          if (stop == std::string::npos) break;
          start = stop + list_separator_.size();
        }
      } else {
        parts.push_back(trim(cell));
      }
      for (std::string& part : parts) {
        if (part.empty()) continue;
        if (!field.values.empty()) {
          const auto mapped = field.values.find(part);
          if (mapped == field.values.end()) {
            error =
                "colonne « " + header_[index] + " » : valeur « " + part + " » sans correspondance pour " + field.name;
            return false;
          }
          part = mapped->second;
        }
        if (std::find(values.begin(), values.end(), part) == values.end()) values.push_back(std::move(part));
      }
    }
    if (values.empty()) {
      const auto constant = constants_.find(field.name);
      if (constant == constants_.end()) continue;
      values.push_back(constant->second);
    }
    w.Key(field.name.c_str());
    switch (field.kind) {
      case Kind::List:
        w.StartArray();
        for (const std::string& value : values) put_string(value);
        w.EndArray();
        break;
      case Kind::Integer: {
        const std::string& text = values.front();
        if (!text.empty() && text.size() < 19 &&
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          w.Int64(std::stoll(text));
        } else {
          put_string(text);  // the validator says why it is not an integer
        }
        break;
      }
      case Kind::Date: {
        const std::string& text = values.front();
        put_string(text.size() > 10 && (text[10] == ' ' || text[10] == 'T') ? text.substr(0, 10) : text);
        break;
      }
      case Kind::Text:
        put_string(values.front());
        break;
    }
  }
  w.EndObject();
  json.assign(buffer.GetString(), buffer.GetSize());
  return true;
}

}  // namespace tec::indexer
