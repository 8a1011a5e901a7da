#!/usr/bin/env bash
# Referee: Ace by DAISY (npm @daisy/ace, puppeteer runner on Debian's chromium) judges every EPUB
# of the bundled tree. Pass: no accessibility violation (any impact) and Ace finished.
# Usage: bash epub_ace.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
ace=node_modules/@daisy/ace/bin/ace-puppeteer.js
if ! command -v node >/dev/null || [ ! -f "$ace" ] || [ ! -x /usr/bin/chromium ]; then
  echo "SKIP: needs node, npm @daisy/ace (npm ci) and chromium (apt-get install chromium)"
  exit 77
fi
rm -rf "$scratch" && mkdir -p "$scratch"
export PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium
export HOME="$scratch/home"  # chromium's profile and crash files stay in the scratch folder
mkdir -p "$HOME"

if ! SOURCE_DATE_EPOCH=1700000000 "$bin" build . --formats epub --no-cache --out "$scratch/dist" >"$scratch/build.log" 2>&1; then
  echo "FAIL: leitbild build . --formats epub"
  cat "$scratch/build.log"
  exit 1
fi
mapfile -t books < <(find "$scratch/dist" -name '*.epub' | sort)
if [ "${#books[@]}" -ne 6 ]; then
  echo "FAIL: expected 6 EPUBs, found ${#books[@]}"
  exit 1
fi

status=0
mkdir -p "$scratch/reports" "$scratch/tmp"
for book in "${books[@]}"; do
  report="$scratch/reports/$(basename "$book" .epub)"
  if ! node "$ace" --silent --force --outdir "$report" --tempdir "$scratch/tmp" "$book" >"$report.log" 2>&1; then
    echo "FAIL $(basename "$book"): Ace did not finish"
    tail -20 "$report.log"
    status=1
    continue
  fi
  # Every failed assertion of every document is a violation, whatever its impact.
  result=$(node -e '
    const report = require(process.argv[1]);
    const failures = [];
    const walk = (a) => {
      for (const x of a.assertions || []) {
        if (x["earl:result"] && x["earl:result"]["earl:outcome"] === "fail" && !(x.assertions && x.assertions.length))
          failures.push(`${x["earl:test"]["dct:title"]} (${x["earl:test"]["earl:impact"]}): ${(x["earl:result"]["dct:description"] || "").split("\n")[0]} [${(x["earl:result"]["earl:pointer"] || {})["css"] || a["earl:testSubject"]?.url || ""}]`);
        walk(x);
      }
    };
    walk(report);
    if (report["earl:result"]["earl:outcome"] !== "pass" && failures.length === 0) failures.push("Ace: overall outcome " + report["earl:result"]["earl:outcome"]);
    console.log(failures.length);
    for (const f of failures) console.log("  " + f);
  ' "$(realpath "$report/report.json")")
  count=$(printf '%s\n' "$result" | head -1)
  if [ "$count" = "0" ]; then
    echo "ok   $(basename "$book")  (0 violations)"
  else
    echo "FAIL $(basename "$book"): $count violations"
    printf '%s\n' "$result" | tail -n +2 | head -40
    status=1
  fi
done
exit $status
