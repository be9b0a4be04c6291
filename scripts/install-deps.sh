#!/usr/bin/env bash
# Installs the Debian 12 packages tec-search builds with, when any is missing.
# Used by ./run, and by ./test with --test (test, benchmark and fuzzing tools
# too); idempotent; sudo only when not root.
set -euo pipefail

packages=(
  g++ make cmake pkg-config
  libxapian-dev libicu-dev rapidjson-dev libspdlog-dev libcli11-dev libgumbo-dev libsodium-dev libcsv-dev
  libcpp-httplib-dev libssl-dev zlib1g-dev libbrotli-dev prometheus-cpp-dev
  libhunspell-dev hunspell-fr-comprehensive
)
if [ "${1:-}" = "--test" ]; then
  packages+=(libgtest-dev libbenchmark-dev clang libclang-rt-14-dev)
  # The code's layout, checked by ctest's code_format (.clang-format).
  packages+=(clang-format)
  # Replication end to end (xapian-replicate, xapian-replicate-server).
  packages+=(xapian-tools)
  # Headless browser of the page tests (tests/browser/run.sh, with Playwright).
  packages+=(chromium)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installation des paquets manquants : ${missing[*]}"
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
