#!/usr/bin/env bash
# Referee: every slide of every deck page, rendered in Debian's headless Chromium at 1280x720 by
# playwright-core (tests/referees/lib/slide-overflow.mjs), fits its box after the deck's fitting
# script has run, and no deck asks for anything from the network.
# Usage: bash slides_overflow.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
if ! command -v node >/dev/null || [ ! -x "${LEITBILD_CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d node_modules/playwright-core ]; then
  echo "SKIP: needs node, chromium and node_modules/playwright-core (scripts/setup)"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"
source tests/referees/lib/slides-build.sh
status=0
slides_build "$scratch" || status=1
mapfile -t pages < <(slides_pages "${built[@]}")
node tests/referees/lib/slide-overflow.mjs "${pages[@]}" || status=1
exit $status
