// Client address resolution: literals compared in canonical form (inet_pton
// then inet_ntop), so "::ffff:127.0.0.1" and "0:0::1" spellings match.
#include "searchd/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace tec::searchd {
namespace {

std::optional<std::string> canonical(const std::string& address) {
  char text[INET6_ADDRSTRLEN];
  unsigned char bytes[sizeof(in6_addr)];
  if (inet_pton(AF_INET, address.c_str(), bytes) == 1) return std::string(inet_ntop(AF_INET, bytes, text, sizeof text));
  if (inet_pton(AF_INET6, address.c_str(), bytes) == 1) return std::string(inet_ntop(AF_INET6, bytes, text, sizeof text));
  return std::nullopt;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool trusted(const std::string& address, const std::vector<std::string>& proxies) {
  const auto form = canonical(address);
  return form && std::find(proxies.begin(), proxies.end(), *form) != proxies.end();
}

}  // namespace

std::string canonical_ip(const std::string& address) {
  if (auto form = canonical(address)) return *form;
  throw std::invalid_argument("mandataire de confiance « " + address + " » : adresse IPv4 ou IPv6 attendue");
}

std::string client_address(const std::string& remote_addr, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies) {
  if (!trusted(remote_addr, trusted_proxies)) return remote_addr;
  std::vector<std::string> entries;
  std::size_t start = 0;
  for (std::size_t comma; (comma = forwarded_for.find(',', start)) != std::string::npos; start = comma + 1) {
    entries.push_back(trimmed(forwarded_for.substr(start, comma - start)));
  }
  entries.push_back(trimmed(forwarded_for.substr(start)));
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
    if (!entry->empty() && !trusted(*entry, trusted_proxies)) return canonical(*entry).value_or(*entry);
  }
  return remote_addr;
}

}  // namespace tec::searchd
