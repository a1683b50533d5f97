"""The admin's full data export of the 50,000-participant vault of ``indicators_50k.py`` (150,000
attendance marks, 200,000 assessments, livelihoods, capital, services, skills), through the
service as ``kdrt-desk export full`` runs it: every record type read, sealed fields opened, one
sheet each in openpyxl's write-only mode (every text through ``set_text``), written atomically
and audited; also the password-protected workbook (Office encryption via msoffcrypto-tool) and
the zip of CSV files.

Baseline, measured in the same run: a bare write-only openpyxl write of the same rows (the
values read out of the vault beforehand, appended plainly: no text cells, no encryption).
The issue's aim: the full export at most 60 s.

    python benchmarks/full_export_50k.py [--participants 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from _common import (
    ADMIN,
    PASSWORD,
    header,
    install_memory_keyring,
    median,
    result_line,
    secs,
    temp_folder,
    timed,
    verdict,
)
from indicators_50k import build

TARGET = 60.0
FILE_PASSWORD = "sandi-benchmark-ekspor"


def same_rows(tmp: Path) -> list[tuple[str, list[str], list[list[object]]]]:
    """Every sheet's rows as the export reads them, as plain lists (not timed)."""
    from kdrt_desk.services.vault_access import open_vault
    from kdrt_desk.services.work_export_files import plain
    from kdrt_desk.services.work_exports import FULL_TABLES, _dump

    vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
    try:
        with vault.db.reading() as session:
            sheets = []
            for key, model in FULL_TABLES:
                head, rows = _dump(session, model)
                sheets.append((key, head, [[plain(v) for v in row] for row in rows]))
            return sheets
    finally:
        vault.close()


def bare_write(sheets: list[tuple[str, list[str], list[list[object]]]]) -> float:
    from openpyxl import Workbook

    def write() -> None:
        book = Workbook(write_only=True)
        for key, head, rows in sheets:
            sheet = book.create_sheet(key[:31])
            sheet.append(head)
            for row in rows:
                sheet.append(row)
        book.save(io.BytesIO())

    return timed(write)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    header(f"full data export of {args.participants:,} participants")
    install_memory_keyring()
    from kdrt_desk.security.atomic_file import OutputWriter
    from kdrt_desk.services.vault_access import open_vault
    from kdrt_desk.services.work_exports import WorkExportService

    with temp_folder("full-export") as tmp:
        seconds, counts = timed(lambda: build(tmp, args.participants))
        print(f"built in {secs(seconds)}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
        out = tmp / "out"
        out.mkdir()
        vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
        try:
            service = WorkExportService(vault.db, vault.actor, OutputWriter(tmp / "vault"))
            plain_runs: list[float] = []
            locked_runs: list[float] = []
            zip_runs: list[float] = []
            for n in range(args.runs):
                plain_runs.append(timed(partial(service.full, out / f"full-{n}.xlsx"))[0])
                locked_runs.append(timed(partial(service.full, out / f"locked-{n}.xlsx",
                                                 password=FILE_PASSWORD))[0])
            zip_runs.append(timed(partial(service.full, out / "full.zip"))[0])
            written = service.full(out / "last.xlsx")
        finally:
            vault.close()
        size = (out / "last.xlsx").stat().st_size
        sheets = same_rows(tmp)
        rows = sum(len(r) for _k, _h, r in sheets)
        bare = median([bare_write(sheets) for _ in range(args.runs)])
    whole, locked, zipped = median(plain_runs), median(locked_runs), median(zip_runs)
    worst = max(whole, locked)
    print(f"finished {datetime.now(UTC):%H:%M} UTC; {written.sheets} sheets, {rows:,} rows, "
          f"{size / 1e6:.1f} MB")
    print(f"full export .xlsx through the service (median of {args.runs}): {secs(whole)} "
          f"(target <= {secs(TARGET)}): {verdict(whole <= TARGET)}")
    print(f"  password-protected .xlsx: {secs(locked)} (target <= {secs(TARGET)}): "
          f"{verdict(locked <= TARGET)}; zip of CSV files: {secs(zipped)}")
    print(f"bare write-only openpyxl write of the same rows: {secs(bare)}; export / bare: "
          f"{whole / bare:.2f}x")
    print(result_line("full_export_50k", secs(whole), f"<= {secs(TARGET)}", whole / TARGET,
                      f"protected {secs(locked)}, zip {secs(zipped)}; {rows:,} rows in "
                      f"{written.sheets} sheets; bare write-only openpyxl {secs(bare)}: "
                      f"{whole / bare:.2f}x"))
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
