# Sourced by the html_* referees: builds the HTML site of the bundled tree and of the test tree
# tests/trees/html-sample (English source, German translation, editions 5 and 7).
#   html_build BIN SCRATCH   -> sets the array `built` to the two output folders; returns 1 on failure
#   html_pages DIR...        -> every .html file under the folders, sorted
html_build() {
  local bin=$1 scratch=$2 status=0 spec name dir
  built=()
  for spec in "bundled|." "sample|tests/trees/html-sample"; do
    IFS='|' read -r name dir <<<"$spec"
    if ! "$bin" build "$dir" --formats html --no-cache --out "$scratch/$name" >"$scratch/$name.log" 2>&1; then
      echo "FAIL: leitbild build $dir --formats html --out $scratch/$name"
      cat "$scratch/$name.log"
      status=1
    fi
    built+=("$scratch/$name")
  done
  return $status
}

html_pages() {
  find "$@" -name '*.html' -type f 2>/dev/null | sort
}
