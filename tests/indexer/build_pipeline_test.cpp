// build_while_writing: every document reaches the writer, in order, and a
// failure on either side stops both sides and reaches the caller.
#include "indexer/build_pipeline.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace tec::indexer {
namespace {

IndexedDocument document_with_data(const std::string& data) {
  IndexedDocument document;
  document.document.set_data(data);
  return document;
}

TEST(BuildPipelineTest, WritesEveryDocumentInTheOrderBuilt) {
  constexpr int kDocuments = 1000;  // many times the queue's capacity
  std::vector<std::string> written;
  build_while_writing(
      [](const EmitDocument& emit) {
        for (int i = 0; i < kDocuments; ++i) emit("Q" + std::to_string(i), document_with_data("doc " + std::to_string(i)));
      },
      [&](const std::string& unique_term, const IndexedDocument& document) {
        written.push_back(unique_term + "=" + document.document.get_data());
      });
  ASSERT_EQ(written.size(), static_cast<std::size_t>(kDocuments));
  for (int i = 0; i < kDocuments; ++i) EXPECT_EQ(written[static_cast<std::size_t>(i)], "Q" + std::to_string(i) + "=doc " + std::to_string(i));
}

TEST(BuildPipelineTest, ABuildFailureReachesTheCallerAfterWhatWasBuilt) {
  std::vector<std::string> written;
  EXPECT_THROW(build_while_writing(
                   [](const EmitDocument& emit) {
                     emit("Qa", document_with_data("a"));
                     emit("Qb", document_with_data("b"));
                     throw std::runtime_error("flux illisible");
                   },
                   [&](const std::string& unique_term, const IndexedDocument&) { written.push_back(unique_term); }),
               std::runtime_error);
  EXPECT_EQ(written, (std::vector<std::string>{"Qa", "Qb"}));
}

TEST(BuildPipelineTest, AWriteFailureStopsTheBuilderAndReachesTheCaller) {
  int built = 0;
  EXPECT_THROW(build_while_writing(
                   [&](const EmitDocument& emit) {
                     // Endless: only the writer's failure can stop it.
                     while (true) {
                       emit("Q" + std::to_string(built), document_with_data("x"));
                       ++built;
                     }
                   },
                   [](const std::string& unique_term, const IndexedDocument&) {
                     if (unique_term == "Q10") throw std::runtime_error("disque plein");
                   }),
               std::runtime_error);
  EXPECT_GE(built, 10);
}

}  // namespace
}  // namespace tec::indexer
