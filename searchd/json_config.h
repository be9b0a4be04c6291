// JsonConfig: lets CLI11 read tec-searchd's configuration file as JSON, so
// every command-line flag can also be set in the file under its long name
// ({"listen": "0.0.0.0:8080", "cors-origin": ["https://…"]}); a flag given
// on the command line wins over the file, an unknown key is an error.
#pragma once

#include <CLI/CLI.hpp>

namespace tec::searchd {

class JsonConfig : public CLI::Config {
 public:
  // `app` names the keys the file may hold: its long options.
  explicit JsonConfig(const CLI::App& app) : app_(app) {}
  std::string to_config(const CLI::App* app, bool default_also, bool write_description,
                        std::string prefix) const override;
  std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;

 private:
  const CLI::App& app_;
};

}  // namespace tec::searchd
