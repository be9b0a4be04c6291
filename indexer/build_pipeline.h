// Indexing on several threads. Xapian's objects are not thread-safe, so each
// thread owns what it uses and documents change threads by move only.
//   - build_while_writing: documents are read and built (parsing, validation,
//     French analysis) on a worker thread while the calling thread writes
//     them into one database: a run that must stay one transaction.
//   - read_into_shards: records are read and validated on the calling thread
//     and handed to one thread per shard, which builds and writes them into
//     its own database: a new index, whose shards are joined at the end.
#pragma once

#include <functional>
#include <string>

#include "indexer/document_builder.h"
#include "indexer/resource.h"

namespace tec::indexer {

// Hands a built document, with its unique term, to the writing stage.
using EmitDocument = std::function<void(std::string unique_term, IndexedDocument document)>;

// Runs `build` on a worker thread and `write` on the calling thread for each
// document `build` emits, in the order emitted. `build` owns everything it
// uses (the analyzer included) until it returns. An exception thrown by
// either stage stops both and is rethrown here, after the worker has finished.
void build_while_writing(
    const std::function<void(const EmitDocument&)>& build,
    const std::function<void(const std::string& unique_term, const IndexedDocument& document)>& write);

// Hands a record to the thread of shard `shard` (below the number of shards).
using EmitRecord = std::function<void(std::size_t shard, Resource record)>;

// Runs `read` on the calling thread and `work(shard, record)` on one thread
// per shard for each record `read` emits, each shard's records in the order
// emitted. An exception thrown by `read` or any `work` stops every thread
// and the first one is rethrown here, once all have finished.
void read_into_shards(std::size_t shards, const std::function<void(const EmitRecord&)>& read,
                      const std::function<void(std::size_t shard, Resource& record)>& work);

}  // namespace tec::indexer
