// Client address resolution: addresses and networks are parsed with
// inet_pton and compared as bytes, so "::ffff:127.0.0.1", "0:0::1" and other
// spellings of one address match.
#include "searchd/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>

namespace tec::searchd {
namespace {

using Address = TrustedProxies::Address;
using Network = TrustedProxies::Network;

unsigned bits(const Address& address) { return address.family == AF_INET ? 32 : 128; }

// An IPv4-mapped IPv6 address ("::ffff:10.0.0.1") is read as the IPv4 one:
// a dual-stack socket reports IPv4 clients that way.
std::optional<Address> parse_address(const std::string& text) {
  Address address{AF_INET, {}};
  if (inet_pton(AF_INET, text.c_str(), address.bytes.data()) == 1) return address;
  if (inet_pton(AF_INET6, text.c_str(), address.bytes.data()) != 1) return std::nullopt;
  address.family = AF_INET6;
  constexpr std::array<unsigned char, 12> kMapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMapped.begin(), kMapped.end(), address.bytes.begin())) {
    std::copy(address.bytes.begin() + 12, address.bytes.end(), address.bytes.begin());
    std::fill(address.bytes.begin() + 4, address.bytes.end(), 0);
    address.family = AF_INET;
  }
  return address;
}

bool within(const Address& address, const Address& base, unsigned prefix) {
  if (address.family != base.family) return false;
  for (unsigned bit = 0; bit < prefix; bit += 8) {
    const unsigned left = prefix - bit;
    const unsigned char mask = left >= 8 ? 0xff : static_cast<unsigned char>(0xff << (8 - left));
    if ((address.bytes[bit / 8] & mask) != (base.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

// "address" (the network of that one address) or "address/prefix length".
std::optional<Network> parse_network(const std::string& text) {
  const std::size_t slash = text.find('/');
  const auto base = parse_address(text.substr(0, slash));
  if (!base) return std::nullopt;
  Network network{*base, bits(*base)};
  if (slash == std::string::npos) return network;
  const std::string length = text.substr(slash + 1);
  if (length.empty() || length.size() > 3 || length.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  network.prefix = static_cast<unsigned>(std::stoul(length));
  if (network.prefix > bits(*base)) return std::nullopt;
  return network;
}

std::string to_text(const Address& address) {
  char text[INET6_ADDRSTRLEN];
  return inet_ntop(address.family, address.bytes.data(), text, sizeof text);
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& proxies) {
  for (const std::string& proxy : proxies) {
    if (const auto network = parse_network(proxy)) networks_.push_back(*network);
  }
}

bool TrustedProxies::contains(const std::string& address) const {
  if (networks_.empty()) return false;
  const auto parsed = parse_address(address);
  if (!parsed) return false;
  return std::any_of(networks_.begin(), networks_.end(),
                     [&](const Network& network) { return within(*parsed, network.base, network.prefix); });
}

std::string canonical_proxy(const std::string& proxy) {
  auto network = parse_network(proxy);
  if (!network) {
    throw std::invalid_argument("mandataire de confiance « " + proxy +
                                " » : adresse IPv4 ou IPv6, ou réseau comme 10.0.0.0/8, attendu");
  }
  // Bits beyond the prefix name no other network: they are dropped.
  const unsigned length = bits(network->base);
  for (unsigned bit = network->prefix; bit < length; ++bit) {
    network->base.bytes[bit / 8] &= static_cast<unsigned char>(~(0x80 >> (bit % 8)));
  }
  const std::string address = to_text(network->base);
  return network->prefix == length ? address : address + "/" + std::to_string(network->prefix);
}

std::string client_address(const std::string& remote_addr, const std::string& forwarded_for,
                           const TrustedProxies& trusted_proxies) {
  if (!trusted_proxies.contains(remote_addr)) return remote_addr;
  std::vector<std::string> entries;
  std::size_t start = 0;
  for (std::size_t comma; (comma = forwarded_for.find(',', start)) != std::string::npos; start = comma + 1) {
    entries.push_back(trimmed(forwarded_for.substr(start, comma - start)));
  }
  entries.push_back(trimmed(forwarded_for.substr(start)));
  for (auto entry = entries.rbegin(); entry != entries.rend(); ++entry) {
    if (entry->empty() || trusted_proxies.contains(*entry)) continue;
    const auto address = parse_address(*entry);
    return address ? to_text(*address) : *entry;
  }
  return remote_addr;
}

}  // namespace tec::searchd
