#!/usr/bin/env bash
# Writes static/territoires.js, the names of the départements and régions that
# the "territory" facet of /v1/search gives as codes ("34", "r76"), from
# corpus/territories/{departements,regions}.tsv. Run it again after
# corpus/territories/regenerate.sh. Usage: searchd/web/generate-territoires.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=searchd/web/static/territoires.js
{
  echo '// Généré par searchd/web/generate-territoires.sh depuis corpus/territories (Etalab,'
  echo '// découpage administratif, Licence Ouverte) : ne pas modifier à la main.'
  echo '// Codes de la facette « territory » : département "34", région "r76".'
  echo 'export const TERRITOIRES = {'
  tail -n +2 corpus/territories/departements.tsv | awk -F'\t' '{ gsub(/"/, "\\\"", $2); printf "  \"%s\": \"%s\",\n", $1, $2 }'
  tail -n +2 corpus/territories/regions.tsv | awk -F'\t' '{ gsub(/"/, "\\\"", $2); printf "  \"r%s\": \"%s\",\n", $1, $2 }'
  echo '};'
} > "$out"
echo "$out : $(grep -c '^  "' "$out") territoires"
