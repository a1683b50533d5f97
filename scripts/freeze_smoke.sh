#!/usr/bin/env bash
# Freeze smoke test (Linux, run by hand, not in CI): builds installer/kdrt-desk.spec with PyInstaller
# outside the repository, then proves the frozen app:
#   a) `KDRT Desk --self-check` (offscreen Qt) exits 0, and how long it took;
#   b) start to login window of the frozen GUI under Xvfb: median of 5 runs, at most 2 s;
#   c) the bundle size and its five largest parts.
# Usage: scripts/freeze_smoke.sh [--no-build]
#   KDRT_FREEZE_DIR  where dist/ and build/ go (default /tmp/kdrt-freeze; never inside the repo)
#   KDRT_START_RUNS  GUI start runs (default 5); KDRT_START_LIMIT_MS  the limit (default 2000)
# Needs .venv (scripts/setup.sh). Installs PyInstaller into .venv if missing and, when run as root,
# the Debian packages for Xvfb (xvfb, xauth, xdotool and setup.sh's XCB_LIBS).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$PWD

FREEZE=${KDRT_FREEZE_DIR:-/tmp/kdrt-freeze}
DIST=$FREEZE/dist
WORK=$FREEZE/build
APP_DIR=$DIST/KDRT\ Desk
APP=$APP_DIR/KDRT\ Desk
RUNS=${KDRT_START_RUNS:-5}
LIMIT_MS=${KDRT_START_LIMIT_MS:-2000}
LOGIN_TITLE="KDRT Desk — Masuk"  # ui.access.login_title (kdrt_desk/i18n/catalog_ui_access.py), id
BUILD=1
[ "${1:-}" = "--no-build" ] && BUILD=0

case "$FREEZE" in "$REPO"|"$REPO"/*) echo "KDRT_FREEZE_DIR must be outside the repository" >&2; exit 2;; esac
[ -x .venv/bin/python ] || { echo "No .venv: run scripts/setup.sh first" >&2; exit 2; }

failures=()
fail() { failures+=("$1"); echo "FAIL: $1" >&2; }
ms_now() { date +%s%N | cut -c1-13; }

# -- scratch space; only what this script started is stopped -------------------------------------
SCRATCH=$(mktemp -d /tmp/kdrt-freeze-smoke.XXXXXX)
XVFB_PID=""
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null && wait "$XVFB_PID" 2>/dev/null
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
# the frozen app must not touch this user's settings or OS keyring
export HOME=$SCRATCH/home XDG_CONFIG_HOME=$SCRATCH/home/.config XDG_DATA_HOME=$SCRATCH/home/.local/share
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring

# -- build ---------------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  if ! .venv/bin/python -m PyInstaller --version >/dev/null 2>&1; then
    echo "Installing PyInstaller into .venv"
    .venv/bin/python -m pip install --quiet "pyinstaller>=6.22,<7"
  fi
  mkdir -p "$FREEZE"
  echo "PyInstaller $(.venv/bin/python -m PyInstaller --version); building (log: $FREEZE/build.log)"
  echo "+ .venv/bin/pyinstaller --noconfirm --clean --distpath $DIST --workpath $WORK installer/kdrt-desk.spec"
  began=$(ms_now)
  if ! .venv/bin/pyinstaller --noconfirm --clean --distpath "$DIST" --workpath "$WORK" \
       installer/kdrt-desk.spec >"$FREEZE/build.log" 2>&1; then
    tail -30 "$FREEZE/build.log" >&2
    echo "FAIL: the build failed (log: $FREEZE/build.log)" >&2
    exit 1
  fi
  echo "Built in $(( ($(ms_now) - began) / 1000 )) s: $APP_DIR"
fi
[ -x "$APP" ] || { echo "No frozen app at $APP (run without --no-build)" >&2; exit 1; }

# -- a) + d) self-check --------------------------------------------------------------------------
echo
echo "== self-check: \"$APP\" --self-check (QT_QPA_PLATFORM=offscreen)"
began=$(ms_now)
set +e
# keyring's own choice (no PYTHON_KEYRING_BACKEND): the check only reads which backend it found
(cd "$SCRATCH" && env -u PYTHON_KEYRING_BACKEND QT_QPA_PLATFORM=offscreen "$APP" --self-check) \
  >"$SCRATCH/self-check.out" 2>&1
rc=$?
set -e
SELF_CHECK_MS=$(( $(ms_now) - began ))
cat "$SCRATCH/self-check.out"
[ "$rc" -eq 0 ] || fail "self-check exited $rc"

# keyring finds its backends through entry points, which a freeze loses unless the metadata is
# bundled: with a Secret Service running (a throw-away GNOME Keyring on a private D-Bus session)
# the frozen app must pick it, not keyring's "fail" backend.
echo
if command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  echo "== keyring backend of the frozen app with a Secret Service running"
  mkdir -p "$SCRATCH/keyring-home"
  set +e
  HOME=$SCRATCH/keyring-home XDG_DATA_HOME=$SCRATCH/keyring-home/.local/share \
  XDG_RUNTIME_DIR=$SCRATCH/keyring-home timeout 120 dbus-run-session -- bash -c '
    echo -n smoke | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
    sleep 0.5
    cd "$1" && env -u PYTHON_KEYRING_BACKEND QT_QPA_PLATFORM=offscreen "$2" --self-check' _ \
    "$SCRATCH" "$APP" >"$SCRATCH/keyring.out" 2>&1
  set -e
  backend=$(grep -o 'keyring\.backends\.[A-Za-z_.]*' "$SCRATCH/keyring.out" | tail -1)
  echo "chosen: ${backend:-none}"
  case "$backend" in
    keyring.backends.SecretService.*|keyring.backends.libsecret.*) ;;
    *) tail -20 "$SCRATCH/keyring.out" >&2; fail "the frozen app did not find the Secret Service";;
  esac
else
  echo "== keyring backend: skipped (apt-get install dbus gnome-keyring to prove the frozen app finds it)"
fi

# -- c) bundle size ------------------------------------------------------------------------------
echo
echo "== bundle"
BUNDLE=$(du -sh "$APP_DIR" | cut -f1)
echo "size: $BUNDLE ($(find "$APP_DIR" -type f | wc -l) files) in $APP_DIR"
echo "five largest parts (the executable and the entries of _internal):"
# sed -n (not head): it reads to the end, so sort never meets a closed pipe (SIGPIPE, 141)
{ du -sk "$APP"; du -sk "$APP_DIR"/_internal/*; } 2>/dev/null | sort -rn | sed -n 1,5p \
  | awk -F'\t' -v top="$APP_DIR/" '{ if (index($2, top) == 1) $2 = substr($2, length(top) + 1); printf "  %7.1f MB  %s\n", $1 / 1024, $2 }'

# -- b) start to login window --------------------------------------------------------------------
echo
echo "== start to login window (Xvfb, $RUNS runs, limit $LIMIT_MS ms)"
missing_debs() {
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}
eval "$(sed -n '/^XCB_LIBS=/,/"$/p' scripts/setup.sh)"  # the one list of Qt's xcb libraries
# shellcheck disable=SC2086
need=$(missing_debs xvfb xauth xdotool $XCB_LIBS | tr '\n' ' ')
if [ -n "${need// /}" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: $need"
    apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
  else
    echo "Needs these Debian packages: sudo apt-get install -y $need" >&2
  fi
fi

START_MEDIAN=""
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
  fail "no Xvfb/xdotool: start time not measured"
else
  display=90
  while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp -noreset >"$SCRATCH/xvfb.log" 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$display"
  unset QT_QPA_PLATFORM WAYLAND_DISPLAY
  for _ in $(seq 100); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.05; done

  VAULT=$SCRATCH/vault
  echo "making a vault: \"$APP\" demo --data-dir $VAULT --participants 20"
  if ! KDRT_PASSWORD=smoke-test-2026 QT_QPA_PLATFORM=offscreen \
       "$APP" demo --data-dir "$VAULT" --participants 20 >"$SCRATCH/demo.out" 2>&1; then
    cat "$SCRATCH/demo.out" >&2
    fail "frozen demo failed: no vault to log in to"
  else
    # one start of "$@" to its visible login window, in ms (empty when none within 30 s)
    time_start() {
      local began took="" log=$SCRATCH/gui-$RANDOM.log
      began=$(ms_now)
      "$@" --data-dir "$VAULT" --lang id >"$log" 2>&1 &
      APP_PID=$!
      while kill -0 "$APP_PID" 2>/dev/null; do
        if xdotool search --onlyvisible --name "$LOGIN_TITLE" >/dev/null 2>&1; then
          took=$(( $(ms_now) - began )); break
        fi
        [ $(( $(ms_now) - began )) -gt 30000 ] && break
        sleep 0.02
      done
      kill "$APP_PID" 2>/dev/null || true
      wait "$APP_PID" 2>/dev/null || true
      APP_PID=""
      [ -n "$took" ] || cat "$log" >&2
      echo "$took"
    }
    median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
    # the baseline, measured in the same run: the same app from source (.venv's Python)
    times=(); source_times=()
    for run in $(seq "$RUNS"); do
      took=$(time_start "$APP")
      from_source=$(time_start .venv/bin/python -m kdrt_desk)
      if [ -z "$took" ] || [ -z "$from_source" ]; then
        fail "run $run: no login window within 30 s"
        break
      fi
      echo "  run $run: frozen $took ms, from source $from_source ms"
      times+=("$took"); source_times+=("$from_source")
    done
    if [ "${#times[@]}" -eq "$RUNS" ]; then
      START_MEDIAN=$(median "${times[@]}")
      SOURCE_MEDIAN=$(median "${source_times[@]}")
      RATIO=$(awk -v a="$START_MEDIAN" -v b="$SOURCE_MEDIAN" 'BEGIN { printf "%.2f", a / b }')
      echo "median: frozen $START_MEDIAN ms, from source $SOURCE_MEDIAN ms (ratio $RATIO)"
      [ "$START_MEDIAN" -le "$LIMIT_MS" ] || fail "start to login window $START_MEDIAN ms > $LIMIT_MS ms"
    fi
  fi
fi

# -- summary -------------------------------------------------------------------------------------
echo
echo "== summary"
echo "bundle:                $BUNDLE"
echo "self-check:            exit $rc in $SELF_CHECK_MS ms (wall clock, incl. start)"
echo "start to login window: ${START_MEDIAN:-not measured} ms (median of $RUNS, limit $LIMIT_MS;" \
     "from source ${SOURCE_MEDIAN:-?} ms, ratio ${RATIO:-?})"
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
echo "PASSED"
