#!/usr/bin/env bash
# bench/recommend/run.sh [BIN_DIR] — indexes the bundled corpus into a
# temporary folder and evaluates the recommender on both judged sets
# (profiles.jsonl, tuned against; heldout.jsonl, never tuned against).
# BIN_DIR is a build with TEC_BUILD_BENCH=ON (default build/bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build/bench}
if [ ! -x "$bin/bench/tec-recommend-eval" ]; then
  cmake -S . -B "$bin" -DCMAKE_BUILD_TYPE=Release -DTEC_BUILD_TESTS=OFF -DTEC_BUILD_BENCH=ON >/dev/null
  cmake --build "$bin" -j"$(nproc)" --target tec-index tec-recommend-eval
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/indexer/tec-index" --index "$work/index" corpus/resources/*.jsonl >/dev/null
mkdir -p bench/recommend/out
for set in profiles heldout; do
  echo "== $set"
  "$bin/bench/tec-recommend-eval" --index "$work/index" --profiles "bench/recommend/$set.jsonl" --json "bench/recommend/out/$set.json"
done
