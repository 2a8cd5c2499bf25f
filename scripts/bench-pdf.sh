#!/usr/bin/env bash
# PDF in bulk against one LibreOffice per document, on the same N organisations' O34s.
#   scripts/bench-pdf.sh [N] [ITAREPORT]     (N organisations, default 10; ITAREPORT default .build/release/itareport)
# A: itareport batch --format pdf --jobs 1 (fills the ODTs and converts them, several per LibreOffice run).
# B: the same ODTs, each converted by its own LibreOffice with a fresh profile (what --format pdf did before).
# C: the bulk run again with one organisation's document damaged on its way to LibreOffice
#    (scripts/soffice-breaking.sh as --soffice): that organisation is reported, by the PDF it was to be,
#    and the others' PDFs are written.
# Prints wall seconds, seconds per document and the ratio, then C's outcome. Needs soffice, python3 and
# /usr/bin/time.
set -euo pipefail
n=${1:-10}
bin=$(realpath "${2:-.build/release/itareport}")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/itareport-bench-pdf.XXXXXX)
trap 'rm -rf "$work"' EXIT

csv="$work/scores.csv"
for i in $(seq 1 "$n"); do
  echo "เทศบาลตำบลทดสอบ$i,เมือง,ศรีสะเกษ,95,94,93,92,91,90,89,88,87,86" >> "$csv"
done
# The ODTs for B, written by the tool itself.
"$bin" batch "$csv" --base "$here/Examples/sisaket-2568.yaml" --report o34 --format odt --output "$work/odt" --jobs 1 >/dev/null 2>&1
mapfile -t odts < <(find "$work/odt" -name '*.odt' | sort)
docs=${#odts[@]}

secs() { /usr/bin/time -f %e -o "$work/t" "$@" >/dev/null 2>&1; cat "$work/t"; }

a=$(secs "$bin" batch "$csv" --base "$here/Examples/sisaket-2568.yaml" --report o34 --format pdf --output "$work/a" --jobs 1)
b=$(secs bash -c '
  out=$1; shift
  for f in "$@"; do
    p=$(mktemp -d)
    soffice -env:UserInstallation=file://$p --headless --invisible --nologo --norestore --convert-to pdf --outdir "$out" "$f" >/dev/null 2>&1
    rm -rf "$p"
  done' _ "$work/b" "${odts[@]}")
pa=$(find "$work/a" -name '*.pdf' | wc -l); pb=$(find "$work/b" -name '*.pdf' | wc -l)
echo "documents: $docs (PDFs written: bulk $pa, one process each $pb)"
awk -v a="$a" -v b="$b" -v d="$docs" 'BEGIN {
  printf "bulk (itareport batch --format pdf --jobs 1): %.2f s, %.2f s per document\n", a, a / d
  printf "one LibreOffice per document:                %.2f s, %.2f s per document\n", b, b / d
  printf "speed-up: %.1fx\n", b / a }'

# C: one damaged document among the others.
broken="เทศบาลตำบลแฟ้มเสีย"
sed -i "$((n / 2 + 1))s/^[^,]*/$broken/" "$csv"
set +e
BREAK_TEXT="$broken" SOFFICE=$(command -v soffice || command -v libreoffice) \
  "$bin" batch "$csv" --base "$here/Examples/sisaket-2568.yaml" --report o34 --format pdf --output "$work/c" --jobs 1 \
  --soffice "$here/scripts/soffice-breaking.sh" > "$work/c.log" 2>&1
status=$?
set -e
echo "one damaged document among $docs (exit status $status):"
grep -F "FAILED" "$work/c.log" | sed 's/^/  /'
echo "  PDFs written for the others: $(find "$work/c" -name '*.pdf' | wc -l) of $((docs - 1))"
