#!/usr/bin/env bash
# Quick start 1: set everything up, create a demo vault full of synthetic data, open KDRT Desk on it.
set -euo pipefail
cd "$(dirname "$0")/.."
KDRT_WITH_DISPLAY=1 bash scripts/setup.sh

DEMO_DIR=${KDRT_DEMO_DIR:-.demo-vault}
export KDRT_PASSWORD=${KDRT_DEMO_PASSWORD:-demo-kdrt-2026}
if [ ! -f "$DEMO_DIR/kdrt.keys" ]; then
  # prints the login (the password of KDRT_PASSWORD) and the recovery code
  .venv/bin/kdrt-desk demo --data-dir "$DEMO_DIR" --participants "${KDRT_DEMO_PARTICIPANTS:-2000}"
else
  echo "Demo login: username admin (or konselor, fasilitator, staf), password $KDRT_PASSWORD"
fi
echo "Data folder: $DEMO_DIR (synthetic data only)"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = "Linux" ] \
   && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found (DISPLAY is not set): start this from a desktop session to see the app." >&2
  exit 1
fi
unset KDRT_PASSWORD
exec .venv/bin/kdrt-desk --data-dir "$DEMO_DIR"
