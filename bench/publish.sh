#!/usr/bin/env bash
# Publishing speed (docs/publishing.md): a full build without cache against a warm-cache rebuild
# after one chapter changed, and a full build on 1 against 2 threads. Benchmarks, not tests:
# the figures depend on the machine and its load, so the script prints them and asserts nothing.
#
#   bench/publish.sh [BINARY] [--formats LIST] [--runs N]
#
# BINARY defaults to build-bench/leitbild (then build-publish/leitbild, build/leitbild). --formats
# defaults to every format that needs no external tool (html,epub,slides: issue #9); pass a list
# with docx, odt, pptx or pdf-handout to time Pandoc and Chromium too. The bundled tree is copied to
# a scratch folder first, so the repository is never written. Needs hyperfine (Debian package).
# bench/run measures the same on the bundled tree (and more) and writes docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=""
formats="html,epub,slides"
runs=5
while (($#)); do
  case $1 in
    --formats) formats=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) binary=$1; shift ;;
  esac
done
if [[ -z $binary ]]; then
  for candidate in build-bench/leitbild build-publish/leitbild build/leitbild; do
    [[ -x $candidate ]] && { binary=$candidate; break; }
  done
fi
[[ -x $binary ]] || { echo "bench/publish.sh: no leitbild binary (build it, or pass its path)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "bench/publish.sh: hyperfine is missing: apt-get install hyperfine" >&2; exit 77; }
binary=$(realpath "$binary")

work=$(mktemp -d /tmp/leitbild-bench-publish.XXXXXX)
trap 'rm -rf "$work"' EXIT
tree=$work/tree
mkdir -p "$tree"
cp -r leitbild.yaml content glossary "$tree"/
[[ -d themes ]] && cp -r themes "$tree"/
# A translation, so that changing it marks no other translation stale.
chapter=$tree/content/editions/4/nl/grundsaetze.md
[[ -f $chapter ]] || chapter=$(find "$tree/content/editions" -path '*/nl/*.md' | sort | head -1)
cp "$chapter" "$work/chapter.orig"
# The bundled editions are frozen (edition.lock): editing a chapter of one would be an error. The
# scratch copy unfreezes the edition it edits.
rm -f "$(dirname "$(dirname "$chapter")")/edition.lock"

format_args=()
[[ -n $formats ]] && format_args=(--formats "$formats")
build="$binary build $tree --quiet ${format_args[*]}"
# Each rebuild sees one chapter with a sentence it has never seen before.
touch_chapter="cp $work/chapter.orig $chapter && printf '\nExtra zin %s.\n' \$(tr -dc a-z </dev/urandom | head -c 12) >> $chapter"

echo "leitbild: $("$binary" --version)"
echo "formats:  ${formats:-every available one}"
"$binary" build --list-formats | sed 's/^/  /'
echo "machine:  $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# Warm the cache once, so that the rebuild measures a cache with every other job in it.
$build --out "$work/dist-warm" --jobs 2 >/dev/null 2>&1 || true

hyperfine --style basic --runs "$runs" --warmup 1 \
  --export-markdown "$work/results.md" --export-json "$work/results.json" \
  --prepare "rm -rf $work/dist-full $work/dist-full.*" \
  -n "full build, no cache, --jobs 2" "$build --no-cache --jobs 2 --out $work/dist-full" \
  --prepare "$touch_chapter" \
  -n "rebuild, warm cache, one chapter changed, --jobs 2" "$build --jobs 2 --out $work/dist-warm" \
  --prepare "rm -rf $work/dist-one $work/dist-one.*" \
  -n "full build, no cache, --jobs 1" "$build --no-cache --jobs 1 --out $work/dist-one"

echo
cat "$work/results.md"
