// FeedReader implementation: byte-level checks of each feed line.
#include "indexer/feeds/feed_reader.h"

#include <cstring>
#include <stdexcept>

#include "analysis/utf8.h"

namespace tec::indexer {

FeedReader::FeedReader(const std::string& path) : in_(path, std::ios::binary) {
  if (!in_) throw std::runtime_error("impossible d'ouvrir " + path + " : " + std::strerror(errno));
  in_.seekg(0, std::ios::end);
  size_ = static_cast<std::size_t>(in_.tellg());
  in_.seekg(0, std::ios::beg);
}

std::optional<FeedLine> FeedReader::next() {
  std::string text;
  while (std::getline(in_, text)) {
    ++line_number_;
    bytes_read_ += text.size() + 1;
    if (line_number_ == 1 && text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;

    FeedLine line{line_number_, {}, {}};
    if (text.size() > kMaxRecordBytes) {
      line.error = "enregistrement trop long (" + std::to_string(text.size()) + " octets, maximum " +
                   std::to_string(kMaxRecordBytes) + ")";
    } else if (const auto nul = text.find('\0'); nul != std::string::npos) {
      line.error = "octet NUL à l'octet " + std::to_string(nul + 1) + " de la ligne";
    } else if (const auto bad = analysis::first_invalid_utf8(text)) {
      line.error = "UTF-8 invalide à l'octet " + std::to_string(*bad + 1) + " de la ligne";
    }
    if (line.error.empty()) line.text = std::move(text);
    return line;
  }
  return std::nullopt;
}

}  // namespace tec::indexer
