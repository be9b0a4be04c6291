// Setting the editors' thesaurus of a live index.
#include "indexer/editors_thesaurus.h"

#include <filesystem>
#include <stdexcept>

#include "indexer/index_writer.h"

namespace tec::indexer {

EditorsThesaurusReport apply_editors_thesaurus(const std::string& index_dir, const std::string& text, const std::string& name,
                                               const std::vector<SynonymGroup>& base, analysis::FrenchAnalyzer& analyzer,
                                               std::chrono::seconds wait) {
  // Checked before the index is opened: a bad file changes nothing.
  const std::vector<SynonymGroup> groups = parse_thesaurus(text, name);
  // The writer would create a missing index: an empty one would then be served.
  if (!std::filesystem::exists(std::filesystem::path(index_dir) / "iamglass")) {
    throw std::runtime_error("aucun index dans " + index_dir + " (créez-le d'abord avec tec-index --index)");
  }
  IndexWriter writer(index_dir, wait);
  writer.set_editors_thesaurus(text);
  writer.replace_synonyms(base, analyzer);
  EditorsThesaurusReport report{groups.size(), writer.database().get_revision() + 1};
  writer.commit();
  return report;
}

}  // namespace tec::indexer
