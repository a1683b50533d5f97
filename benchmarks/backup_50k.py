"""A backup of the 50,000-participant vault of ``indicators_50k.py`` (150,000 attendance marks,
200,000 assessments, ...) while the app is in use, and the restore check of that backup.

The backup runs as the app runs it: ``BackupService.make`` on a worker thread beside the GUI
thread (snapshot on its own connection, the encrypted file written, then verified: decrypted,
integrity check, counts, audit chain), while the GUI thread runs a Qt event loop with a 5 ms
timer (the longest gap between its ticks is the GUI stall) and, meanwhile, the vault worker
registers a participant every 50 ms (the slowest save is reported: the backup must not hold it up).
Then ``check_backup`` opens the file with the admin's password and proves it.

Baseline, measured in the same run: copying the database file with ``shutil.copyfile`` (no
snapshot, no encryption, no verification).
Aims (issue 14): backup at most 10 s with the GUI stalled at most 100 ms; restore check at most
10 s.

    python benchmarks/backup_50k.py [--participants 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import (  # noqa: E402
    ADMIN,
    PASSWORD,
    header,
    install_memory_keyring,
    median,
    ms,
    result_line,
    secs,
    temp_folder,
    timed,
    verdict,
)
from indicators_50k import build  # noqa: E402

TARGET, STALL_TARGET, CHECK_TARGET = 10.0, 0.100, 10.0


def backup_in_use(vault: object, target: Path) -> tuple[float, float, float, int]:
    """(backup seconds, longest GUI gap, slowest save during it, saves) for one backup."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from support.participant_samples import sample

    from kdrt_desk.wiring import build_services

    app = QCoreApplication.instance() or QCoreApplication([])
    services = build_services(vault)  # type: ignore[arg-type]
    done = threading.Event()
    result: dict[str, float] = {}
    saves: list[float] = []

    def back_up() -> None:
        start = time.perf_counter()
        _record, check = services.backups.make(target, overwrite=True)
        result["seconds"] = time.perf_counter() - start
        result["ok"] = float(check.ok)
        done.set()

    def keep_saving() -> None:
        n = 0
        while not done.is_set():
            start = time.perf_counter()
            services.participants.register(sample(full_name=f"Peserta Baru {n:04d}", nik="",
                                                  phone=""))
            saves.append(time.perf_counter() - start)
            n += 1
            time.sleep(0.05)

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
        if done.is_set():
            app.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    threads = [threading.Thread(target=back_up), threading.Thread(target=keep_saving)]
    for thread in threads:
        thread.start()
    app.exec()
    timer.stop()
    for thread in threads:
        thread.join()
    if not result.get("ok"):
        raise SystemExit("the backup failed its verification")
    return result["seconds"], max(gaps), max(saves, default=0.0), len(saves)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    header(f"backup and restore check of {args.participants:,} participants")
    install_memory_keyring()
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.backups import check_backup
    from kdrt_desk.services.vault_access import open_vault

    with temp_folder("backup") as tmp:
        seconds, counts = timed(lambda: build(tmp, args.participants))
        print(f"built in {secs(seconds)}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        out = tmp / "usb"
        out.mkdir()
        target = out / "cadangan.bak"
        runs = []
        vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
        try:
            for _n in range(args.runs):
                runs.append(backup_in_use(vault, target))
        finally:
            vault.close()
        size = target.stat().st_size
        database = (tmp / "vault" / "kdrt.db").stat().st_size
        copies = [timed(lambda: shutil.copyfile(tmp / "vault" / "kdrt.db", out / "copy.db"))[0]
                  for _ in range(args.runs)]
        checks = [timed(lambda: check_backup(target, username=ADMIN, password=PASSWORD,
                                             store=SecretStore()))
                  for _ in range(args.runs)]
    backup = median([r[0] for r in runs])
    stall = max(r[1] for r in runs)
    slowest_save = max(r[2] for r in runs)
    check = median([c[0] for c in checks])
    copy = median(copies)
    assert all(c[1].ok for c in checks)
    print(f"database {database / 2**20:.1f} MB, backup file {size / 2**20:.1f} MB")
    print(f"backup through the service, made and verified (median of {args.runs}): "
          f"{secs(backup)} (target <= {secs(TARGET)}): {verdict(backup <= TARGET)}")
    print(f"  longest GUI-thread gap while it ran (5 ms timer): {ms(stall)} "
          f"(target <= {ms(STALL_TARGET)}): {verdict(stall <= STALL_TARGET)}")
    print(f"  slowest registration meanwhile: {ms(slowest_save)} "
          f"({sum(r[3] for r in runs)} saves)")
    print(f"restore check (median of {args.runs}): {secs(check)} (target <= "
          f"{secs(CHECK_TARGET)}): {verdict(check <= CHECK_TARGET)}")
    print(f"baseline: copying the database file: {secs(copy)}; backup / copy: "
          f"{backup / copy:.1f}x")
    print(result_line("backup_50k", secs(backup), f"<= {secs(TARGET)}", backup / TARGET,
                      f"GUI stall {ms(stall)} (<= {ms(STALL_TARGET)}), restore check "
                      f"{secs(check)} (<= {secs(CHECK_TARGET)}), slowest registration meanwhile "
                      f"{ms(slowest_save)}; baseline file copy {secs(copy)}: "
                      f"{backup / copy:.1f}x"))
    ok = backup <= TARGET and stall <= STALL_TARGET and check <= CHECK_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
