// tec-search: search and recommendations from a terminal, against a running
// tec-searchd.
//   tec-search "jury citoyen"
//   tec-search --recommend --insee 34164 --theme "éclairage public"
#include <httplib.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/arguments.h"
#include "cli/terminal_render.h"

namespace {

void add_repeated(httplib::Params& params, const char* name, const std::vector<std::string>& values) {
  for (const std::string& value : values) params.emplace(name, value);
}

// The route and query parameters of the request the arguments ask for.
std::pair<std::string, httplib::Params> request_for(const tec::cli::Arguments& a) {
  std::string text;
  for (const std::string& word : a.words) text += (text.empty() ? "" : " ") + word;
  httplib::Params params;
  if (a.recommend) {
    for (const auto& [name, value] : {std::pair{"insee", a.insee},
                                      {"siren", a.siren},
                                      {"departement", a.departement},
                                      {"region", a.region},
                                      {"participation_level", a.level},
                                      {"maturity", a.maturity},
                                      {"now", a.now}}) {
      if (!value.empty()) params.emplace(name, value);
    }
    if (!a.need.empty() || !text.empty()) params.emplace("need", a.need.empty() ? text : a.need);
    add_repeated(params, "themes", a.themes);
    add_repeated(params, "audiences", a.audiences);
    return {"/v1/recommend", params};
  }
  params.emplace("q", text);
  params.emplace("per_page", std::to_string(a.per_page));
  params.emplace("page", std::to_string(a.page));
  add_repeated(params, "theme", a.themes);
  add_repeated(params, "type", a.types);
  add_repeated(params, "audience", a.audiences);
  return {"/v1/search", params};
}

}  // namespace

int main(int argc, char** argv) {
  const char* env_server = std::getenv("TEC_SEARCH_URL");
  const tec::cli::ParsedArguments parsed = tec::cli::parse_arguments(std::vector<std::string>(argv + 1, argv + argc),
                                                                     env_server ? env_server : "http://127.0.0.1:8080");
  if (parsed.outcome == tec::cli::ParsedArguments::Outcome::Help) {
    std::cout << parsed.text;
    return 0;
  }
  if (parsed.outcome == tec::cli::ParsedArguments::Outcome::UsageError) {
    std::cerr << "tec-search : " << parsed.text << "\nAide : tec-search --help\n";
    return 2;
  }
  const tec::cli::Arguments& a = parsed.arguments;
  const auto [path, params] = request_for(a);

  const tec::cli::Style style{tec::cli::colour_wanted(isatty(STDOUT_FILENO), std::getenv("NO_COLOR"))};
  httplib::Client client(a.server);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  const auto result = client.Get(path.c_str(), params, httplib::Headers{}, httplib::Progress{});
  if (!result) {
    std::cerr << "tec-search : " << a.server << " ne répond pas (" << httplib::to_string(result.error()) << ")\n";
    return 3;
  }
  if (a.raw_json) {
    std::cout << result->body << "\n";
    return result->status == 200 ? 0 : 1;
  }
  rapidjson::Document doc;
  doc.Parse(result->body.c_str());
  if (result->status != 200 || doc.HasParseError() || !doc.IsObject()) {
    std::cerr << tec::cli::render_error(doc, result->status, style);
    return 1;
  }
  std::cout << (a.recommend ? tec::cli::render_recommendation(doc, style) : tec::cli::render_search(doc, style));
  return 0;
}
