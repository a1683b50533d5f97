#!/usr/bin/env bash
# Sets up everything KDRT Desk needs on Debian/Ubuntu: the Qt system libraries (when run as root),
# a virtual environment in .venv and the Python packages. Safe to run again; quick when nothing changed.
# Usage: source it (scripts/demo.sh and scripts/test.sh do) or run it directly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

QT_LIBS="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libxkbcommon0 libx11-6 \
libdbus-1-3 libzstd1 fontconfig fonts-dejavu-core"
XCB_LIBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 \
libxcb-shm0 libxcb-util1 libx11-xcb1 libxcb-glx0"

missing_debs() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  echo "${missing[@]:-}"
}

install_debs() {
  command -v apt-get >/dev/null 2>&1 || return 0
  local need
  # shellcheck disable=SC2086
  need=$(missing_debs "$@")
  [ -z "${need// /}" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "KDRT Desk needs these Debian packages: $need" >&2
    echo "Install them with: sudo apt-get install -y $need" >&2
    return 0
  fi
  echo "Installing Debian packages: $need"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
}

PYTHON=${PYTHON:-python3}
# shellcheck disable=SC2086
install_debs $QT_LIBS
if [ "${KDRT_WITH_DISPLAY:-0}" = "1" ]; then
  # shellcheck disable=SC2086
  install_debs $XCB_LIBS
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    ver=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    install_debs "python${ver}-venv"
    "$PYTHON" -m venv .venv
  fi
fi

stamp=.venv/.kdrt-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  echo "$want" > "$stamp"
fi
