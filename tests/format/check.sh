#!/usr/bin/env bash
# ctest code_format: every C++ file of the repository laid out as .clang-format
# says (Debian 12's clang-format 14). Fix with: clang-format -i FILE…
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v clang-format >/dev/null; then
  echo "clang-format absent : installez-le (scripts/install-deps.sh --test) ; vérification sautée" >&2
  exit 77
fi
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "pas un dépôt git : vérification sautée" >&2
  exit 77
fi
git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run --Werror
