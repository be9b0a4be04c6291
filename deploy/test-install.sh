#!/usr/bin/env bash
# test-install.sh BUILD_DIR — installs the build into a scratch root
# (cmake --install with DESTDIR), indexes the bundled corpus with the
# installed tec-index, starts the installed tec-searchd from / and checks that
# a search, a recommendation by INSEE code and the home page answer, with the
# territorial reference and the pages read from the installed data.
# Prints one line per check and "N passed, M failed"; non-zero on any failure.
set -uo pipefail

build=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-install.XXXXXX")
daemon=
trap '[ -n "$daemon" ] && kill "$daemon" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"' EXIT
root=$tmp/root
passed=0
failures=0
check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $what"; else failures=$((failures + 1)); echo "FAIL $what"; fi
}

# --prefix: a build folder configured before the default became /usr keeps /usr/local.
DESTDIR=$root cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1
check "cmake --install succeeds" test $? -eq 0
for file in usr/bin/tec-index usr/bin/tec-searchd usr/bin/tec-search usr/bin/tec-sync-dropdir \
            usr/share/tec-search/territories/communes.tsv usr/share/tec-search/web/index.html \
            usr/share/tec-search/web/static/style.css lib/systemd/system/tec-searchd.service \
            lib/systemd/system/tec-sync.timer usr/share/doc/tec-search/README.md; do
  check "installed: /$file" test -e "$root/$file"
done
check "no test program installed" test ! -e "$root/usr/bin/tec_tests"

cd /
"$root/usr/bin/tec-index" --index "$tmp/index" "$source_dir"/corpus/resources/*.jsonl >"$tmp/index.log" 2>&1
check "installed tec-index builds the bundled corpus from /" test $? -le 1

"$root/usr/bin/tec-searchd" --index "$tmp/index" --listen 127.0.0.1:0 >"$tmp/searchd.out" 2>"$tmp/searchd.log" &
daemon=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's#.*écoute sur http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$tmp/searchd.out")
  [ -n "$port" ] && break
  sleep 0.1
done
check "installed tec-searchd starts from /" test -n "$port"
url=http://127.0.0.1:$port
status() { curl -s -o "$tmp/body" -w '%{http_code}' "$url$1"; } # status PATH
check "territories read from the installed data" grep -q "depuis $root/usr/share/tec-search/territories" "$tmp/searchd.log"
check "search answers 200" test "$(status '/v1/search?q=eclairage')" = 200
check "search finds documents" grep -q '"total":[1-9]' "$tmp/body"
check "recommendation by INSEE code answers 200" test "$(status '/v1/recommend?insee=34164&now=2026-11-27')" = 200
check "home page served from the installed pages" test "$(status '/')" = 200

echo "$passed passed, $failures failed"
if [ "$failures" -gt 0 ]; then
  echo "--- tec-searchd messages:"; cat "$tmp/searchd.log"
fi
[ "$failures" -eq 0 ]
