"""Figure 4: wall time of ``kdrt-desk demo --participants 50000`` as a subprocess. Target <= 60 s.

Runs ``python -m kdrt_desk --lang en demo --data-dir <tmp> --participants 50000`` with
``KDRT_PASSWORD`` set and the file test keyring, each run into a new folder. Baseline, measured in
the same run (interleaved): the same command with ``--participants 0``, i.e. the fixed cost of
creating the vault and the demo accounts (each with the default Argon2id). The first 50,000 run is
checked with ``kdrt-desk check`` (the vault opens and holds 50,000 participants).

    python benchmarks/demo_50k.py [--participants 50000] [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _common import (
    ADMIN,
    PASSWORD,
    ROOT,
    child_env,
    header,
    median,
    result_line,
    secs,
    temp_folder,
    verdict,
)

TARGET_S = 60.0
TIMEOUT_S = 600


def run_demo(data_dir: Path, participants: int, env: dict[str, str]) -> float:
    command = [sys.executable, "-m", "kdrt_desk", "--lang", "en", "demo",
               "--data-dir", str(data_dir), "--participants", str(participants)]
    start = time.perf_counter()
    proc = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=TIMEOUT_S)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"demo failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return seconds


def check_count(data_dir: Path, env: dict[str, str]) -> int:
    proc = subprocess.run([sys.executable, "-m", "kdrt_desk", "--lang", "en", "check",
                           "--data-dir", str(data_dir), "--user", ADMIN],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT_S)
    found = re.search(r"Participants: (\d+)", proc.stdout)
    if proc.returncode != 0 or not found:
        raise SystemExit(f"check failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    header(f"kdrt-desk demo --participants {args.participants} (subprocess wall time)")
    full: list[float] = []
    empty: list[float] = []
    with temp_folder("demo") as tmp:
        env = child_env(tmp / "keyring.json", pycache=tmp / "pycache", KDRT_PASSWORD=PASSWORD,
                        XDG_CONFIG_HOME=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"))
        warm = run_demo(tmp / "warm-up", 0, env)  # writes the bytecode cache; not counted
        shutil.rmtree(tmp / "warm-up")
        print(f"unmeasured warm-up run (--participants 0, writes the bytecode cache): "
              f"{secs(warm)}")
        for run in range(args.runs):
            folder = tmp / f"empty-{run}"
            empty.append(run_demo(folder, 0, env))
            shutil.rmtree(folder)
            folder = tmp / f"full-{run}"
            full.append(run_demo(folder, args.participants, env))
            if run == 0:
                count = check_count(folder, env)
                size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
                print(f"check: the vault opens and holds {count:,} participants "
                      f"({size / 2**20:.1f} MiB)")
                if count != args.participants:
                    raise SystemExit(f"expected {args.participants} participants, found {count}")
            shutil.rmtree(folder)
            print(f"run {run + 1}: --participants 0: {secs(empty[-1])}, "
                  f"--participants {args.participants}: {secs(full[-1])}")
    full_med, empty_med = median(full), median(empty)
    print(f"--participants {args.participants}: median {secs(full_med)} "
          f"(min {secs(min(full))}, max {secs(max(full))}) over {args.runs} runs")
    print(f"--participants 0 (baseline):  median {secs(empty_med)} "
          f"(min {secs(min(empty))}, max {secs(max(empty))})")
    per_us = (full_med - empty_med) / max(args.participants, 1) * 1e6
    print(f"ratio to baseline: {full_med / empty_med:.1f}x; variable part "
          f"{secs(full_med - empty_med)} ({per_us:.0f} us per participant)")
    print(f"target <= {TARGET_S:.0f} s: {verdict(full_med <= TARGET_S)}")
    print(result_line("demo_50k", secs(full_med), f"<= {TARGET_S:.0f} s", full_med / TARGET_S,
                      f"baseline --participants 0 {secs(empty_med)}, "
                      f"ratio {full_med / empty_med:.1f}x baseline"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
