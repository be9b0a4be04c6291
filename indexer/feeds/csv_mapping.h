// CsvMapping: how the columns of a partner's CSV export become the fields of
// a feed record. A JSON file:
//   {"delimiter": ",", "list_separator": ";",
//    "html_columns": ["description"],            // HTML turned into text
//    "constants": {"type": "methode"},           // fields every record gets
//    "fields": {
//      "id": "id",                               // one column
//      "themes": ["issue_1", "issue_2"],         // several columns -> one list
//      "format": {"column": "mode", "values": {"online": "distanciel"}}}}
// List fields (themes, participation_levels, audiences, territory_types,
// territories, collectivites) also split each cell on list_separator; population bounds are
// read as integers; dates keep their first ten characters ("2019-03-02
// 10:00" -> "2019-03-02"). Empty cells leave the field out. The record then
// goes through the same RecordValidator as a JSON Lines record.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tec::indexer {

class CsvMapping {
 public:
  // Throws std::runtime_error naming `name` when the mapping is malformed.
  static CsvMapping parse(std::string_view json, const std::string& name);
  static CsvMapping load(const std::string& path);

  char delimiter() const { return delimiter_; }

  // Resolves column names against the header; throws std::runtime_error when
  // a mapped column is missing.
  void bind(const std::vector<std::string>& header);

  // The record of one CSV row as JSON text; false with `error` set when a
  // cell cannot be mapped (a value without correspondence).
  bool record_json(const std::vector<std::string>& row, std::string& json, std::string& error) const;

 private:
  enum class Kind { Text, List, Integer, Date };
  struct Field {
    std::string name;
    Kind kind = Kind::Text;
    std::vector<std::string> columns;
    std::vector<std::size_t> indexes;  // set by bind()
    std::map<std::string, std::string> values;
  };

  char delimiter_ = ',';
  std::string list_separator_ = ";";
  std::vector<std::string> html_column_names_;
  std::vector<bool> html_columns_;  // by column index, set by bind()
  std::map<std::string, std::string> constants_;
  std::vector<Field> fields_;
  std::vector<std::string> header_;
};

}  // namespace tec::indexer
