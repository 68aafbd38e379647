#!/usr/bin/env bash
# Makes sure Debian's chromium is present for the browser tests (never a downloaded browser build).
# Installs it with apt when running as root; otherwise explains what to do.
set -euo pipefail
CHROMIUM="${ROER_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium ontbreekt: installeren met apt-get (Debian-pakket 'chromium')…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  echo "Chromium geïnstalleerd: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi
echo "Chromium ontbreekt ($CHROMIUM). Installeer het Debian-pakket als beheerder:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
echo "of wijs met ROER_CHROMIUM naar een bestaande chromium." >&2
exit 1
