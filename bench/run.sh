#!/usr/bin/env bash
# bench/run.sh [--quick] [--huge] — the whole performance suite in one run, on
# this machine: generated corpora (1k, 10k, 100k; --huge adds 1M), indexing
# and sync throughput, microbenchmarks (Google Benchmark) at each size, the
# HTTP load test of tec-searchd at 1, 16 and 64 connections, memory and
# start-up, and the same queries against the peers (SQLite FTS5, PostgreSQL)
# for ratios. Then real text at scale: the Grand Débat answers (328k) and
# three copies of them with new ids (~1M), and the real French base (1,830
# documents), each measured against bare Xapian (tec-floor). Writes
# bench/out/results.json and bench/out/results.md.
#   --quick   1k and 10k documents, 3-second runs: a few minutes once built
#   --real    real text only (skips the generated corpora), and the mix on
#             one connection at 100k generated documents (recommendations)
#   --bin-dir=DIR  the binaries of an existing Release build instead of
#             building build/bench
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
generated=1
prebuilt=
sizes=(1000 10000 100000)
seconds=10
load_sizes=(10000 100000)
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1; sizes=(1000 10000); seconds=3; load_sizes=(10000) ;;
    --huge) sizes+=(1000000) ;;
    --real) generated=0 ;;
    --bin-dir=*) prebuilt=${arg#--bin-dir=} ;;
    *) echo "option inconnue : $arg" >&2; exit 2 ;;
  esac
done

bin=${prebuilt:-build/bench}
scripts/install-deps.sh --test
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null 2>&1 || true; }
if [ -z "$prebuilt" ]; then
  cmake -S . -B "$bin" -DCMAKE_BUILD_TYPE=Release -DTEC_BUILD_TESTS=OFF -DTEC_BUILD_BENCH=ON >/dev/null
  cmake --build "$bin" -j"$(nproc)" --target tec-index tec-searchd tec-gen-corpus tec-load tec_bench_scale tec-floor
fi
(cd bench/relevance && [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null)

out=bench/out
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$out"
rm -f "$out"/*.json

# The query mix: the judged queries of the bundled set (every category the
# search box meets: exact, accents, typos, synonyms, natural phrasing, prefixes).
node -e 'for (const l of require("fs").readFileSync("bench/relevance/bundled.jsonl","utf8").split("\n")) if (l.trim()) console.log(JSON.parse(l).query)' > "$work/queries.txt"

peak_rss_kb() { grep VmHWM "/proc/$1/status" | awk '{print $2}'; }

# Starts tec-searchd on $work/index-$n with extra flags "$@"; sets pid and port
# once it answers.
start_searchd() {
  "$bin/searchd/tec-searchd" --index "$work/index-$n" --listen 127.0.0.1:0 --max-requests-per-client 0 --log-level warn "$@" \
    > "$work/searchd-$n.out" 2> "$work/searchd-$n.err" &
  pid=$!
  until grep -q 'écoute sur' "$work/searchd-$n.out" 2>/dev/null; do sleep 0.01; done
  port=$(sed -n 's/.*:\([0-9]*\)\/$/\1/p' "$work/searchd-$n.out" | head -1)
  until curl -sf "http://127.0.0.1:$port/v1/search?q=concertation" > /dev/null; do sleep 0.01; done
}

[ $generated = 1 ] || { sizes=(); load_sizes=(); }
for n in "${sizes[@]}"; do
  echo "== $n documents"
  "$bin/bench/tec-gen-corpus" --count "$n" > "$work/gen-$n.jsonl"
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/index-rss-$n" "$bin/indexer/tec-index" --index "$work/index-$n" "$work/gen-$n.jsonl" > /dev/null
  end=$(date +%s.%N)
  index_bytes=$(du -sb "$work/index-$n" | cut -f1)
  echo "{\"documents\": $n, \"index_seconds\": $(awk "BEGIN {print $end - $start}"), \"index_peak_rss_kb\": $(cat "$work/index-rss-$n"), \"index_bytes\": $index_bytes}" > "$out/indexing-$n.json"

  TEC_BENCH_CORPUS="$work/gen-$n.jsonl" TEC_BENCH_INDEX="$work/index-$n" "$bin/bench/tec_bench_scale" \
    --benchmark_min_time="$([ $quick = 1 ] && echo 0.2 || echo 1)" --benchmark_out="$out/micro-$n.json" --benchmark_out_format=json
done

# A nightly sync of one partner's whole feed: first run (everything added),
# then again unchanged (every record compared by its hash, nothing written).
[ $generated = 1 ] && {
sync_n=${sizes[-1]}
"$bin/bench/tec-gen-corpus" --count "$sync_n" --source partenaire > "$work/sync.jsonl"
first=$( { /usr/bin/time -f '%e' "$bin/indexer/tec-index" sync --index "$work/sync-index" --source partenaire "$work/sync.jsonl" > /dev/null; } 2>&1 | tail -1)
again=$( { /usr/bin/time -f '%e' "$bin/indexer/tec-index" sync --index "$work/sync-index" --source partenaire "$work/sync.jsonl" > /dev/null; } 2>&1 | tail -1)
echo "{\"documents\": $sync_n, \"first_sync_seconds\": $first, \"unchanged_sync_seconds\": $again}" > "$out/sync.json"
}

for n in "${load_sizes[@]}"; do
  echo "== tec-searchd, $n documents"
  started=$(date +%s%N)
  # The answer cache off: the query mix repeats the same 88 queries, which a
  # cache would answer almost always. One run with it on, at 16 connections.
  start_searchd --cache-entries 0
  first_answer_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  for c in 1 16 64; do
    "$bin/bench/tec-load" --server "127.0.0.1:$port" --queries "$work/queries.txt" --connections "$c" --seconds "$seconds" \
      --label "$n" --json "$out/load-$n-$c.json"
  done
  echo "{\"documents\": $n, \"first_answer_ms\": $first_answer_ms, \"peak_rss_kb\": $(peak_rss_kb $pid), \"rss_kb\": $(grep VmRSS /proc/$pid/status | awk '{print $2}')}" > "$out/searchd-$n.json"
  kill "$pid"
  wait "$pid" || true
  start_searchd
  "$bin/bench/tec-load" --server "127.0.0.1:$port" --queries "$work/queries.txt" --connections 16 --seconds "$seconds" \
    --label "$n" --json "$out/load-cached-$n-16.json"
  kill "$pid"
  wait "$pid" || true

  echo "== pairs, $n documents"
  node bench/relevance/throughput.mjs --feeds "$work/gen-$n.jsonl" --queries "$work/queries.txt" --connections 1,16 \
    --seconds "$seconds" --bin-dir "$bin" --json "$out/peers-$n.json"
done

# Real text. Each index is measured against bare Xapian on the same queries
# (tec-floor), then under load (searches only, first page with facets and
# snippets), one connection and sixteen.
real_text() {  # name feed... ; the queries in $work/real-queries.txt
  local name=$1; shift
  n=$name
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/index-rss-$n" "$bin/indexer/tec-index" --index "$work/index-$n" "$@" > /dev/null
  end=$(date +%s.%N)
  echo "{\"name\": \"$n\", \"documents\": $(cat "$@" | grep -c .), \"index_seconds\": $(awk "BEGIN {print $end - $start}"), \"index_peak_rss_kb\": $(cat "$work/index-rss-$n"), \"index_bytes\": $(du -sb "$work/index-$n" | cut -f1)}" > "$out/real-indexing-$n.json"
  start_searchd --cache-entries 0
  "$bin/bench/tec-floor" --index "$work/index-$n" --server "127.0.0.1:$port" --queries "$work/real-queries.txt" --rounds 3 \
    --json "$out/real-floor-$n.json"
  for c in 1 16; do
    "$bin/bench/tec-load" --server "127.0.0.1:$port" --queries "$work/real-queries.txt" --searches-only --connections "$c" \
      --seconds "$seconds" --label "$n" --json "$out/real-load-$n-$c.json"
  done
  node bench/scale/suggest_latency.mjs --server "127.0.0.1:$port" --queries "$work/real-queries.txt" > "$out/real-suggest-$n.txt"
  echo "{\"name\": \"$n\", \"peak_rss_kb\": $(peak_rss_kb $pid)}" > "$out/real-searchd-$n.json"
  kill "$pid"
  wait "$pid" || true
}

judged() {
  node -e 'for (const f of process.argv.slice(1)) for (const l of require("fs").readFileSync(f,"utf8").split("\n")) if (l.trim()) console.log(JSON.parse(l).query)' "$@"
}

if [ $generated = 0 ]; then
  echo "== the mix on one connection, 100,000 generated documents"
  n=gen100k
  "$bin/bench/tec-gen-corpus" --count 100000 > "$work/gen-$n.jsonl"
  "$bin/indexer/tec-index" --index "$work/index-$n" "$work/gen-$n.jsonl" > /dev/null
  start_searchd --cache-entries 0
  "$bin/bench/tec-load" --server "127.0.0.1:$port" --queries "$work/queries.txt" --connections 1 --seconds "$seconds" \
    --label "$n" --json "$out/real-load-$n-1.json"
  kill "$pid"
  wait "$pid" || true
  rm -rf "$work/index-$n"
fi

fr=../shared/data/fr
if [ -d "$fr" ]; then
  echo "== the real French base"
  judged bench/relevance/bundled.jsonl bench/relevance/shared-fr.jsonl > "$work/real-queries.txt"
  real_text fr "$fr"/*.jsonl
fi
gd=../shared/data/grand-debat/grand-debat.jsonl.gz
if [ -f "$gd" ]; then
  echo "== the Grand Débat, 328k answers and three copies"
  zcat "$gd" > "$work/gd.jsonl"
  for i in 1 2 3; do sed "s/^{\"id\": \"gdn-/{\"id\": \"gdn$i-/" "$work/gd.jsonl"; done > "$work/gd3.jsonl"
  { judged bench/relevance/bundled.jsonl bench/relevance/shared-fr.jsonl; bench/floor/word_runs.py --count 180 "$gd"; } > "$work/real-queries.txt"
  real_text gd "$work/gd.jsonl"
  echo "== SQLite FTS5 in process on the same answers and queries"
  node bench/relevance/throughput.mjs --feeds "$work/gd.jsonl" --queries "$work/real-queries.txt" --engines sqlite-fts5 \
    --connections 1 --seconds "$seconds" --json "$out/real-peers-gd.json"
  rm -rf "$work/index-gd"
  real_text gd3 "$work/gd3.jsonl"
else
  echo "$gd absent : texte réel à grande échelle non mesuré"
fi

node bench/report.mjs "$out" > "$out/results.md"
node bench/real_text.mjs "$out" >> "$out/results.md"
echo "Résultats : $out/results.md, $out/*.json"
