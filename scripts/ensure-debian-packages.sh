#!/usr/bin/env bash
# Makes sure the Debian packages the tests use are present: chromium for the browser tests (never a downloaded browser
# build) and libxml2-utils, whose native xmllint validates iJw messages ≈ 3× faster than the wasm fall-back (and is what
# the native-versus-wasm tests compare against), and poppler-utils (pdftoppm, pdftotext), with which the report's PDF tests
# read the pages back. Installs what is missing with apt-get as root (or through sudo without a
# password); when that cannot run or fails, says in Dutch what to install by hand and stops.
# With --start (npm start) it wants only what the product itself uses (chromium prints the council report as PDF;
# xmllint validates faster) and never stops the start: without them Roer runs, and the PDF route says what is missing.
set -uo pipefail
CHROMIUM="${ROER_CHROMIUM:-/usr/bin/chromium}"
START=0
[ "${1:-}" = "--start" ] && START=1

missing() {
  local m=()
  [ -x "$CHROMIUM" ] || m+=(chromium fonts-dejavu-core)
  command -v xmllint >/dev/null 2>&1 || m+=(libxml2-utils)
  [ "$START" = 1 ] || command -v pdftoppm >/dev/null 2>&1 || m+=(poppler-utils)
  echo "${m[@]:-}"
}

by_hand() {
  if [ "$START" = 1 ]; then
    echo "Roer: Debian-pakketten ontbreken: $1. Roer start zonder; de pdf van het raadsrapport werkt pas als ze er zijn." >&2
    echo "  $2" >&2
    echo "  Installeer ze met: sudo apt-get update && sudo apt-get install -y --no-install-recommends $1" >&2
    exit 0
  fi
  echo "Roer: de tests hebben Debian-pakketten nodig die ontbreken: $1." >&2
  echo "  $2" >&2
  echo "Installeer ze met beheerrechten en start de tests opnieuw:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $1" >&2
  echo "(Een chromium die elders staat: ROER_CHROMIUM=/pad/naar/chromium npm test.)" >&2
  exit 1
}

need="$(missing)"
[ -z "$need" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  by_hand "$need" "Deze machine heeft geen apt-get (geen Debian of Ubuntu?), dus Roer kan ze niet zelf installeren."
fi
if [ "$(id -u)" = "0" ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  by_hand "$need" "Roer draait niet als beheerder (root) en kan sudo niet zonder wachtwoord gebruiken."
fi

echo "Ontbrekende Debian-pakketten installeren met apt-get: $need…"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2086 # $need is a list of package names
if ! { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
       "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need; } >"$log" 2>&1; then
  tail -n 5 "$log" | sed 's/^/  apt-get: /' >&2
  by_hand "$need" "apt-get kon ze niet installeren (geen verbinding met de pakketbron, of de pakketlijst is verouderd; zie hierboven)."
fi
still="$(missing)"
[ -n "$still" ] && by_hand "$still" "apt-get meldde geen fout, maar de pakketten zijn er daarna nog steeds niet."
echo "Chromium aanwezig: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
echo "xmllint aanwezig: $(xmllint --version 2>&1 | head -1)"
[ "$START" = 1 ] || echo "poppler-utils aanwezig: $(pdftoppm -v 2>&1 | head -1)"
exit 0
