// Layout check: reads the version a new index records and compares it.
#include "searchd/layout_check.h"

#include <charconv>
#include <string_view>

#include "schema/index_schema.h"

namespace tec::searchd {
namespace {

constexpr std::string_view kNamePrefix = "tec-layout-";

std::string rebuild_advice() {
  return "reconstruisez-le avec tec-index --index NOUVEAU_DOSSIER puis remplacez l'ancien, ou synchronisez toutes ses "
         "sources";
}

}  // namespace

LayoutCheck check_layout(const Xapian::Database& db) {
  const std::string current = schema::layout_name(schema::kIndexLayoutVersion);
  const std::string recorded = db.get_metadata(std::string(schema::kLayoutMetadataKey));
  if (recorded.empty()) {
    return {LayoutCheck::Verdict::Older, "l'index ne dit pas sa version de format (créé avant " + current +
                                             ") : des documents anciens peuvent manquer aux facettes ; " +
                                             rebuild_advice()};
  }
  int version = 0;
  const std::string_view digits = std::string_view(recorded).substr(std::min(recorded.size(), kNamePrefix.size()));
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
  if (!recorded.starts_with(kNamePrefix) || error != std::errc() || end != digits.data() + digits.size()) {
    return {LayoutCheck::Verdict::Refused,
            "version de format d'index illisible « " + recorded + " » (attendu " + current + ")"};
  }
  if (version > schema::kIndexLayoutVersion) {
    return {LayoutCheck::Verdict::Refused, "l'index est au format " + recorded +
                                               ", plus récent que celui de ce programme (" + current +
                                               ") : mettez tec-searchd à jour"};
  }
  if (version < schema::kIndexLayoutVersion) {
    return {LayoutCheck::Verdict::Older, "l'index a été créé au format " + recorded + " ; ce programme écrit " +
                                             current + " : des documents anciens peuvent manquer aux facettes ; " +
                                             rebuild_advice()};
  }
  return {};
}

}  // namespace tec::searchd
