#!/usr/bin/env bash
# Runs the relevance evaluation on the judged query sets and writes out/*.json and out/*.md.
#   bundled.jsonl         against corpus/resources (the bundled resource base)
#   shared-fr.jsonl       against ../shared/data/fr (real French feeds; skipped when absent)
#   natural-prereg.jsonl  against ../shared/data/fr (pre-registered questions; skipped when absent)
# Extra arguments go to evaluate.mjs, e.g. ./run.sh --engines tec,minisearch
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

if [ ! -d node_modules ]; then
  echo "node_modules absent : npm ci" >&2
  npm ci --no-audit --no-fund
fi

# From the repository root, so that reports name the feeds by their usual paths.
cd "$repo"
rel=bench/relevance
status=0
node $rel/evaluate.mjs --set $rel/bundled.jsonl --feeds corpus/resources \
  --json $rel/out/bundled.json --markdown $rel/out/bundled.md "$@" || status=$?

if [ -d ../shared/data/fr ]; then
  node $rel/evaluate.mjs --set $rel/shared-fr.jsonl --feeds ../shared/data/fr \
    --json $rel/out/shared-fr.json --markdown $rel/out/shared-fr.md "$@" || status=$?
  node $rel/evaluate.mjs --set $rel/natural-prereg.jsonl --feeds ../shared/data/fr \
    --json $rel/out/natural-prereg.json --markdown $rel/out/natural-prereg.md "$@" || status=$?
else
  echo "../shared/data/fr absent : jeux shared-fr.jsonl et natural-prereg.jsonl ignorés" >&2
fi
exit "$status"
