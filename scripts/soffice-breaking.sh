#!/usr/bin/env bash
# LibreOffice with one document damaged on its way in, for trying how a bulk conversion handles a
# document that cannot be converted: every .odt argument whose text contains $BREAK_TEXT is cut to its
# first 3,000 bytes (a zip cut short), then the real soffice ($SOFFICE, else soffice on PATH) runs with
# the same arguments. Used as `itareport batch … --format pdf --soffice scripts/soffice-breaking.sh`.
set -euo pipefail
real=${SOFFICE:-$(command -v soffice || command -v libreoffice)}
for a in "$@"; do
  case "$a" in
    *.odt)
      python3 -c '
import sys, zipfile
path, text = sys.argv[1], sys.argv[2]
if text and text in zipfile.ZipFile(path).read("content.xml").decode("utf-8"):
    data = open(path, "rb").read()[:3000]
    open(path, "wb").write(data)
' "$a" "${BREAK_TEXT:-}"
      ;;
  esac
done
exec "$real" "$@"
