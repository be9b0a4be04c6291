#!/bin/sh
# Refresh corpus/territories/*.tsv from the pinned Etalab package.
# Usage: corpus/territories/regenerate.sh [FRANCE_GEOJSON_DIR]
# (needs node + npm; nothing is installed in the repo). FRANCE_GEOJSON_DIR is
# a checkout of gregoiredavid/france-geojson at the commit named in README.md:
# given, the communes' centres and neighbouring départements are rebuilt too.
set -eu
VERSION=6.0.0
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
npm install --prefix "$TMP" --no-save --no-audit --no-fund "@etalab/decoupage-administratif@$VERSION"
if [ $# -ge 1 ]; then
  node "$HERE/generate.mjs" "$TMP/node_modules/@etalab/decoupage-administratif" "$HERE" --places "$1"
else
  node "$HERE/generate.mjs" "$TMP/node_modules/@etalab/decoupage-administratif" "$HERE"
fi
