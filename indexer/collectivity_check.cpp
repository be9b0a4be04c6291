// check_collectivities: one warning per unknown code, naming its position.
#include "indexer/collectivity_check.h"

namespace tec::indexer {

void check_collectivities(const Resource& resource, const territory::Territories& territories,
                          const WarningSink& warn) {
  for (std::size_t i = 0; i < resource.collectivites.size(); ++i) {
    const std::string& code = resource.collectivites[i];
    if (!territories.find_code(code)) {
      warn("collectivites/" + std::to_string(i) + " : code « " + code +
           " » absent du référentiel des territoires (gardé, mais ignoré pour les collectivités comparables)");
    }
  }
}

}  // namespace tec::indexer
