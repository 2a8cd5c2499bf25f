#!/usr/bin/env bash
# Installs what building, running and testing itareport needs, only when missing.
#   scripts/setup.sh build   libraries to build and run (libxml2, libzip, zlib, libyaml, pkg-config)
#   scripts/setup.sh test    the above plus LibreOffice, poppler, Thai fonts, Node.js (runs the web pages' script
#                            in a test), python-docx, openxml-audit
#   scripts/setup.sh browser the above plus Chromium, its WebDriver and selenium (the web app's browser checks)
set -euo pipefail
mode=${1:-build}

need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
want() { for p in "$@"; do have_pkg "$p" || need_apt+=("$p"); done; }

want libxml2-dev libzip-dev zlib1g-dev libyaml-dev pkg-config
if [ "$mode" = test ] || [ "$mode" = run ] || [ "$mode" = browser ]; then
  want libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-thai-tlwg fonts-tlwg-laksaman
fi
if [ "$mode" = test ] || [ "$mode" = browser ]; then
  want nodejs
fi
if [ "$mode" = browser ]; then
  want chromium chromium-driver
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ "$mode" = test ] || [ "$mode" = browser ]; then
  py=$(command -v python3 || true)
  if [ -z "$py" ]; then echo "setup: python3 is required for the tests" >&2; exit 1; fi
  missing=()
  "$py" -c 'import docx' 2>/dev/null || missing+=(python-docx)
  "$py" -c 'import openxml_audit' 2>/dev/null || missing+=(openxml-audit)
  if [ "$mode" = browser ]; then "$py" -c 'import selenium' 2>/dev/null || missing+=(selenium); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: pip installing ${missing[*]}"
    "$py" -m pip install -q "${missing[@]}" 2>/dev/null || "$py" -m pip install -q --break-system-packages "${missing[@]}"
  fi
fi
echo "setup: ok ($mode)"
