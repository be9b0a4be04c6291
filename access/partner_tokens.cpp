// PartnerTokens implementation with libsodium.
#include "access/partner_tokens.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tec::access {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kTokenBytes = 32;

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium : initialisation impossible");
}

std::string to_hex(const std::string& bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  hex.pop_back();
  return hex;
}

std::optional<std::string> from_hex(const std::string& hex, std::size_t bytes) {
  std::string out(bytes, '\0');
  std::size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), hex.data(), hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != bytes) {
    return std::nullopt;
  }
  return out;
}

std::string random_bytes(std::size_t n) {
  std::string bytes(n, '\0');
  randombytes_buf(bytes.data(), n);
  return bytes;
}

}  // namespace

std::string PartnerTokens::hash_token(const std::string& token, const std::string& salt) {
  std::string hash(kHashBytes, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(hash.data()), hash.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     reinterpret_cast<const unsigned char*>(salt.data()), salt.size());
  return hash;
}

PartnerTokens PartnerTokens::load(const std::string& path) {
  ensure_sodium();
  PartnerTokens tokens;
  std::ifstream in(path);
  if (!in) return tokens;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    Entry entry;
    std::string salt_hex, hash_hex;
    fields >> entry.source >> salt_hex >> hash_hex >> entry.created;
    const auto salt = from_hex(salt_hex, kSaltBytes);
    const auto hash = from_hex(hash_hex, kHashBytes);
    if (entry.source.empty() || !salt || !hash) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": ligne de jeton mal formée");
    }
    entry.salt = *salt;
    entry.hash = *hash;
    tokens.entries_.push_back(std::move(entry));
  }
  return tokens;
}

std::string PartnerTokens::rotate(const std::string& path, const std::string& source) {
  if (source.starts_with('@'))
    throw std::invalid_argument("« " + source + " » : les noms commençant par @ sont réservés");
  return rotate_entry(path, source);
}

std::string PartnerTokens::rotate_admin(const std::string& path) {
  return rotate_entry(path, std::string(kAdminSource));
}

std::string PartnerTokens::rotate_entry(const std::string& path, const std::string& source) {
  PartnerTokens tokens = load(path);
  std::erase_if(tokens.entries_, [&](const Entry& e) { return e.source == source; });
  const std::string raw = random_bytes(kTokenBytes);
  std::string token(sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(token.data(), token.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  token.resize(std::strlen(token.c_str()));
  token = "tec_" + token;

  Entry entry;
  entry.source = source;
  entry.salt = random_bytes(kSaltBytes);
  entry.hash = hash_token(token, entry.salt);
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char created[32];
  std::strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &tm);
  entry.created = created;
  tokens.entries_.push_back(std::move(entry));
  tokens.save(path);
  return token;
}

void PartnerTokens::save(const std::string& path) const {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "# tec-search partner tokens: source, salt, keyed BLAKE2b hash, creation (UTC)\n";
    for (const Entry& e : entries_)
      out << e.source << ' ' << to_hex(e.salt) << ' ' << to_hex(e.hash) << ' ' << e.created << '\n';
    if (!out) throw std::runtime_error("impossible d'écrire " + temporary);
  }
  chmod(temporary.c_str(), 0600);
  if (std::rename(temporary.c_str(), path.c_str()) != 0) throw std::runtime_error("impossible de remplacer " + path);
}

std::optional<std::string> PartnerTokens::source_of(const std::string& token) const {
  std::optional<std::string> found;
  for (const Entry& entry : entries_) {
    const std::string hash = hash_token(token, entry.salt);
    if (sodium_memcmp(hash.data(), entry.hash.data(), kHashBytes) == 0) found = entry.source;
  }
  return found;
}

}  // namespace tec::access
