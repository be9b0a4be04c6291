// PartnerTokens: the bearer tokens that let a partner push its own feed.
// The file holds, per source, a random salt and the keyed BLAKE2b hash of the
// token (libsodium), never the token itself:
//   <source> <salt hex> <hash hex> <created, UTC>
// A token is shown once, when created or rotated. The administrators' token
// (reading the query statistics) is the entry of the reserved source name
// kAdminSource, which no partner slug can take.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tec::access {

inline constexpr std::string_view kAdminSource = "@admin";

class PartnerTokens {
 public:
  // An absent file holds no token. Throws std::runtime_error on a malformed line.
  static PartnerTokens load(const std::string& path);

  // Creates or replaces the token of `source`, saves the file (mode 0600,
  // written then renamed) and returns the new token. Throws
  // std::invalid_argument for a name beginning with "@" (reserved).
  static std::string rotate(const std::string& path, const std::string& source);
  // The same for the administrators' token (one: a new one revokes the old).
  static std::string rotate_admin(const std::string& path);

  // The source a token belongs to, or nullopt. Compares in constant time.
  std::optional<std::string> source_of(const std::string& token) const;
  bool is_admin(const std::string& token) const { return source_of(token) == kAdminSource; }

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string source;
    std::string salt;  // raw bytes
    std::string hash;  // raw bytes
    std::string created;
  };
  static std::string rotate_entry(const std::string& path, const std::string& source);
  static std::string hash_token(const std::string& token, const std::string& salt);
  void save(const std::string& path) const;

  std::vector<Entry> entries_;
};

}  // namespace tec::access
