#!/usr/bin/env bash
# Referee: EPUBCheck (Debian's epubcheck) judges every EPUB of the bundled tree and of the EPUB
# sample tree (footnote, table, cross-references, terms, errata). Pass: 0 fatals, 0 errors,
# 0 warnings for every book. Usage: bash epub_epubcheck.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
jar=/usr/share/java/epubcheck.jar
if ! command -v java >/dev/null || [ ! -f "$jar" ]; then
  echo "SKIP: EPUBCheck is not installed (apt-get install epubcheck)"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"

status=0
for tree in bundled:. sample:tests/trees/epub-sample; do
  name=${tree%%:*}
  dir=${tree#*:}
  if ! SOURCE_DATE_EPOCH=1700000000 "$bin" build "$dir" --formats epub --no-cache --out "$scratch/$name" >"$scratch/$name.log" 2>&1; then
    echo "FAIL: leitbild build $dir --formats epub"
    cat "$scratch/$name.log"
    status=1
  fi
done

mapfile -t books < <(find "$scratch/bundled" "$scratch/sample" -name '*.epub' 2>/dev/null | sort)
# Bundled: 3 editions x 2 languages; sample: 1 edition x 2 languages.
if [ "${#books[@]}" -ne 8 ]; then
  echo "FAIL: expected 8 EPUBs, found ${#books[@]}: ${books[*]}"
  exit 1
fi

for book in "${books[@]}"; do
  out=$(java -jar "$jar" "$book" 2>&1)
  summary=$(printf '%s\n' "$out" | grep -E '^Messages:' || true)
  if printf '%s\n' "$summary" | grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings'; then
    echo "ok   ${book#$scratch/}  ($summary)"
  else
    echo "FAIL ${book#$scratch/}"
    printf '%s\n' "$out" | grep -E '^(FATAL|ERROR|WARNING)|^Messages' | head -40
    status=1
  fi
done
exit $status
