#!/usr/bin/env bash
# Referee: the Nu HTML Checker judges every page of the HTML site of the bundled tree and of
# tests/trees/html-sample. Pass: 0 errors.
# Usage: bash html_vnu.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch"
source tests/referees/lib/html-build.sh
status=0
html_build "$bin" "$scratch" || status=1
mapfile -t pages < <(html_pages "${built[@]}")
if [ "${#pages[@]}" -lt 60 ]; then
  echo "FAIL: expected at least 60 pages, found ${#pages[@]}"
  exit 1
fi
out=$(bash tests/referees/lib/vnu.sh "${pages[@]}" 2>&1)
rc=$?
[ $rc -eq 77 ] && { echo "$out"; exit 77; }
[ $rc -ne 0 ] && status=1
if [ -n "$out" ]; then printf '%s\n' "$out"; fi
[ $status -eq 0 ] && echo "ok   ${#pages[@]} pages, 0 errors"
exit $status
