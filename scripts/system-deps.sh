#!/bin/sh
# Installs the system libraries Qt needs offscreen and a CJK font, where they are missing,
# on Debian/Ubuntu. Elsewhere (or without root) it only says what is missing.
# EXTRA_DEBS adds packages (CI adds LibreOffice and poppler for the rendering tests).
set -eu
pkgs="libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3 fonts-noto-cjk ${EXTRA_DEBS:-}"
command -v dpkg-query >/dev/null 2>&1 || { echo "system-deps: not Debian/Ubuntu; install Qt's libraries and a CJK font yourself"; exit 0; }
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# Debian splits venv out of python3
python3 -c "import ensurepip, venv" 2>/dev/null || missing="$missing python3-venv"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "system-deps: installing$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  echo "system-deps: installing$missing (sudo)"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "system-deps: missing$missing; install them with apt-get" >&2
  exit 1
fi
