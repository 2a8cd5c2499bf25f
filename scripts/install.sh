#!/usr/bin/env bash
# Installs a built itareport under a prefix:
#   PREFIX/lib/itareport/itareport                  the program, with its resource bundle beside it
#   PREFIX/bin/itareport -> ../lib/itareport/itareport
#   PREFIX/share/itareport/Templates/               the shipped templates (found from the program's real path)
# Usage: scripts/install.sh BUILD_DIR PREFIX      (BUILD_DIR: .build/release)
set -euo pipefail
build=${1:?usage: install.sh BUILD_DIR PREFIX}
prefix=${2:?usage: install.sh BUILD_DIR PREFIX}
here=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x "$build/itareport" ]; then
  echo "install: no program at $build/itareport; run 'make build' first" >&2
  exit 1
fi
lib="$prefix/lib/itareport"
share="$prefix/share/itareport/Templates"
mkdir -p "$prefix/bin" "$lib" "$share"
install -m 755 "$build/itareport" "$lib/itareport.new"
mv -f "$lib/itareport.new" "$lib/itareport"
for bundle in "$build"/*.resources; do
  [ -d "$bundle" ] || continue
  rm -rf "$lib/$(basename "$bundle")"
  cp -R "$bundle" "$lib/"
done
ln -sfn ../lib/itareport/itareport "$prefix/bin/itareport"
for t in "$here"/Templates/*.docx "$here"/Templates/*.odt "$here"/Templates/README.md; do
  install -m 644 "$t" "$share/"
done
echo "installed $prefix/bin/itareport (templates in $share)"
