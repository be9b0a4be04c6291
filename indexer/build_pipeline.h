// Two-stage indexing: documents are read and built (parsing, validation,
// French analysis) on a worker thread while the calling thread writes them
// into Xapian. Writing takes about 60 % of a run and building the rest, so
// on two cores a run takes roughly the writer's share of the time alone.
#pragma once

#include <functional>
#include <string>

#include "indexer/document_builder.h"

namespace tec::indexer {

// Hands a built document, with its unique term, to the writing stage.
using EmitDocument = std::function<void(std::string unique_term, IndexedDocument document)>;

// Runs `build` on a worker thread and `write` on the calling thread for each
// document `build` emits, in the order emitted. `build` owns everything it
// uses (the analyzer included) until it returns; the documents change
// threads by move only, since Xapian's objects are not thread-safe. An
// exception thrown by either stage stops both and is rethrown here, after
// the worker has finished.
void build_while_writing(const std::function<void(const EmitDocument&)>& build,
                         const std::function<void(const std::string& unique_term, const IndexedDocument& document)>& write);

}  // namespace tec::indexer
