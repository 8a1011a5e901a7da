#!/usr/bin/env bash
# Referee: the Nu HTML Checker (vnu-jar from npm) judges every slide deck page: the bundled decks,
# the edition outline decks and the slides-sample test deck in three layouts. Pass: 0 errors.
# Usage: bash slides_vnu.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
if ! command -v java >/dev/null || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  echo "SKIP: the Nu HTML Checker needs java (default-jre-headless) and node_modules/vnu-jar (scripts/setup)"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"
source tests/referees/lib/slides-build.sh
status=0
slides_build "$scratch" || status=1
mapfile -t pages < <(slides_pages "${built[@]}")
if [ "${#pages[@]}" -lt 10 ]; then
  echo "FAIL: expected at least 10 deck pages, found ${#pages[@]}"
  exit 1
fi
out=$(bash tests/referees/lib/vnu.sh "${pages[@]}" 2>&1) || status=1
if [ -n "$out" ]; then printf '%s\n' "$out"; fi
[ $status -eq 0 ] && echo "ok   ${#pages[@]} deck pages, 0 errors"
exit $status
