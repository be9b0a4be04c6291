#!/bin/sh
# Refresh corpus/territories/*.tsv from the pinned Etalab package.
# Usage: corpus/territories/regenerate.sh   (needs node + npm; nothing is installed in the repo)
set -eu
VERSION=6.0.0
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
npm install --prefix "$TMP" --no-save --no-audit --no-fund "@etalab/decoupage-administratif@$VERSION"
node "$HERE/generate.mjs" "$TMP/node_modules/@etalab/decoupage-administratif" "$HERE"
