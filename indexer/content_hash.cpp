// Content hash with libsodium's generic hash (BLAKE2b).
#include "indexer/content_hash.h"

#include <sodium.h>

#include <stdexcept>

#include "schema/index_schema.h"

namespace tec::indexer {

std::string content_hash(std::string_view record_json) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium : initialisation impossible");
  unsigned char digest[16];
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, sizeof digest);
  const std::string layout = schema::layout_name(schema::kIndexLayoutVersion);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(layout.data()), layout.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(record_json.data()), record_json.size());
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace tec::indexer
