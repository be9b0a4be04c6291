// The command line of tec-search: options and words in any order, and every
// usage error told in French (CLI11's own messages are English).
#pragma once

#include <string>
#include <vector>

namespace tec::cli {

struct Arguments {
  std::string server;
  std::vector<std::string> words, themes, types, audiences;
  bool recommend = false, raw_json = false;
  std::string insee, siren, departement, region, level, maturity, need, now;
  unsigned per_page = 10, page = 1;
};

struct ParsedArguments {
  enum class Outcome { Run, Help, UsageError };
  Outcome outcome = Outcome::Run;
  Arguments arguments;
  // The help text (Help) or the French error message (UsageError).
  std::string text;
};

// `args` without the program name; `default_server` is used unless --server
// is given.
ParsedArguments parse_arguments(const std::vector<std::string>& args, const std::string& default_server);

}  // namespace tec::cli
