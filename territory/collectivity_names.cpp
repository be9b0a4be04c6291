// resolve_collectivity_name: the designation's leading words tell the kind
// (commune, EPCI, département, région), the rest is the name, compared as
// Territories::name_key does (accents, case, hyphens and apostrophes aside).
#include "territory/collectivity_names.h"

#include <array>
#include <string>
#include <vector>

namespace tec::territory {
namespace {

struct Designation {
  std::string_view words;  // name_key form, followed by the name
  TerritoryKind kind;
  std::string_view epci_prefix;  // EPCI: the abbreviation epci.tsv names start with
};

// Longest first where one begins another.
constexpr std::array<Designation, 14> kDesignations = {{
    {"centre communal d action sociale", TerritoryKind::Commune, ""},
    {"commune", TerritoryKind::Commune, ""},
    {"mairie", TerritoryKind::Commune, ""},
    {"maire", TerritoryKind::Commune, ""},
    {"ville", TerritoryKind::Commune, ""},
    {"ccas", TerritoryKind::Commune, ""},
    {"conseil departemental", TerritoryKind::Departement, ""},
    {"departement", TerritoryKind::Departement, ""},
    {"conseil regional", TerritoryKind::Region, ""},
    {"region", TerritoryKind::Region, ""},
    {"communaute de communes", TerritoryKind::Epci, "cc"},
    {"communaute d agglomeration", TerritoryKind::Epci, "ca"},
    {"communaute urbaine", TerritoryKind::Epci, "cu"},
    {"communaute de l agglomeration", TerritoryKind::Epci, "ca"},
}};

constexpr std::array<std::string_view, 8> kLittleWords = {"de", "du", "des", "d", "la", "le", "les", "l"};

bool little(std::string_view word) {
  for (std::string_view w : kLittleWords) {
    if (w == word) return true;
  }
  return false;
}

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start < key.size();) {
    const std::size_t space = key.find(' ', start);
    words.push_back(key.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start));
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
  return words;
}

// The key without its little words: "ca de nimes metropole" and "ca nimes
// metropole" name the same EPCI.
std::string loose(std::string_view key) {
  std::string out;
  for (std::string_view word : words_of(key)) {
    if (little(word)) continue;
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

// "de la reunion" -> "reunion": the name after the designation's articles.
std::string_view strip_articles(std::string_view rest) {
  for (;;) {
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos || !little(rest.substr(0, space))) return rest;
    rest.remove_prefix(space + 1);
  }
}

const Territory* pick(const std::vector<const Territory*>& found, std::string_view departement, bool strict_place) {
  std::vector<const Territory*> placed;
  for (const Territory* t : found) {
    if (departement.empty() || t->departement == departement) placed.push_back(t);
  }
  if (placed.size() == 1) return placed.front();
  if (placed.empty() && !strict_place && found.size() == 1) return found.front();
  return nullptr;
}

const Territory* named(const Territories& territories, TerritoryKind kind, std::string_view name,
                       std::string_view departement) {
  // "Conseil régional de la Réunion": the name may keep its article ("La
  // Réunion"), tried only when the bare name is nobody's ("Bailleul" is not
  // "Le Bailleul").
  const std::string_view hint = kind == TerritoryKind::Commune ? departement : "";
  for (std::string_view article : {"", "la ", "le ", "les ", "l "}) {
    const auto found = territories.find_name(kind, std::string(article) + std::string(name));
    if (!found.empty()) return pick(found, hint, kind == TerritoryKind::Commune);
  }
  return nullptr;
}

const Territory* epci_named(const Territories& territories, std::string_view key, std::string_view departement) {
  const std::string wanted = loose(key);
  std::vector<const Territory*> found;
  for (const Territory* t : territories.complete(std::string(words_of(key).back()), 10000, TerritoryKind::Epci)) {
    if (loose(Territories::name_key(t->name)) == wanted) found.push_back(t);
  }
  return pick(found, departement, false);
}

}  // namespace

const Territory* resolve_collectivity_name(const Territories& territories, std::string_view text,
                                           std::string_view departement) {
  std::string plain(text);
  // Typographic apostrophes ("Ville d’Angers") separate words as ' does.
  for (std::size_t at = plain.find("\u2019"); at != std::string::npos; at = plain.find("\u2019", at))
    plain.replace(at, 3, "'");
  const std::string key = Territories::name_key(plain);
  if (key.empty()) return nullptr;
  for (const Designation& d : kDesignations) {
    if (!key.starts_with(d.words) || key.size() <= d.words.size() || key[d.words.size()] != ' ') continue;
    const std::string_view rest = std::string_view(key).substr(d.words.size() + 1);
    if (d.kind == TerritoryKind::Epci)
      return epci_named(territories, std::string(d.epci_prefix) + " " + std::string(rest), departement);
    return named(territories, d.kind, strip_articles(rest), departement);
  }
  // Without a designation: an EPCI named in full ("Bordeaux Métropole").
  return epci_named(territories, key, departement);
}

}  // namespace tec::territory
