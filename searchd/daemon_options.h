// The settings of tec-searchd and their declaration as options, which the
// command line and the JSON --config file fill alike.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>

#include "searchd/http_policy.h"

namespace tec::searchd {

struct DaemonOptions {
  std::string index_dir = "var/index";
  bool replica = false;
  std::string listen = "127.0.0.1:8080";
  std::string log_level = "info", log_format = "text";
  std::string tokens_file, spool_dir = "var/spool", mappings_dir;
  std::size_t max_upload_mb = 256;
  std::string territories_dir, web_dir;  // the installed data by default
  std::size_t cache_entries = 1000;
  std::string stats_path;  // empty: beside the index folder
  HttpPolicy policy;
  // Set by declare_daemon_options: whether --territories or --web was named,
  // on the command line or in the file, once parsed.
  const CLI::Option* territories_option = nullptr;
  const CLI::Option* web_option = nullptr;

  bool territories_named() const { return territories_option->count() > 0; }
  bool web_named() const { return web_option->count() > 0; }
};

// Declares --config and every option of `app`, filling `options` when parsed.
void declare_daemon_options(CLI::App& app, DaemonOptions& options);

}  // namespace tec::searchd
