#!/usr/bin/env bash
# test-run.sh BUILD_DIR — tests ./run against binaries already built in
# BUILD_DIR (TEC_BIN_DIR: no install, no build), in a temporary copy so that
# the checkout's var/ is left alone: options pass through to tec-searchd, the
# banner gives the address really used, a busy port stops it before the
# banner with a French message, a rebuild of the index keeps the editors'
# synonym groups. Prints one line per check; non-zero on failure.
set -uo pipefail

source_dir=$(cd "$(dirname "$0")/../.." && pwd)
bin_dir=$(cd "$1" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-run.XXXXXX")
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
cp "$source_dir/run" "$tmp/run"
ln -s "$source_dir/corpus" "$tmp/corpus"
ln -s "$source_dir/searchd" "$tmp/searchd"
failures=0
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then echo "ok   $what"; else failures=$((failures + 1)); echo "FAIL $what"; fi
}
has() { grep -q -- "$2" "$1"; }
hasnt() { ! grep -q -- "$2" "$1"; }

# A port held by a listener of our own, and a free one.
python3 -c 'import socket,sys,time
s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(); print(s.getsockname()[1], flush=True); time.sleep(600)' >"$tmp/busy" &
pids+=($!)
for _ in $(seq 50); do [ -s "$tmp/busy" ] && break; sleep 0.1; done
busy=$(cat "$tmp/busy")
free=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

TEC_BIN_DIR=$bin_dir "$tmp/run" --listen "127.0.0.1:$busy" >"$tmp/busy.out" 2>"$tmp/busy.err"
status=$?
check "a busy port stops ./run with status 2" [ "$status" -eq 2 ]
check "it says the port is taken" has "$tmp/busy.err" "Le port $busy de 127.0.0.1 est déjà pris"
check "it says how to choose another" has "$tmp/busy.err" "./run --listen 127.0.0.1:9090"
check "no banner announced" hasnt "$tmp/busy.out" "http://"

TEC_BIN_DIR=$bin_dir "$tmp/run" --listen "127.0.0.1:$free" --threads 2 >"$tmp/serve.out" 2>"$tmp/serve.err" &
pids+=($!)
for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$free") 2>/dev/null && break; sleep 0.1; done
check "the banner gives the port asked for" has "$tmp/serve.out" "Recherche :  http://127.0.0.1:$free/"
check "tec-searchd listens there" bash -c "exec 3<>/dev/tcp/127.0.0.1/$free"
check "the other options reach tec-searchd" has "$tmp/serve.err" "2 fils de traitement"

# The editors' groups set on the index survive a rebuild: the index is made
# older than the corpus, so the next ./run rebuilds and swaps it.
indexer=$bin_dir/indexer/tec-index
printf '# équipe éditoriale\nzorglubisme | éclairage public\n' >"$tmp/editeurs.txt"
"$indexer" thesaurus --index "$tmp/var/index" "$tmp/editeurs.txt" >/dev/null
kill "${pids[-1]}" && wait "${pids[-1]}" 2>/dev/null
touch -d 2000-01-01 "$tmp/var/index/iamglass"
old_stamp=$(md5sum <"$tmp/var/index/iamglass")
TEC_BIN_DIR=$bin_dir "$tmp/run" --listen "127.0.0.1:$free" >"$tmp/rebuild.out" 2>"$tmp/rebuild.err" &
pids+=($!)
for _ in $(seq 300); do (exec 3<>"/dev/tcp/127.0.0.1/$free") 2>/dev/null && break; sleep 0.1; done
check "./run rebuilds an index older than the corpus" has "$tmp/rebuild.out" "Indexation de la base de ressources"
check "a new index was swapped in" [ "$(md5sum <"$tmp/var/index/iamglass")" != "$old_stamp" ]
check "it says the editors' groups are carried over" has "$tmp/rebuild.out" "Groupes de synonymes des éditeurs repris de l'index précédent."
check "the rebuilt index holds them as they were given" \
  cmp -s "$tmp/editeurs.txt" <("$indexer" thesaurus --index "$tmp/var/index" --print)
check "tec-searchd uses them" python3 -c 'import json,sys,urllib.request
r=json.load(urllib.request.urlopen(sys.argv[1]+"/v1/search?q=zorglubisme"))
sys.exit(0 if r["total"]>0 else 1)' "http://127.0.0.1:$free"

[ "$failures" -eq 0 ]
