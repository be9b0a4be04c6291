// Logging of tec-searchd: spdlog to stderr, as readable text or as one JSON
// object per line for log collectors.
#pragma once

#include <string>

namespace tec::searchd {

enum class LogFormat { Text, Json };

// Throws std::invalid_argument for an unknown level.
void configure_logging(const std::string& level, LogFormat format);

}  // namespace tec::searchd
