// Setting the editors' thesaurus of a live index, and reading it back.
#include "indexer/editors_thesaurus.h"

#include <filesystem>
#include <stdexcept>

#include "indexer/index_writer.h"
#include "schema/index_schema.h"

namespace tec::indexer {

namespace {

// The writer would create a missing index: an empty one would then be served.
void require_index(const std::string& index_dir) {
  if (!std::filesystem::exists(std::filesystem::path(index_dir) / "iamglass")) {
    throw std::runtime_error("aucun index dans " + index_dir + " (créez-le d'abord avec tec-index --index)");
  }
}

}  // namespace

EditorsThesaurusReport apply_editors_thesaurus(const std::string& index_dir, const std::string& text,
                                               const std::string& name, const std::vector<SynonymGroup>& base,
                                               analysis::FrenchAnalyzer& analyzer, std::chrono::seconds wait) {
  // Checked before the index is opened: a bad file changes nothing.
  const std::vector<SynonymGroup> groups = parse_thesaurus(text, name);
  require_index(index_dir);
  IndexWriter writer(index_dir, wait);
  writer.set_editors_thesaurus(text);
  writer.replace_synonyms(base, analyzer);
  EditorsThesaurusReport report{groups.size(), writer.database().get_revision() + 1};
  writer.commit();
  return report;
}

std::string stored_editors_thesaurus(const std::string& index_dir) {
  require_index(index_dir);
  return Xapian::Database(index_dir).get_metadata(std::string(schema::kEditorsThesaurusKey));
}

}  // namespace tec::indexer
