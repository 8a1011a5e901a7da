#!/usr/bin/env bash
# Referee: the PDF handouts (headless Chromium printing reveal.js's print view) have exactly one
# page per slide, as poppler's pdfinfo counts them, for the bundled decks and the sample deck.
# Usage: bash slides_pdf.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
if ! command -v pdfinfo >/dev/null || [ ! -x "${LEITBILD_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "SKIP: needs pdfinfo (poppler-utils) and chromium"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"
source tests/referees/lib/slides-build.sh
status=0
slides_build "$scratch" slides,pdf-handout || status=1
count=0
for folder in "${built[@]}"; do
  for deck in "$folder"/decks/*/; do
    deck=${deck%/}
    [ -d "$deck" ] || continue
    name=$(basename "$deck")
    pdf="$deck/$name.pdf"
    slides=$(grep -o '<section class="lb-slide' "$deck/index.html" | wc -l)
    if [ ! -f "$pdf" ]; then
      echo "FAIL ${pdf#$scratch/}: missing"
      status=1
      continue
    fi
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
    if [ "$pages" = "$slides" ] && [ "$slides" -gt 0 ]; then
      echo "ok   ${pdf#$scratch/}: $pages pages for $slides slides ($size)"
    else
      echo "FAIL ${pdf#$scratch/}: $pages pages for $slides slides"
      status=1
    fi
    count=$((count + 1))
  done
done
if [ $count -lt 3 ]; then
  echo "FAIL: expected 3 handouts (almelo-2011, leitbild-2025, probe), found $count"
  status=1
fi
exit $status
