// CollectivityMapping: fills a JSON Lines record's `collectivites` from a
// text field that names the collectivity, for feeds that do not give codes.
// A JSON file:
//   {"departement_field": "territories",          // optional: a département hint
//    "sources": [{"field": "porteur"},             // the field's whole text
//                {"field": "body", "pattern": "Organisé par (?:la |le |l')?([^.\n]+)"}]}
// Each source is tried in order: the field's text (a string, or the first
// string of a list), or the first capture of `pattern` (ECMAScript) found in
// it, is resolved by territory::resolve_collectivity_name; the first that
// names a collectivity gives the code. A record that already has
// `collectivites`, or names none, is left as it is.
#pragma once

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "territory/territories.h"

namespace tec::indexer {

class CollectivityMapping {
 public:
  // Throws std::runtime_error naming `name` when the mapping is malformed.
  static CollectivityMapping parse(std::string_view json, const std::string& name);
  static CollectivityMapping load(const std::string& path);

  // `line` with `collectivites` filled when a source names a collectivity;
  // `line` unchanged otherwise (including when it is not a JSON object: the
  // validator reports it).
  std::string apply(const std::string& line, const territory::Territories& territories) const;

 private:
  struct Source {
    std::string field;
    bool has_pattern = false;
    std::regex pattern;
  };
  std::string departement_field_;
  std::vector<Source> sources_;
};

}  // namespace tec::indexer
