#!/usr/bin/env bash
# bench/recommend/run.sh [BIN_DIR] — indexes the bundled corpus into a
# temporary folder and evaluates the recommender on both judged sets
# (profiles.jsonl, tuned against; heldout.jsonl, never tuned against); then
# indexes the bundled corpus with the real feeds of ../shared/data/fr (the
# Décider ensemble and DITP feeds through their collectivity mappings) and
# evaluates the peers on peers.jsonl (skipped without ../shared).
# BIN_DIR is a build with TEC_BUILD_BENCH=ON (default build/bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build/bench}
if [ ! -x "$bin/bench/tec-recommend-eval" ]; then
  cmake -S . -B "$bin" -DCMAKE_BUILD_TYPE=Release -DTEC_BUILD_TESTS=OFF -DTEC_BUILD_BENCH=ON >/dev/null
  cmake --build "$bin" -j"$(nproc)" --target tec-index tec-recommend-eval tec-peers-eval
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/indexer/tec-index" --index "$work/index" corpus/resources/*.jsonl >/dev/null
mkdir -p bench/recommend/out
for set in profiles heldout; do
  echo "== $set"
  "$bin/bench/tec-recommend-eval" --index "$work/index" --profiles "bench/recommend/$set.jsonl" --json "bench/recommend/out/$set.json"
done

shared=../shared/data/fr
if [ ! -d "$shared" ]; then
  echo "== peers : $shared absent, évaluation des collectivités comparables ignorée"
  exit 0
fi
"$bin/indexer/tec-index" --index "$work/peers" corpus/resources/*.jsonl >/dev/null
for feed in "$shared"/*.jsonl; do
  name=$(basename "$feed" .jsonl)
  mapping=tests/data/$name.collectivites.json
  if [ -f "$mapping" ]; then
    "$bin/indexer/tec-index" --index "$work/peers" --collectivites-mapping "$mapping" "$feed" >/dev/null
  else
    "$bin/indexer/tec-index" --index "$work/peers" "$feed" >/dev/null
  fi
done
echo "== peers"
"$bin/bench/tec-peers-eval" --index "$work/peers" --profiles bench/recommend/peers.jsonl --json bench/recommend/out/peers.json
