#!/usr/bin/env bash
# Referee: LibreOffice (headless) opens every Word and PowerPoint file of the bundled tree and
# converts it to PDF without errors. Pass: one PDF per file; every PDF has pages; a deck's PDF has
# one page per slide (the deck's slides + the title slide). Also renders one DOCX page and one
# PPTX slide to PNG under the scratch folder for a look.
# Usage: bash office_libreoffice.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
if ! command -v soffice >/dev/null; then
  echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-writer-nogui libreoffice-impress-nogui)"
  exit 77
fi
if ! command -v pandoc >/dev/null; then
  echo "SKIP: pandoc is not installed (apt-get install pandoc)"
  exit 77
fi
for tool in pdfinfo pdftoppm unzip; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (apt-get install poppler-utils unzip)"
    exit 77
  fi
done
rm -rf "$scratch" && mkdir -p "$scratch/pdf" "$scratch/png"

if ! SOURCE_DATE_EPOCH=1700000000 "$bin" build . --formats docx,pptx --out "$scratch/dist" >"$scratch/build.log" 2>&1; then
  echo "FAIL: leitbild build . --formats docx,pptx"
  cat "$scratch/build.log"
  exit 1
fi

mapfile -t files < <(find "$scratch/dist" \( -name '*.docx' -o -name '*.pptx' \) | sort)
docx=$(printf '%s\n' "${files[@]}" | grep -c '\.docx$' || true)
pptx=$(printf '%s\n' "${files[@]}" | grep -c '\.pptx$' || true)
# Bundled: 3 editions x 2 languages, 2 decks.
if [ "$docx" -ne 6 ] || [ "$pptx" -ne 2 ]; then
  echo "FAIL: expected 6 DOCX and 2 PPTX, found $docx and $pptx: ${files[*]}"
  exit 1
fi

# One LibreOffice start for all files, with a fresh profile (no user settings, no first-start dialogs).
if ! timeout 600 soffice -env:UserInstallation="file://$scratch/profile" --headless --norestore \
    --convert-to pdf --outdir "$scratch/pdf" "${files[@]}" >"$scratch/soffice.log" 2>&1; then
  echo "FAIL: soffice --convert-to pdf"
  cat "$scratch/soffice.log"
  exit 1
fi
if grep -qiE 'error|exception' "$scratch/soffice.log"; then
  echo "FAIL: LibreOffice reported errors"
  cat "$scratch/soffice.log"
  exit 1
fi

status=0
for file in "${files[@]}"; do
  base=$(basename "${file%.*}")
  pdf=$scratch/pdf/$base.pdf
  if [ ! -s "$pdf" ]; then
    echo "FAIL ${file#$scratch/}: no PDF"
    status=1
    continue
  fi
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  if [ -z "$pages" ] || [ "$pages" -lt 1 ]; then
    echo "FAIL ${file#$scratch/}: the PDF has no pages"
    status=1
    continue
  fi
  if [[ $file == *.pptx ]]; then
    slides=$(unzip -Z1 "$file" | grep -cE '^ppt/slides/slide[0-9]+\.xml$')
    if [ "$pages" -ne "$slides" ]; then
      echo "FAIL ${file#$scratch/}: $slides slides but $pages PDF pages"
      status=1
      continue
    fi
  fi
  echo "ok   ${file#$scratch/}  ($pages pages)"
done

# A look at one page of each kind (docs/screenshots/office-*.png are made the same way).
pdftoppm -png -r 60 -f 3 -l 3 -singlefile "$scratch/pdf/leitbild-3-de.pdf" "$scratch/png/office-docx" 2>/dev/null || true
deck=$(basename "$(printf '%s\n' "${files[@]}" | grep '\.pptx$' | tail -1)" .pptx)
pdftoppm -png -r 60 -f 3 -l 3 -singlefile "$scratch/pdf/$deck.pdf" "$scratch/png/office-pptx" 2>/dev/null || true
exit $status
