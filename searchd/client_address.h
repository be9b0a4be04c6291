// The client a request counts against (per-client cap of simultaneous
// requests): the connection's address, or behind a trusted reverse proxy the
// address that proxy appended to X-Forwarded-For.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace tec::searchd {

// A trusted proxy as given to --trusted-proxy: an IPv4 or IPv6 address, or a
// network in CIDR notation ("10.0.0.0/8", "fd00::/8"), in canonical form.
// Throws std::invalid_argument (French message) for anything else.
std::string canonical_proxy(const std::string& proxy);

// The trusted proxies, parsed once from canonical_proxy's forms rather than
// on every request; forms it would refuse are left out.
class TrustedProxies {
 public:
  // Not explicit: the daemon's list of --trusted-proxy values is one.
  TrustedProxies(const std::vector<std::string>& proxies);
  bool contains(const std::string& address) const;

  // An address as bytes; an IPv4-mapped IPv6 address is held as IPv4.
  struct Address {
    int family = 0;
    std::array<unsigned char, 16> bytes{};
  };
  // A single address is the network of its full length.
  struct Network {
    Address base;
    unsigned prefix = 0;
  };

 private:
  std::vector<Network> networks_;
};

// `remote_addr` itself unless it is a trusted proxy; then the rightmost
// X-Forwarded-For entry that is not a trusted proxy (entries on its left
// could be written by the client), or `remote_addr` when the header names
// none. A header from an untrusted connection is ignored: any client could
// write it.
std::string client_address(const std::string& remote_addr, const std::string& forwarded_for,
                           const TrustedProxies& trusted_proxies);

}  // namespace tec::searchd
