"""Figure 1: time from process start to the login window shown, against a bare PySide6 window.

Both are measured the same way: wall time from spawning ``python <driver>`` (offscreen Qt) until
the child prints ``SHOWN`` (a zero timer after the window is shown; the child then ends).
``_login_window.py`` runs KDRT Desk's real entry point (``kdrt_desk.__main__.main`` -> ``run_gui``
-> ``DeskApp.show_login`` -> ``LoginDialog``) on an existing vault (made here with the default
Argon2id parameters and the file test keyring); ``_bare_window.py`` creates a QApplication and a
QWidget. One unmeasured run of each first; then runs are interleaved and the median of each
counts. Target: KDRT <= 1.5x bare. ``--importtime`` adds the slowest imports of one more start.

    python benchmarks/startup_login_window.py [--runs 7] [--importtime]
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from _common import (
    BENCHMARKS,
    child_env,
    header,
    install_file_keyring,
    make_vault,
    median,
    ms,
    result_line,
    temp_folder,
    verdict,
)

TARGET_RATIO = 1.5
MARKER = "SHOWN"
CHILD_TIMEOUT = 60.0


def exit_text(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


def spawn(script: Path, args: list[str], env: dict[str, str]) -> tuple[float, int, dict]:
    """(seconds to the marker, the child's exit code, extra figures the child printed).

    The exit code is reported, not required to be 0: what happens after the window was shown is
    not part of the figure (see the warning the report prints).
    """
    start_epoch = time.time()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killer = threading.Timer(CHILD_TIMEOUT, proc.kill)
    killer.start()
    assert proc.stdout is not None
    shown_at = None
    extra: dict[str, float] = {}
    for line in proc.stdout:
        if line.strip() == MARKER and shown_at is None:
            shown_at = time.perf_counter() - start
        elif line.startswith("START "):
            extra["interpreter"] = float(line.split()[1]) - start_epoch
        elif line.startswith("PHASES "):
            for item in line.split()[1:]:
                key, value = item.split("=")
                extra[key] = float(value)
    stderr = proc.stderr.read() if proc.stderr else ""
    code = proc.wait()
    killer.cancel()
    if shown_at is None:
        raise SystemExit(f"{script.name} never showed its window ({exit_text(code)}):\n{stderr}")
    return shown_at, code, extra


def slowest_imports(script: Path, args: list[str], env: dict[str, str],
                    top: int = 12) -> list[tuple[int, str]]:
    """The top-level-ish imports with the largest cumulative time in one ``-X importtime`` run."""
    proc = subprocess.run([sys.executable, "-X", "importtime", str(script), *args], env=env,
                          capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    found: list[tuple[int, str]] = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or "cumulative" in line:
            continue
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        if depth <= 2:  # the import and the two levels below it
            found.append((int(parts[1]), "  " * depth + name.strip()))
    return sorted(found, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--importtime", action="store_true",
                        help="also list the slowest imports of one extra KDRT start")
    args = parser.parse_args()
    header("startup to the login window (offscreen)")
    with temp_folder("startup") as tmp:
        keyring_file = tmp / "keyring.json"
        install_file_keyring(keyring_file)
        vault = tmp / "vault"
        make_vault(vault)
        env = child_env(keyring_file, pycache=tmp / "pycache",
                        XDG_CONFIG_HOME=str(tmp / "config"),
                        XDG_DATA_HOME=str(tmp / "data"), XDG_CACHE_HOME=str(tmp / "cache"))
        bare_script = BENCHMARKS / "_bare_window.py"
        desk_script = BENCHMARKS / "_login_window.py"
        desk_args = ["--data-dir", str(vault), "--lang", "id"]
        # One unmeasured run of each: bytecode (in the temp folder) and the OS file cache warm,
        # as on any start after the first of an installed app.
        cold_bare = spawn(bare_script, [], env)[0]
        cold_desk = spawn(desk_script, desk_args, env)[0]
        print(f"unmeasured first run (writes the bytecode cache): bare window {ms(cold_bare)}, "
              f"KDRT login window {ms(cold_desk)}")
        bare: list[float] = []
        desk: list[float] = []
        desk_extra: list[dict] = []
        bare_extra: list[dict] = []
        exits: dict[str, list[int]] = {"bare": [], "KDRT": []}
        for run in range(args.runs):
            b, b_code, bx = spawn(bare_script, [], env)
            d, d_code, dx = spawn(desk_script, desk_args, env)
            bare.append(b)
            desk.append(d)
            bare_extra.append(bx)
            desk_extra.append(dx)
            exits["bare"].append(b_code)
            exits["KDRT"].append(d_code)
            print(f"run {run + 1}: bare window {ms(b)} ({exit_text(b_code)}), "
                  f"KDRT login window {ms(d)} ({exit_text(d_code)})")

        slowest = slowest_imports(desk_script, desk_args, env) if args.importtime else []

    bare_med, desk_med = median(bare), median(desk)
    ratio = desk_med / bare_med
    print(f"bare PySide6 window : median {ms(bare_med)} "
          f"(min {ms(min(bare))}, max {ms(max(bare))}) over {args.runs} runs")
    print(f"KDRT login window   : median {ms(desk_med)} "
          f"(min {ms(min(desk))}, max {ms(max(desk))}) over {args.runs} runs")
    interp_b = median([x.get("interpreter", 0.0) for x in bare_extra])
    interp_d = median([x.get("interpreter", 0.0) for x in desk_extra])
    print(f"  of which interpreter start (spawn -> first line): bare {ms(interp_b)}, "
          f"KDRT {ms(interp_d)}")
    for key, label in (("import_ui", "importing kdrt_desk.ui.login_dialog (and its imports)"),
                       ("show_event", "script start -> LoginDialog.showEvent"),
                       ("shown", "script start -> shown (marker)")):
        values = [x[key] for x in desk_extra if key in x]
        if values:
            print(f"  KDRT in-script, {label}: median {ms(median(values))}")
    for name, codes in exits.items():
        bad = [c for c in codes if c != 0]
        if bad:
            print(f"WARNING: the {name} child ended with {exit_text(bad[0])} in {len(bad)} of "
                  f"{len(codes)} runs AFTER its window was shown (not part of the figure; a "
                  f"crash while the app shuts down after Quit at the login)")
    if slowest:
        print("slowest imports of one KDRT start (cumulative, python -X importtime):")
        for micros, name in slowest:
            print(f"  {micros / 1000:7.1f} ms  {name}")
    print(f"ratio KDRT / bare: {ratio:.2f}x (target <= {TARGET_RATIO}x) "
          f"{verdict(ratio <= TARGET_RATIO)}")
    print(result_line("startup_login_window", f"{ms(desk_med)} = {ratio:.2f}x bare window",
                      f"<= {TARGET_RATIO}x bare", ratio / TARGET_RATIO,
                      f"baseline bare PySide6 window {ms(bare_med)}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
