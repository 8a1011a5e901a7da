#!/usr/bin/env bash
# Referee: axe-core in headless Chromium judges every page of the HTML site of the bundled tree and
# of tests/trees/html-sample against WCAG 2.0/2.1/2.2 A and AA, three times: a 1280x800 desktop
# window, a 320 px wide window (reflow: no page may scroll sideways) and 1280x800 at 200 % zoom.
# Pass: 0 violations, no request leaves the machine.
# Usage: bash html_axe.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
if ! command -v node >/dev/null 2>&1 || [ ! -x /usr/bin/chromium ] || [ ! -d node_modules/playwright-core ]; then
  echo "SKIP: needs node, /usr/bin/chromium and node_modules/playwright-core + axe-core (scripts/setup)"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"
source tests/referees/lib/html-build.sh
status=0
html_build "$bin" "$scratch" || status=1
mapfile -t pages < <(html_pages "${built[@]}")
if [ "${#pages[@]}" -lt 60 ]; then
  echo "FAIL: expected at least 60 pages, found ${#pages[@]}"
  exit 1
fi
# One load per page, checked in the three windows (axe.mjs resizes between runs).
node tests/referees/lib/axe.mjs --viewport 1280x800 --viewport 320x640 --viewport 1280x800 --zoom 2 --reflow "${pages[@]}"
rc=$?
[ $rc -eq 77 ] && exit 77
if [ $rc -ne 0 ]; then
  echo "FAIL: axe found violations (above)"
  status=1
else
  echo "ok   axe: ${#pages[@]} pages at 1280x800, 320x640 and 1280x800 zoomed to 200 %, 0 violations, no external request"
fi
exit $status
