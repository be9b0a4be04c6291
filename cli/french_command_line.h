// Command lines in French for every program (tec-search, tec-index,
// tec-searchd): CLI11's help labels and its parse errors, whose own texts are
// English.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace tec::cli {

// Help labels ("Usage", "Options"…) in French.
void french_labels(CLI::App& app);

// What was wrong with the command line, in French. An error whose text is
// already the program's own (a validator's, a configuration file's) keeps it.
std::string french_message(const CLI::Error& error, const CLI::App& app);

// French labels, and French errors followed by where the help is, instead of
// CLI11's "Run with --help for more information." (for App::exit).
void speak_french(CLI::App& app);

}  // namespace tec::cli
