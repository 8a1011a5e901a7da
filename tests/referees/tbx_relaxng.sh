#!/usr/bin/env bash
# Referee: libxml2's xmllint validates the bundled glossary's TBX export against the TBX-Basic
# RelaxNG schema (LTAC-Global, shared/tbx), then imports it again and exports once more: the two
# exports must be identical (export -> import -> export is lossless).
# Usage: bash tbx_relaxng.sh <leitbild-binary> <scratch-dir>
set -u
bin=$1
scratch=$2
schema=../shared/tbx/TBX-Basic_integrated.rng
if ! command -v xmllint >/dev/null; then
  echo "SKIP: needs xmllint (apt-get install libxml2-utils)"
  exit 77
fi
if [ ! -f "$schema" ]; then
  echo "FAIL: the schema $schema is missing (shared/ must sit beside the repository)"
  exit 1
fi
rm -rf "$scratch" && mkdir -p "$scratch/project"
if ! "$bin" glossary export . --tbx "$scratch/leitbild.tbx" >"$scratch/export.log" 2>&1; then
  echo "FAIL: leitbild glossary export"
  cat "$scratch/export.log"
  exit 1
fi
if ! xmllint --noout --nonet --relaxng "$schema" "$scratch/leitbild.tbx" 2>"$scratch/xmllint.log"; then
  echo "FAIL: the export does not validate against TBX-Basic"
  head -50 "$scratch/xmllint.log"
  exit 1
fi
cp leitbild.yaml "$scratch/project/"
if ! "$bin" glossary import "$scratch/project" --tbx "$scratch/leitbild.tbx" >"$scratch/import.log" 2>&1 ||
   ! "$bin" glossary export "$scratch/project" --tbx "$scratch/again.tbx" >>"$scratch/import.log" 2>&1; then
  echo "FAIL: leitbild glossary import/export of its own export"
  cat "$scratch/import.log"
  exit 1
fi
if ! cmp -s "$scratch/leitbild.tbx" "$scratch/again.tbx"; then
  echo "FAIL: export -> import -> export changed the term base"
  diff "$scratch/leitbild.tbx" "$scratch/again.tbx" | head -40
  exit 1
fi
echo "PASS: $(grep -c '<conceptEntry' "$scratch/leitbild.tbx") concept entries validate against TBX-Basic and round-trip"
