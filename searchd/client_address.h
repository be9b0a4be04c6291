// The client a request counts against (per-client cap of simultaneous
// requests): the connection's address, or behind a trusted reverse proxy the
// address that proxy appended to X-Forwarded-For.
#pragma once

#include <string>
#include <vector>

namespace tec::searchd {

// Throws std::invalid_argument (French message) unless `address` is an IPv4
// or IPv6 literal; returns it in canonical form.
std::string canonical_ip(const std::string& address);

// `remote_addr` itself unless it is one of `trusted_proxies` (canonical
// literals); then the rightmost X-Forwarded-For entry that is not a trusted
// proxy (entries on its left could be written by the client), or
// `remote_addr` when the header names none. A header from an untrusted
// connection is ignored: any client could write it.
std::string client_address(const std::string& remote_addr, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace tec::searchd
