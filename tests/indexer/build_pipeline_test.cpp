// build_while_writing and read_into_shards: every item reaches its consumer,
// in order, and a failure on any side stops every side and reaches the caller.
#include "indexer/build_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace tec::indexer {
namespace {

// Waits until `done` holds, or `limit` has passed; says whether it holds.
bool holds_within(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return done();
}

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
        for (int i = 0; i < kDocuments; ++i)
          emit("Q" + std::to_string(i), document_with_data("doc " + std::to_string(i)));
      },
      [&](const std::string& unique_term, const IndexedDocument& document) {
        written.push_back(unique_term + "=" + document.document.get_data());
      });
  ASSERT_EQ(written.size(), static_cast<std::size_t>(kDocuments));
  for (int i = 0; i < kDocuments; ++i)
    EXPECT_EQ(written[static_cast<std::size_t>(i)], "Q" + std::to_string(i) + "=doc " + std::to_string(i));
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

TEST(ReadIntoShardsTest, EachShardGetsItsRecordsInTheOrderRead) {
  constexpr int kRecords = 1000;  // many times a queue's capacity
  std::vector<std::vector<std::string>> seen(3);
  read_into_shards(
      3,
      [](const EmitRecord& emit) {
        for (int i = 0; i < kRecords; ++i) {
          Resource record;
          record.id = std::to_string(i);
          emit(static_cast<std::size_t>(i % 3), std::move(record));
        }
      },
      [&](std::size_t shard, Resource& record) { seen[shard].push_back(record.id); });
  for (std::size_t shard = 0; shard < 3; ++shard) {
    ASSERT_EQ(seen[shard].size(), static_cast<std::size_t>(kRecords / 3 + (shard < kRecords % 3)));
    for (std::size_t k = 0; k < seen[shard].size(); ++k) EXPECT_EQ(seen[shard][k], std::to_string(k * 3 + shard));
  }
}

TEST(ReadIntoShardsTest, AShardFailureStopsTheReaderAndReachesTheCaller) {
  int read = 0;
  EXPECT_THROW(read_into_shards(
                   2,
                   [&](const EmitRecord& emit) {
                     // Endless: only a shard's failure can stop it.
                     while (true) {
                       Resource record;
                       record.id = std::to_string(read++);
                       emit(static_cast<std::size_t>(read % 2), std::move(record));
                     }
                   },
                   [](std::size_t, Resource& record) {
                     if (record.id == "10") throw std::runtime_error("disque plein");
                   }),
               std::runtime_error);
}

TEST(ReadIntoShardsTest, AReadFailureReachesTheCaller) {
  EXPECT_THROW(read_into_shards(
                   2,
                   [](const EmitRecord& emit) {
                     emit(0, Resource{});
                     emit(1, Resource{});
                     throw std::runtime_error("flux illisible");
                   },
                   [](std::size_t, Resource&) {}),
               std::runtime_error);
}

// A shard's thread stops now and then to move a batch into its B-trees; the
// reader must go on feeding the other shards meanwhile, well past one batch.
TEST(ReadIntoShardsTest, WhileOneShardIsBusyTheOthersKeepGettingRecords) {
  constexpr int kRecordsEach = 1000;
  std::atomic<int> second_shard_done = 0;
  std::optional<bool> second_shard_finished_while_first_busy;  // known once the first shard has waited
  read_into_shards(
      2,
      [](const EmitRecord& emit) {
        for (int i = 0; i < 2 * kRecordsEach; ++i) emit(static_cast<std::size_t>(i % 2), Resource{});
      },
      [&](std::size_t shard, Resource&) {
        if (shard == 1) {
          ++second_shard_done;
        } else if (!second_shard_finished_while_first_busy) {
          second_shard_finished_while_first_busy =
              holds_within([&] { return second_shard_done == kRecordsEach; }, std::chrono::seconds(10));
        }
      });
  EXPECT_EQ(second_shard_finished_while_first_busy, true);
}

// Deep queues, but long records do not pile up in memory behind a busy shard.
TEST(ReadIntoShardsTest, ABusyShardHoldsAFewMegabytesOfRecordsNotAll) {
  constexpr int kRecords = 50;
  std::atomic<int> emitted = 0;
  int emitted_while_busy = 0;
  read_into_shards(
      1,
      [&](const EmitRecord& emit) {
        for (int i = 0; i < kRecords; ++i) {
          Resource record;
          record.body.assign(1 << 20, 'x');
          emit(0, std::move(record));
          ++emitted;
        }
      },
      [&](std::size_t, Resource&) {
        if (emitted_while_busy == 0) {
          holds_within([&] { return emitted == kRecords; }, std::chrono::seconds(1));
          emitted_while_busy = emitted;
        }
      });
  EXPECT_LT(emitted_while_busy, kRecords / 2);
}

}  // namespace
}  // namespace tec::indexer
