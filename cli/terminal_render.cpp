// Terminal rendering: ANSI escapes only when asked (a terminal, NO_COLOR
// unset or empty).
#include "cli/terminal_render.h"

#include <algorithm>
#include <cstdio>

namespace tec::cli {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kDim = "\033[2m";
constexpr const char* kBlue = "\033[34m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kHighlight = "\033[1;33m";
constexpr const char* kReset = "\033[0m";

std::string paint(const std::string& text, const char* code, const Style& style) {
  return style.colour ? code + text + kReset : text;
}

std::string str(const rapidjson::Value& object, const char* name) {
  const auto it = object.FindMember(name);
  return it != object.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

std::string type_label(const std::string& type) {
  if (type == "methode") return "Méthode";
  if (type == "outil") return "Outil";
  if (type == "guide") return "Guide";
  if (type == "retour_experience") return "Retour d'expérience";
  if (type == "atelier") return "Atelier";
  if (type == "formation") return "Formation";
  if (type == "acteur") return "Acteur";
  if (type == "financement") return "Financement";
  return type;
}

std::string score_text(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", score);
  return text;
}

// "1 ressource", "1 014 ressources", then "page 2 sur 102" when there are
// more than one; the server serves pages 1 to 1,000 only.
std::string count_line(const rapidjson::Value& response) {
  const std::uint64_t total = response["total"].GetUint64();
  std::string line = thousands(total) + (total > 1 ? " ressources" : " ressource");
  const std::uint64_t per_page = response["per_page"].GetUint64();
  const std::uint64_t pages = std::min<std::uint64_t>((total + per_page - 1) / per_page, 1000);
  if (pages > 1) line += " · page " + thousands(response["page"].GetUint64()) + " sur " + thousands(pages);
  return line;
}

// The words the search left out, in one line, or nothing when it left none:
// "mots ignorés : de (mot vide), la (mot vide)".
std::string ignored_line(const rapidjson::Value& response) {
  if (!response.HasMember("ignored") || !response["ignored"].IsArray() || response["ignored"].Empty()) return {};
  const auto& ignored = response["ignored"];
  std::string out = ignored.Size() == 1 ? "mot ignoré : " : "mots ignorés : ";
  for (rapidjson::SizeType i = 0; i < ignored.Size(); ++i) {
    const std::string reason = str(ignored[i], "reason");
    if (i > 0) out += ", ";
    out += str(ignored[i], "word") + " (" +
           (reason == "trop_long"  ? "trop long"
            : reason == "mot_vide" ? "mot vide"
                                   : reason) +
           ")";
  }
  return out;
}

}  // namespace

bool colour_wanted(bool is_terminal, const char* no_color) {
  return is_terminal && (no_color == nullptr || *no_color == '\0');
}

std::string thousands(std::uint64_t number) {
  const std::string digits = std::to_string(number);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202F";
    out += digits[i];
  }
  return out;
}

std::string from_marked_html(std::string_view html, const Style& style) {
  static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    if (html.substr(i, 6) == "<mark>") {
      if (style.colour) out += kHighlight;
      i += 6;
      continue;
    }
    if (html.substr(i, 7) == "</mark>") {
      if (style.colour) out += kReset;
      i += 7;
      continue;
    }
    bool replaced = false;
    if (html[i] == '&') {
      for (const auto& [entity, text] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out += text;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += html[i++];
  }
  return out;
}

std::string render_search(const rapidjson::Value& response, const Style& style) {
  std::string out;
  if (response.HasMember("corrected_query") && response["corrected_query"].IsString()) {
    out += paint("Essayez avec : " + std::string(response["corrected_query"].GetString()), kDim, style) + "\n";
  }
  if (const std::string ignored = ignored_line(response); !ignored.empty()) out += paint(ignored, kDim, style) + "\n";
  const auto& results = response["results"];
  out += paint(count_line(response), kBold, style) + "\n\n";
  unsigned rank = (response["page"].GetUint() - 1) * response["per_page"].GetUint();
  for (const auto& hit : results.GetArray()) {
    out += paint(std::to_string(++rank) + ".", kDim, style) + " " +
           paint(from_marked_html(str(hit, "title_html"), style), kBold, style) + "\n";
    out += "   " + paint(type_label(str(hit, "type")) + " · " + str(hit, "source"), kBlue, style) + "\n";
    const std::string snippet = from_marked_html(str(hit, "snippet"), style);
    if (!snippet.empty()) out += "   " + snippet + "\n";
    out += "   " + paint(str(hit, "url"), kDim, style) + "\n\n";
  }
  return out;
}

std::string render_recommendation(const rapidjson::Value& response, const Style& style) {
  std::string out;
  const auto& profile = response["profile"];
  std::string who = str(profile, "name").empty() ? str(profile, "territory_type") : str(profile, "name");
  if (profile["population"].IsUint64()) who += " · " + thousands(profile["population"].GetUint64()) + " habitants";
  if (!str(profile, "departement_name").empty()) who += " · " + str(profile, "departement_name");
  if (!str(profile, "epci_name").empty()) who += " · " + str(profile, "epci_name");
  out += paint(who, kBold, style) + "\n\n";
  const auto list = [&](const char* key, const char* title) {
    out += paint(title, kBold, style) + "\n";
    if (response[key].Empty()) out += "   (aucune)\n";
    unsigned rank = 0;
    for (const auto& item : response[key].GetArray()) {
      out += paint(std::to_string(++rank) + ".", kDim, style) + " " + paint(str(item, "title"), kBold, style) + "  " +
             paint(type_label(str(item, "type")) + " · " + str(item, "source") + " · score " +
                       score_text(item["score"].GetDouble()),
                   kBlue, style) +
             "\n";
      for (const auto& reason : item["reasons"].GetArray()) out += "   – " + std::string(reason.GetString()) + "\n";
      out += "   " + paint(str(item, "url"), kDim, style) + "\n";
    }
    out += "\n";
  };
  list("resources", "Ressources recommandées");
  list("workshops", "Ateliers et formations à venir");
  return out;
}

std::string render_error(const rapidjson::Value& response, int status, const Style& style) {
  std::string message = "HTTP " + std::to_string(status);
  if (response.IsObject() && response.HasMember("error") && response["error"].IsObject()) {
    message += " : " + str(response["error"], "message");
  }
  return paint("tec-search : " + message, kRed, style) + "\n";
}

}  // namespace tec::cli
