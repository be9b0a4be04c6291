#!/usr/bin/env bash
# test-dropdir.sh — tests deploy/tec-sync-dropdir against a stub tec-index in a
# temporary directory tree. Needs neither root nor systemd nor a build.
# The stub exits with a status chosen by the source slug: *-partial → 1,
# *-bad → 2, *-crash → 139, anything else → 0.
# Prints one line per check and "N passed, M failed"; non-zero on any failure.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
script=$here/tec-sync-dropdir
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-dropdir.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
passed=0
failures=0

check() { # check DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "ok   $what"
  else
    failures=$((failures + 1))
    echo "FAIL $what"
  fi
}
one() { [ $# -eq 1 ] && [ -f "$1" ]; } # exactly one existing file among the glob's matches
none() { [ $# -eq 1 ] && [ ! -e "$1" ]; }
has() { grep -q -- "$2" "$1"; }          # has FILE PATTERN
hasnt() { ! grep -q -- "$2" "$1"; }

# The stub: logs its arguments (one call a line) and the feed's content, writes
# the report, and exits with the status the source slug asks for.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/tec-index" <<'STUB'
#!/usr/bin/env bash
printf '%s\n' "$*" >>"$STUB_LOG"
source= report= feed=${!#}
while [ $# -gt 0 ]; do
  case $1 in
    --source) source=$2; shift ;;
    --report-json) report=$2; shift ;;
  esac
  shift
done
cat -- "$feed" >>"$STUB_LOG.feeds" || exit 2
case $source in
  *-partial) echo "$feed:2: champ obligatoire manquant : title" >&2; status=1 ;;
  *-bad) echo "tec-index : suppression massive refusée" >&2; status=2 ;;
  *-crash) echo "Segmentation fault" >&2; exit 139 ;;
  *) status=0 ;;
esac
echo "{\"source\": \"$source\", \"exit_status\": $status}" >"$report"
exit "$status"
STUB
chmod +x "$tmp/bin/tec-index"

# setup NAME: a fresh tree $tmp/NAME with an empty incoming/ and its env.
setup() {
  t=$tmp/$1
  mkdir -p "$t/incoming"
  export TEC_SYNC_HOME=$t STUB_LOG=$t/stub.log
  : >"$STUB_LOG"
}
feed() { # feed NAME [touch -d DATE]: a feed with one record, old by default
  printf '{"id": "%s"}\n' "$1" >"$t/incoming/$1"
  touch -d "${2:-10 minutes ago}" "$t/incoming/$1"
}
run() { # runs the script, output in $t/out, status in $status
  status=0
  PATH="$tmp/bin:$PATH" "$script" >"$t/out" 2>&1 || status=$?
}

# --- a night with every kind of feed -----------------------------------------
setup mixed
feed anct.jsonl
feed icpc-partial.jsonl
feed partner-bad.jsonl
feed tool-crash.jsonl
feed banque.csv
feed banque.mapping.json
feed nomap.csv
feed Bad_Slug.jsonl
feed -x.jsonl
feed fresh.jsonl now
feed notes.txt
run
check "exit status 1 when a feed failed" [ "$status" -eq 1 ]
check "ok feed moved to processed/ with a timestamp" one "$t"/processed/anct-????????T??????Z.jsonl
check "feed with rejected records (exit 1) moved to processed/" one "$t"/processed/icpc-partial-*.jsonl
check "CSV feed with its mapping moved to processed/" one "$t"/processed/banque-*.csv
check "failed feed (exit 2) moved to failed/" one "$t"/failed/partner-bad-*.jsonl
check "crashed sync moved to failed/" one "$t"/failed/tool-crash-*.jsonl
check "moved feed kept its content" grep -qx '{"id": "anct.jsonl"}' "$t"/processed/anct-*.jsonl
check "nothing left in the work directory" none "$t"/syncing/*
check "CSV without mapping left in incoming/" one "$t/incoming/nomap.csv"
check "CSV without mapping reported" has "$t/out" "nomap.csv: skipped, a CSV feed needs nomap.mapping.json"
check "invalid slug left in incoming/" one "$t/incoming/Bad_Slug.jsonl"
check "invalid slug reported" has "$t/out" "Bad_Slug.jsonl: skipped"
check "slug starting with a hyphen rejected" has "$t/out" "\-x.jsonl: skipped"
check "file too recent left in incoming/" one "$t/incoming/fresh.jsonl"
check "file too recent reported" has "$t/out" "fresh.jsonl: left for the next run"
check "mapping and other files left in incoming/" one "$t/incoming/banque.mapping.json"
check "tec-index called once per valid, old enough feed" [ "$(wc -l <"$STUB_LOG")" -eq 5 ]
check "tec-index never called for skipped files" hasnt "$STUB_LOG" "nomap\|Bad_Slug\|fresh\|notes"
check "tec-index sync arguments" grep -qE "^sync --index $t/index --source anct --format jsonl --wait 600 --report-json $t/reports/anct-[0-9]{8}T[0-9]{6}Z\.json $t/syncing/anct-[0-9]{8}T[0-9]{6}Z\.jsonl$" "$STUB_LOG"
check "CSV synced with --format csv --mapping" has "$STUB_LOG" "--source banque --format csv --mapping $t/incoming/banque.mapping.json "
check "report written where the log line says" grep -qE "^anct: exit 0 \(synced\); report $t/reports/anct-[0-9T]+Z\.json;" "$t/out"
check "report and archived feed share the timestamp" \
  [ "$(basename "$t"/reports/anct-*.json .json)" = "$(basename "$t"/processed/anct-*.jsonl .jsonl)" ]
check "one line per synced feed" [ "$(grep -c ': exit [0-9]* (' "$t/out")" -eq 5 ]
check "failure line gives the reason" has "$t/out" "partner-bad: exit 2 (FAILED, nothing written: tec-index : suppression massive refusée)"
check "rejected records logged with exit 1" has "$t/out" "icpc-partial: exit 1 (synced, some records rejected)"
check "tec-index messages kept beside the report" has "$t"/reports/icpc-partial-*.log "champ obligatoire manquant"
check "no prefix outside the journal" hasnt "$t/out" "^<[0-9]>"
feed partner-bad.jsonl
JOURNAL_STREAM=8:123 run
check "journal priority prefix under systemd" has "$t/out" "^<3>partner-bad: exit 2"

# The upload finished: the next run takes the fresh file.
touch -d "10 minutes ago" "$t/incoming/fresh.jsonl"
run
check "second run syncs the feed once old enough" one "$t"/processed/fresh-*.jsonl
check "second run does not touch processed feeds again" [ "$(wc -l <"$STUB_LOG")" -eq 7 ]

# --- a good night -------------------------------------------------------------
setup good
feed anct.jsonl
feed decider-ensemble.jsonl "5 seconds ago"
TEC_SYNC_MIN_AGE=0 TEC_SYNC_WAIT=30 run
check "exit status 0 when every feed synced" [ "$status" -eq 0 ]
check "TEC_SYNC_MIN_AGE=0 takes a recent feed" one "$t"/processed/decider-ensemble-*.jsonl
check "TEC_SYNC_WAIT passed as --wait" has "$STUB_LOG" "--wait 30 "
run
check "empty incoming/: exit 0" [ "$status" -eq 0 ]

# --- overrides of every directory ---------------------------------------------
setup custom
mkdir -p "$t/drop"
feed anct.jsonl
mv "$t/incoming/anct.jsonl" "$t/drop/"
TEC_SYNC_HOME=$t/nowhere TEC_SYNC_INCOMING=$t/drop TEC_SYNC_PROCESSED=$t/ok TEC_SYNC_FAILED=$t/ko \
  TEC_SYNC_REPORTS=$t/rep TEC_SYNC_WORK=$t/wip TEC_SYNC_LOCK=$t/lk TEC_INDEX_DIR=$t/idx run
check "directory overrides honoured" one "$t"/ok/anct-*.jsonl
check "report in TEC_SYNC_REPORTS" one "$t"/rep/anct-*.json
check "index in TEC_INDEX_DIR" has "$STUB_LOG" "--index $t/idx "

# --- the same source twice ------------------------------------------------------
setup twice
feed anct.jsonl
feed anct.csv
feed anct.mapping.json
run
check "jsonl and csv of one source: exit 1" [ "$status" -eq 1 ]
both_left() { [ -f "$t/incoming/anct.jsonl" ] && [ -f "$t/incoming/anct.csv" ] && [ ! -s "$STUB_LOG" ]; }
check "jsonl and csv of one source: both left, none synced" both_left

# --- another run holds the lock -------------------------------------------------
setup locked
feed anct.jsonl
exec 8>>"$t/sync.lock"
flock -n 8
run
exec 8>&-
check "locked: exit 0, nothing done" [ "$status" -eq 0 ]
check "locked: feed left in incoming/" one "$t/incoming/anct.jsonl"
check "locked: says so" has "$t/out" "another tec-sync-dropdir run holds"
run
check "lock released: feed synced" one "$t"/processed/anct-*.jsonl

# --- a run killed while syncing ---------------------------------------------------
setup interrupted
mkdir -p "$t/syncing"
feed anct.jsonl
printf 'x\n' >"$t/syncing/icpc-20260101T000000Z.jsonl"
run
check "leftover of an interrupted run moved to failed/" one "$t/failed/icpc-20260101T000000Z.jsonl"
check "interrupted run: exit 1" [ "$status" -eq 1 ]
check "interrupted run: other feeds still synced" one "$t"/processed/anct-*.jsonl

# --- setup errors --------------------------------------------------------------------
setup errors
rm -rf "$t/incoming"
run
check "missing incoming directory: exit 2" [ "$status" -eq 2 ]
mkdir -p "$t/incoming"
feed anct.jsonl
TEC_INDEX_BIN=$t/no-such-tec-index run
check "missing tec-index: exit 2" [ "$status" -eq 2 ]
check "missing tec-index: feed untouched" one "$t/incoming/anct.jsonl"
TEC_SYNC_MIN_AGE=2m run
check "non-numeric TEC_SYNC_MIN_AGE: exit 2" [ "$status" -eq 2 ]

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
