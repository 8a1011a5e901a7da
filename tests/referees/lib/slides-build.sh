# Sourced by the slides_* referees: builds the slide decks the referees judge.
#   slides_build SCRATCH [FORMATS]   -> sets the array `built` to the output folders, returns 1 on failure
# Builds the bundled tree (decks in their deck.yaml layouts: almelo-2011 stacked, leitbild-2025
# side-by-side, and an outline deck per edition) and the test tree tests/trees/slides-sample in its
# own layout, stacked, and single-language Dutch.
slides_build() {
  local scratch=$1 formats=${2:-slides} status=0
  built=()
  local spec name dir extra
  for spec in "bundled|.|" "sample|tests/trees/slides-sample|" \
              "sample-stacked|tests/trees/slides-sample|--deck-layout stacked" \
              "sample-single-nl|tests/trees/slides-sample|--deck-lang nl"; do
    IFS='|' read -r name dir extra <<<"$spec"
    if [ "$formats" != slides ] && [ -n "$extra" ]; then continue; fi
    # shellcheck disable=SC2086
    if ! "$bin" build "$dir" --formats "$formats" --out "$scratch/$name" --cache "$scratch/cache" $extra >"$scratch/$name.log" 2>&1; then
      echo "FAIL: leitbild build $dir --formats $formats $extra"
      cat "$scratch/$name.log"
      status=1
    fi
    built+=("$scratch/$name")
  done
  return $status
}

# Every deck page under the given output folders: decks/<deck>/index.html and <N>/slides/index.html.
slides_pages() {
  find "$@" \( -path '*/decks/*/index.html' -o -path '*/slides/index.html' \) -type f 2>/dev/null | sort
}
