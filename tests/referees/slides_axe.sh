#!/usr/bin/env bash
# Referee: axe-core (WCAG 2 A/AA, tests/referees/lib/axe.mjs) in Debian's headless Chromium judges
# every slide deck page twice: as loaded (reveal.js running, the first slide shown) and as a static
# copy of reveal.js's print view (tests/referees/lib/slide-print-snapshot.mjs), where every slide
# is laid out and visible at once, so the text and colours of every slide (the translation's
# contrast included) are checked. Pass: 0 violations.
# Usage: bash slides_axe.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
if ! command -v node >/dev/null || [ ! -x "${LEITBILD_CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d node_modules/axe-core ] \
   || [ ! -d node_modules/playwright-core ]; then
  echo "SKIP: needs node, chromium, node_modules/axe-core and node_modules/playwright-core (scripts/setup)"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"
source tests/referees/lib/slides-build.sh
status=0
slides_build "$scratch" || status=1
mapfile -t pages < <(slides_pages "${built[@]}")
node tests/referees/lib/slide-print-snapshot.mjs "${pages[@]}" || status=1
mapfile -t views < <(find "${built[@]}" -name 'index-print-view.html' | sort)
node tests/referees/lib/axe.mjs "${pages[@]}" "${views[@]}" || status=1
[ $status -eq 0 ] && echo "ok   ${#pages[@]} deck pages as loaded and ${#views[@]} print views: 0 violations"
exit $status
