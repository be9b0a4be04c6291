#!/usr/bin/env bash
# End-to-end browser tests of the pages of tec-searchd (/, /conseil and a
# resource's page): indexes the bundled corpus (corpus/resources/*.jsonl) and
# the tests' own records (tests/browser/donnees/*.jsonl) into a temporary
# folder, starts tec-searchd on a free loopback port and drives headless
# Chromium (Debian's chromium package) with Playwright (tests/browser/
# pages.test.mjs, node:test). Screenshots go to ARTIFACTS_DIR.
#
# Usage: tests/browser/run.sh BIN_DIR ARTIFACTS_DIR
#   BIN_DIR: the build folder holding indexer/tec-index and searchd/tec-searchd
# Exits 77 (skipped) when chromium, node >= 20 or npm is missing.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage : $0 BIN_DIR ARTIFACTS_DIR" >&2
  exit 2
fi
bin_dir=$(realpath "$1")
artifacts=$(realpath -m "$2")
cd "$(dirname "$0")/../.."

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "IGNORÉ : navigateur absent ($chromium) ; scripts/install-deps.sh --test installe le paquet chromium."
  exit 77
fi
if ! command -v node >/dev/null 2>&1; then
  echo "IGNORÉ : node absent (Node.js 20 ou plus est nécessaire à Playwright)."
  exit 77
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "IGNORÉ : node $(node --version) trop ancien (playwright-core demande Node.js 20 ou plus)."
  exit 77
fi
for program in indexer/tec-index searchd/tec-searchd; do
  if [ ! -x "$bin_dir/$program" ]; then
    echo "ERREUR : $bin_dir/$program absent (construire d'abord)." >&2
    exit 1
  fi
done

# npm ci, unless node_modules already matches package-lock.json.
if ! cmp -s tests/browser/package-lock.json tests/browser/node_modules/.package-lock.json.source 2>/dev/null \
   || [ ! -d tests/browser/node_modules/playwright-core ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "IGNORÉ : npm absent, impossible d'installer playwright-core (tests/browser/package-lock.json)."
    exit 77
  fi
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/browser/package-lock.json tests/browser/node_modules/.package-lock.json.source
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tec-browser.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  mkdir -p "$artifacts"
  cp "$work"/*.log "$artifacts"/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$artifacts"
"$bin_dir/indexer/tec-index" --index "$work/index" corpus/resources/*.jsonl tests/browser/donnees/*.jsonl \
  > "$work/tec-index.log" 2>&1 \
  || { cat "$work/tec-index.log" >&2; exit 1; }

"$bin_dir/searchd/tec-searchd" --index "$work/index" --listen 127.0.0.1:0 --threads 4 \
  --territories corpus/territories --web searchd/web --spool "$work/spool" \
  > "$work/tec-searchd.log" 2>&1 &
server_pid=$!

base=
for _ in $(seq 200); do
  base=$(grep -o 'écoute sur http://[^/ ]*' "$work/tec-searchd.log" 2>/dev/null | head -1 | sed 's/^écoute sur //') || true
  [ -n "$base" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "ERREUR : tec-searchd s'est arrêté :" >&2
    cat "$work/tec-searchd.log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$base" ]; then
  echo "ERREUR : tec-searchd n'a pas annoncé son adresse en 20 s :" >&2
  cat "$work/tec-searchd.log" >&2
  exit 1
fi
echo "tec-searchd : $base"

status=0
TEC_BASE_URL=$base TEC_ARTIFACTS=$artifacts CHROMIUM=$chromium \
  node --test --test-reporter=spec tests/browser/pages.test.mjs tests/browser/comparables.test.mjs || status=$?
echo "Captures d'écran : $artifacts"
exit $status
