#!/usr/bin/env bash
# Referee: two HTML builds of the same tree are byte-identical (bundled tree and
# tests/trees/html-sample), and the second build does not depend on the machine's time zone.
# Usage: bash html_reproducible.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch"
status=0
for spec in "bundled|." "sample|tests/trees/html-sample"; do
  IFS='|' read -r name dir <<<"$spec"
  "$bin" build "$dir" --formats html --no-cache --out "$scratch/$name-1" >"$scratch/$name-1.log" 2>&1 || { cat "$scratch/$name-1.log"; status=1; }
  TZ=Pacific/Kiritimati LC_ALL=C "$bin" build "$dir" --formats html --no-cache --out "$scratch/$name-2" >"$scratch/$name-2.log" 2>&1 || { cat "$scratch/$name-2.log"; status=1; }
  # The build report records timings; every page and asset must match.
  if ! diff -r -q -x report.json -x '.leitbild*' "$scratch/$name-1" "$scratch/$name-2"; then
    echo "FAIL: two builds of $dir differ"
    status=1
  else
    echo "ok   $dir: $(find "$scratch/$name-1" -type f -name '*.html' | wc -l) pages identical in two builds"
  fi
done
exit $status
