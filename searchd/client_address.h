// The client a request counts against (per-client cap of simultaneous
// requests): the connection's address, or behind a trusted reverse proxy the
// address that proxy appended to X-Forwarded-For.
#pragma once

#include <string>
#include <vector>

namespace tec::searchd {

// A trusted proxy as given to --trusted-proxy: an IPv4 or IPv6 address, or a
// network in CIDR notation ("10.0.0.0/8", "fd00::/8"), in canonical form.
// Throws std::invalid_argument (French message) for anything else.
std::string canonical_proxy(const std::string& proxy);

// `remote_addr` itself unless it is in `trusted_proxies` (addresses or
// networks as canonical_proxy returns them); then the rightmost X-Forwarded-For entry that is not a trusted
// proxy (entries on its left could be written by the client), or
// `remote_addr` when the header names none. A header from an untrusted
// connection is ignored: any client could write it.
std::string client_address(const std::string& remote_addr, const std::string& forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

}  // namespace tec::searchd
