// Where tec-searchd and tec-index find their bundled data (territorial
// reference, web pages) when no option names it, whatever the working
// directory: the installed copy beside the program (/usr/bin/../share/
// tec-search, also right under a DESTDIR or a moved prefix), then the source
// tree of an uninstalled build. CMake sets TEC_DATA_FROM_BIN (the data
// directory relative to the installed program's) and TEC_SOURCE_DIR.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace tec::territory {

// `installed_name` under the installed data directory when present there,
// else `source_relative` under the source tree; the installed path when
// neither exists, so that messages name it.
inline std::string bundled_data_dir(const std::string& installed_name, const std::string& source_relative) {
  std::error_code error;
  const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::filesystem::path installed =
      (program.parent_path() / TEC_DATA_FROM_BIN / installed_name).lexically_normal();
  if (!error && std::filesystem::exists(installed)) return installed.string();
  const std::filesystem::path source = std::filesystem::path(TEC_SOURCE_DIR) / source_relative;
  if (std::filesystem::exists(source)) return source.string();
  return installed.string();
}

}  // namespace tec::territory
