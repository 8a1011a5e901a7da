#!/usr/bin/env bash
# Referee: the EPUBs are byte-reproducible. Two builds of the bundled tree with the same
# SOURCE_DATE_EPOCH into two folders give identical bytes; so do two builds without it (then the
# adoption date is the timestamp, see docs/epub.md). The OCF rules for the first entry hold:
# `mimetype`, stored, no extra field. Usage: bash epub_reproducible.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch"

build() {  # folder [SOURCE_DATE_EPOCH]
  if [ -n "${2:-}" ]; then
    SOURCE_DATE_EPOCH=$2 "$bin" build . --formats epub --no-cache --out "$scratch/$1" >"$scratch/$1.log" 2>&1
  else
    env -u SOURCE_DATE_EPOCH "$bin" build . --formats epub --no-cache --out "$scratch/$1" >"$scratch/$1.log" 2>&1
  fi || { echo "FAIL: leitbild build into $1"; cat "$scratch/$1.log"; exit 1; }
}

status=0
compare() {  # folder-a folder-b
  mapfile -t books < <(cd "$scratch/$1" && find . -name '*.epub' | sort)
  if [ "${#books[@]}" -ne 6 ]; then echo "FAIL: expected 6 EPUBs in $1, found ${#books[@]}"; status=1; return; fi
  for book in "${books[@]}"; do
    if cmp -s "$scratch/$1/$book" "$scratch/$2/$book"; then
      echo "ok   $book identical in $1 and $2 ($(stat -c %s "$scratch/$1/$book") bytes)"
    else
      echo "FAIL $book differs between $1 and $2"
      status=1
    fi
  done
}

build sde-a 1700000000
build sde-b 1700000000
TZ=Pacific/Kiritimati build sde-tz 1700000000
build plain-a
TZ=America/Anchorage build plain-b
compare sde-a sde-b
compare sde-a sde-tz
compare plain-a plain-b

for book in $(find "$scratch/sde-a" -name '*.epub' | sort); do
  # Local file header of the first entry: stored (method 0), name "mimetype", no extra field.
  header=$(head -c 58 "$book" | od -An -tx1 -v | tr -d ' \n')
  method=${header:16:4}
  extra=${header:56:4}
  name_and_data=$(head -c 58 "$book" | tail -c 28)
  if [ "$method" = "0000" ] && [ "$extra" = "0000" ] && [ "$name_and_data" = "mimetypeapplication/epub+zip" ]; then
    echo "ok   $(basename "$book"): mimetype first, stored, no extra field"
  else
    echo "FAIL $(basename "$book"): first entry is not an uncompressed mimetype without extra field"
    status=1
  fi
done
exit $status
