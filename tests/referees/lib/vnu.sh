#!/usr/bin/env bash
# The Nu HTML Checker on HTML files: prints every error, exits 0 when there are none.
#
#   bash tests/referees/lib/vnu.sh FILE.html...     exit 0: no errors; 1: errors (printed); 77: no java/vnu.jar
#
# Uses node_modules/vnu-jar (scripts/setup installs it) with `--errors-only`; warnings are not
# failures. Works from any folder. Shared by the html_, slides_ and epub_ referees.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
jar="$root/node_modules/vnu-jar/build/dist/vnu.jar"
if ! command -v java >/dev/null 2>&1 || [ ! -f "$jar" ]; then
  echo "SKIP: the Nu HTML Checker needs java (default-jre-headless) and node_modules/vnu-jar (scripts/setup)" >&2
  exit 77
fi
if [ $# -eq 0 ]; then
  echo "usage: vnu.sh FILE.html..." >&2
  exit 2
fi
java -jar "$jar" --errors-only --format gnu "$@"
