#!/usr/bin/env bash
# Compiles the real installer/kdrt-desk.iss on Linux with Inno Setup's ISCC.exe under wine, so a
# syntax or path error in the script shows before anyone reaches a Windows PC.
#
#   scripts/compile_installer.sh [PAYLOAD_DIR] [OUTPUT_DIR] [--try-install]
#
# PAYLOAD_DIR  the one-folder build to wrap (default: the Linux freeze, /tmp/kdrt-freeze/dist/KDRT
#              Desk). A Linux build has "KDRT Desk" instead of "KDRT Desk.exe": it is hard-linked
#              into a stand-in folder under the output folder with the .exe name. When the folder
#              does not exist, a tiny stand-in (a dummy exe) is made so the script can be tried.
# OUTPUT_DIR   default /tmp/kdrt-installer; KDRT-Desk-Setup-<version>.exe and iscc.log go there.
# --try-install  also tries a test build of the setup silently under wine (under xvfb-run when
#              there is no display): install, upgrade (old files wiped), refusal of a folder
#              of other files and of the data folder, uninstall (the vault stays).
#
# Needs (installed when missing, as root): Debian's wine with 32-bit support (ISCC.exe is a
# 32-bit program: wine64 alone cannot start it), npm. Inno Setup comes from the npm package
# `innosetup` (pinned below) in ~/.cache/kdrt-innosetup, outside the repository. Not part of CI.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INNO_NPM_VERSION="6.4.1"   # the npm package's version is the Inno Setup version it carries
CACHE="${KDRT_INNO_CACHE:-$HOME/.cache/kdrt-innosetup}"
ISCC="$CACHE/node_modules/innosetup/bin/ISCC.exe"

TRY_INSTALL=0
ARGS=()
for arg in "$@"; do
    case "$arg" in
        --try-install) TRY_INSTALL=1 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) ARGS+=("$arg") ;;
    esac
done
PAYLOAD="${ARGS[0]:-/tmp/kdrt-freeze/dist/KDRT Desk}"
OUT="${ARGS[1]:-/tmp/kdrt-installer}"

export WINEPREFIX="${WINEPREFIX:-$CACHE/wineprefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko download prompts on the first start

say() { printf '==> %s\n' "$*"; }
die() { printf 'compile_installer: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
    if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# ISCC prints its banner when it really runs; wine exits 0 even when it could not start it.
iscc_runs() {
    local banner
    banner="$(wine "$ISCC" '/?' 2>&1 || true)"
    [[ "$banner" == *"Inno Setup 6 Command-Line Compiler"* ]]
}

# ---- tools ------------------------------------------------------------------------------------
if ! command -v wine >/dev/null; then
    say "installing wine (Debian)"
    apt_install wine wine64
fi
if ! command -v npm >/dev/null; then
    say "installing npm (Debian)"
    apt_install npm
fi
if [ ! -f "$ISCC" ] || ! grep -q "\"version\": \"$INNO_NPM_VERSION\"" \
        "$CACHE/node_modules/innosetup/package.json" 2>/dev/null; then
    say "installing Inno Setup $INNO_NPM_VERSION (npm package innosetup) into $CACHE"
    mkdir -p "$CACHE"
    npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error "innosetup@$INNO_NPM_VERSION" >/dev/null
fi
[ -f "$ISCC" ] || die "ISCC.exe is not in the npm package (looked for $ISCC)"
mkdir -p "$WINEPREFIX"
if ! iscc_runs; then
    if ! dpkg -s wine32:i386 >/dev/null 2>&1; then
        say "ISCC.exe is 32-bit and wine64 alone cannot start it: installing wine32:i386"
        if ! dpkg --print-foreign-architectures | grep -qx i386; then
            as_root dpkg --add-architecture i386
            apt_updated=0
        fi
        apt_install wine32:i386
    fi
    iscc_runs || die "ISCC.exe does not start under wine: try 'WINEDEBUG= wine \"$ISCC\" /?'"
fi

# Setup builds its wizard window even when silent: the install test needs an X display.
if [ "$TRY_INSTALL" = 1 ] && [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || { say "installing xvfb (Debian)"; apt_install xvfb xauth; }
    say "no display: running under xvfb-run"
    exec xvfb-run -a "$0" "$@"
fi

# ---- payload ----------------------------------------------------------------------------------
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
STANDIN="$OUT/payload/KDRT Desk"
if [ ! -d "$PAYLOAD" ]; then
    say "no build at $PAYLOAD: making a tiny stand-in (a dummy exe, not a program)"
    rm -rf "$OUT/payload"
    mkdir -p "$STANDIN/_internal"
    printf 'MZ stand-in for KDRT Desk.exe\n' > "$STANDIN/KDRT Desk.exe"
    printf 'stand-in\n' > "$STANDIN/_internal/base_library.zip"
    PAYLOAD="$STANDIN"
elif [ ! -f "$PAYLOAD/KDRT Desk.exe" ]; then
    [ -f "$PAYLOAD/KDRT Desk" ] || die "$PAYLOAD holds neither 'KDRT Desk.exe' nor 'KDRT Desk'"
    say "Linux build: linking it into a stand-in folder with 'KDRT Desk.exe'"
    rm -rf "$OUT/payload"
    mkdir -p "$OUT/payload"
    cp -al "$PAYLOAD" "$STANDIN" 2>/dev/null || cp -a "$PAYLOAD" "$STANDIN"
    ln "$STANDIN/KDRT Desk" "$STANDIN/KDRT Desk.exe" 2>/dev/null \
        || cp "$STANDIN/KDRT Desk" "$STANDIN/KDRT Desk.exe"
    PAYLOAD="$STANDIN"
fi
PAYLOAD="$(cd "$PAYLOAD" && pwd)"

# ---- compile ----------------------------------------------------------------------------------
VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' "$ROOT/kdrt_desk/__init__.py")"
[ -n "$VERSION" ] || die "no __version__ in kdrt_desk/__init__.py"
SETUP="$OUT/KDRT-Desk-Setup-$VERSION.exe"
LOG="$OUT/iscc.log"
rm -f "$SETUP"
say "compiling installer/kdrt-desk.iss (version $VERSION, payload $(du -sh "$PAYLOAD" | cut -f1))"
began=$SECONDS
set +e
wine "$ISCC" "/DAppVersion=$VERSION" "/DSourceDir=$(winepath -w "$PAYLOAD")" \
    "/DOutputDir=$(winepath -w "$OUT")" "$(winepath -w "$ROOT/installer/kdrt-desk.iss")" \
    > "$LOG" 2>&1
rc=$?
set -e
tr -d '\r' < "$LOG" | grep -v -E '^(   Compressing: |   Reading file: )' || true
if [ $rc -ne 0 ] || [ ! -f "$SETUP" ]; then
    die "ISCC failed (exit $rc; full log: $LOG)"
fi
warnings="$(tr -d '\r' < "$LOG" | grep -ci 'warning' || true)"
say "compiled in $((SECONDS - began)) s: $SETUP ($(du -h "$SETUP" | cut -f1), $(stat -c %s "$SETUP") bytes), $warnings warning line(s)"

# ---- optional: install, upgrade, refuse and uninstall under wine ------------------------------
if [ "$TRY_INSTALL" = 1 ]; then
    # wine 8 cannot expand {autopf} for a per-user install (no FOLDERID_UserProgramFiles), so the
    # test setup is the same script with its default folder spelled out; everything else is equal.
    TEST_OUT="$OUT/wine-test"
    mkdir -p "$TEST_OUT"
    say "compiling a test setup for wine (DefaultDirName={localappdata}\\Programs\\KDRT Desk)"
    wine "$ISCC" /Q "/DAppVersion=$VERSION" "/DSourceDir=$(winepath -w "$PAYLOAD")" \
        "/DOutputDir=$(winepath -w "$TEST_OUT")" "/DWineTestDir={localappdata}\\Programs\\KDRT Desk" \
        "$(winepath -w "$ROOT/installer/kdrt-desk.iss")" > "$TEST_OUT/iscc.log" 2>&1 || true
    TEST_SETUP="$TEST_OUT/KDRT-Desk-Setup-$VERSION.exe"
    [ -f "$TEST_SETUP" ] || die "the test setup did not compile (log: $TEST_OUT/iscc.log)"
    # The setup refuses Windows before 10 (MinVersion): make the prefix say Windows 10.
    wine reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null 2>&1 || true
    local_appdata="$(winepath -u "$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')")"
    appdata="$(winepath -u "$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')")"
    data_dir="$local_appdata/KDRT Desk/KDRT Desk"
    target="$OUT/installed/KDRT Desk"
    shortcut="$appdata/Microsoft/Windows/Start Menu/Programs/KDRT Desk.lnk"
    run_setup() {  # run_setup DIR LOGNAME: the setup's exit code (first start of wine may flake)
        local code
        for _ in 1 2; do
            set +e
            wine "$TEST_SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER \
                "/DIR=$(winepath -w "$1")" "/LOG=$(winepath -w "$TEST_OUT/$2.log")" >/dev/null 2>&1
            code=$?
            set -e
            # a first wine start sometimes fails to build the wizard window: try once more
            grep -q 'FPreparingMemo' "$TEST_OUT/$2.log" 2>/dev/null || break
        done
        return $code
    }
    rm -rf "$OUT/installed" "$OUT/foreign"
    mkdir -p "$data_dir"
    printf 'stand-in vault\n' > "$data_dir/kdrt.db"

    say "1. fresh install into $target"
    run_setup "$target" install || die "setup failed (log: $TEST_OUT/install.log)"
    [ -f "$target/KDRT Desk.exe" ] || die "'KDRT Desk.exe' is not in $target"
    [ -f "$target/unins000.exe" ] || die "no uninstaller in $target"
    [ -f "$shortcut" ] || die "no Start-menu shortcut at $shortcut"

    say "2. upgrade over it: a file the old version had must be gone"
    printf 'old\n' > "$target/_internal/left-by-old-version.dll"
    run_setup "$target" upgrade || die "upgrade failed (log: $TEST_OUT/upgrade.log)"
    [ ! -e "$target/_internal/left-by-old-version.dll" ] || die "the upgrade kept an old file"
    [ -f "$target/KDRT Desk.exe" ] || die "the upgrade lost 'KDRT Desk.exe'"

    say "3. a folder with someone else's files is refused, and its files kept"
    mkdir -p "$OUT/foreign"
    printf 'mine\n' > "$OUT/foreign/letter.docx"
    if run_setup "$OUT/foreign" foreign; then die "setup installed into a folder of other files"; fi
    [ -f "$OUT/foreign/letter.docx" ] || die "setup deleted a file in a folder it refused"
    [ ! -e "$OUT/foreign/KDRT Desk.exe" ] || die "setup wrote into a folder it refused"

    say "4. the data folder itself is refused, and the vault kept"
    if run_setup "$data_dir" datadir; then die "setup installed into the data folder"; fi
    [ -f "$data_dir/kdrt.db" ] || die "setup deleted the vault"

    say "5. silent uninstall: program gone, vault kept"
    wine "$target/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART \
        "/LOG=$(winepath -w "$TEST_OUT/uninstall.log")" >/dev/null 2>&1 || die "uninstall failed"
    # unins000.exe hands over to a copy of itself and returns at once: wait for its log to close
    for _ in $(seq 60); do
        grep -q 'Log closed' "$TEST_OUT/uninstall.log" 2>/dev/null && break
        sleep 1
    done
    [ ! -e "$target/KDRT Desk.exe" ] || die "uninstall left 'KDRT Desk.exe' behind"
    [ ! -e "$shortcut" ] || die "uninstall left the Start-menu shortcut"
    [ -f "$data_dir/kdrt.db" ] || die "uninstall deleted the vault"
    grep -q 'The data folder is left in place' "$TEST_OUT/uninstall.log" \
        || die "the uninstaller did not log where the data stays"
    rm -rf "$local_appdata/KDRT Desk"
    say "install test passed (logs in $TEST_OUT)"
fi
