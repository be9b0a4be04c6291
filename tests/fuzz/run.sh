#!/usr/bin/env bash
# Builds the libFuzzer targets in build/fuzz (clang, ASan + UBSan, coverage of
# the whole project) and runs each for SECONDS (default 30) on a copy of its
# seed corpus. Exit status: 0 when every target ran clean, 77 when clang++ or
# its libFuzzer runtime is missing (skipped, as ctest's fuzz test reports it),
# 1 when a target found a crash, 2 when the build failed. The last line says
# "N passed, M failed".
#   tests/fuzz/run.sh [SECONDS]                # default: TEC_FUZZ_SECONDS or 30
#   TEC_FUZZ_JOBS=1 tests/fuzz/run.sh 300     # build jobs (default: nproc)
#   TEC_FUZZ_SEED=1 tests/fuzz/run.sh 20       # a fixed random seed (./test uses one)
set -uo pipefail

seconds="${1:-${TEC_FUZZ_SECONDS:-30}}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 [SECONDS]" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$root/build/fuzz"
jobs="${TEC_FUZZ_JOBS:-$(nproc)}"
targets=(fuzz_feed_record fuzz_query)

skip() {
  echo "fuzz: $1" >&2
  echo "skipped: $1"
  exit 77
}

command -v clang++ >/dev/null 2>&1 || skip "clang++ not found (apt-get install clang libclang-rt-dev)"
probe_dir="$(mktemp -d /tmp/tec-fuzz-probe.XXXXXX)"
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' > "$probe_dir/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" >/dev/null 2>&1; then
  rm -rf "$probe_dir"
  skip "clang++ cannot link -fsanitize=fuzzer,address,undefined (libFuzzer runtime missing: apt-get install libclang-rt-dev)"
fi
rm -rf "$probe_dir"

# --- build --------------------------------------------------------------------
started=$(date +%s)
# A cache made from another source tree (a copy of the project) is not reused.
# Its objects would look up to date: everything but the crashes goes.
if [ -f "$build/CMakeCache.txt" ] && ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$root" "$build/CMakeCache.txt"; then
  find "$build" -mindepth 1 -maxdepth 1 ! -name crashes -exec rm -rf {} +
fi
# Configured every time (quick, and a no-op when nothing changed) so the
# options below always hold. Two RapidJSON 1.1.0 matters (header-only, so
# every file of this build gets the same definitions):
#  - the ignore list silences one known UBSan report inside RapidJSON, see
#    tests/fuzz/ubsan_ignorelist.txt;
#  - RAPIDJSON_48BITPOINTER_OPTIMIZATION=0: on x86-64 RapidJSON keeps type
#    flags in the top 16 bits of its string and array pointers, which
#    LeakSanitizer cannot recognise, so the schema's heap strings (names over
#    13 bytes such as "participation_levels") are reported as leaked while the
#    RecordValidator holding them is alive. Plain pointers remove those false
#    reports and change nothing else.
echo "== configuring $build"
mkdir -p "$build"
cmake -S "$root" -B "$build" \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="-g -fsanitize-ignorelist=$root/tests/fuzz/ubsan_ignorelist.txt -DRAPIDJSON_48BITPOINTER_OPTIMIZATION=0" \
  -DTEC_FUZZ=ON -DTEC_SANITIZE=ON -DTEC_BUILD_TESTS=OFF -DTEC_BUILD_BENCH=OFF >"$build/configure.log" 2>&1 || {
  cat "$build/configure.log"
  echo "0 passed, ${#targets[@]} failed (configure failed)"
  exit 2
}
echo "== building ${targets[*]} (-j$jobs)"
if ! cmake --build "$build" --target "${targets[@]}" -j"$jobs"; then
  echo "0 passed, ${#targets[@]} failed (build failed)"
  exit 2
fi
echo "== built in $(( $(date +%s) - started )) s"

# --- run ----------------------------------------------------------------------
symbolizer="$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)"
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# The targets' scratch folders (index, feed file) go under one folder of
# /tmp per run, removed at the end even when a target crashed.
run_tmp="$(mktemp -d /tmp/tec-fuzz-run.XXXXXX)"
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR="$run_tmp"

passed=0
failed=0
summary=()
for target in "${targets[@]}"; do
  binary="$build/tests/fuzz/$target"
  seeds="$root/tests/fuzz/corpus/${target#fuzz_}"
  work="$build/corpus/${target#fuzz_}"
  crashes="$build/crashes/$target"
  log="$build/logs/$target.log"
  rm -rf "$work"
  mkdir -p "$work" "$crashes" "$(dirname "$log")"
  cp "$seeds"/* "$work"/
  echo "== $target: ${seconds} s on a copy of $seeds ($(ls "$seeds" | wc -l) seeds), log $log"
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 ${TEC_FUZZ_SEED:+-seed="$TEC_FUZZ_SEED"} \
    -dict="$root/tests/fuzz/${target#fuzz_}.dict" -artifact_prefix="$crashes/" "$work" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1)
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    summary+=("$target: clean, ${runs:-?} runs, ${speed:-?} exec/s, ${cov:-no coverage line}")
  else
    failed=$((failed + 1))
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    summary+=("$target: FAILED (exit $status) after ${runs:-?} runs; reproducer: ${artifact:-none written, see $log}")
    echo "---- $target report (full log: $log)"
    first=$(grep -m1 -n -E '==[0-9]+== ?ERROR|==tec-fuzz==|runtime error:|ERROR: libFuzzer' "$log" | cut -d: -f1)
    if [ -n "$first" ]; then sed -n "$first,\$p" "$log" | head -80; else tail -40 "$log"; fi
    if [ -n "$artifact" ]; then
      echo "---- reproduce with: $binary $artifact"
    fi
  fi
done

echo "== summary"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
