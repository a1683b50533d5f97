"""The quarterly donor report for 50,000 participants and 150,000 attendance marks (the vault of
``indicators_50k.py``, everyone consenting to anonymised statistics), through the service as the
app and ``kdrt-desk export donor`` run it: the figures, the suppression across the workbook, the
workbook written and moved into place.

Baseline, measured in the same run: a bare openpyxl write of the same cells (every value the
report's sheets hold, written plainly into the same sheets, no styles, no charts). The issue's
two aims: the whole report at most 10 s, and writing the workbook at most 2x that bare write
(the figures and the suppression are reported apart: a bare write has no counterpart of them).

    python benchmarks/donor_report_50k.py [--participants 50000] [--runs 3]
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from _common import (
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
from indicators_50k import build

TARGET = 10.0
RATIO_TARGET = 2.0
QUARTER = "2026Q3"


def consent_everyone(tmp: Path) -> int:
    from sqlalchemy import insert, select

    from kdrt_desk.models import Participant, ParticipantConsent
    from kdrt_desk.models.sealed import bind
    from kdrt_desk.services.vault_access import open_vault

    vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
    try:
        keys = vault.db.keys
        with vault.db.transaction() as session:
            ids = list(session.scalars(select(Participant.id)))
            session.execute(insert(ParticipantConsent), [
                {"participant_id": pid, "consent_date": date(2026, 1, 2),
                 "scopes": bind(keys, "contact,data_use,statistics", pid),
                 "recorded_by": ADMIN} for pid in ids])
        return len(ids)
    finally:
        vault.close()


def bare_write(book: bytes) -> float:
    """The same cells, plainly: read the report back, then time writing its values again."""
    from openpyxl import Workbook, load_workbook

    source = load_workbook(io.BytesIO(book))
    sheets = [(s.title, [list(r) for r in s.iter_rows(values_only=True)])
              for s in source.worksheets]

    def write() -> None:
        out = Workbook()
        assert out.active is not None
        out.remove(out.active)
        for title, rows in sheets:
            sheet = out.create_sheet(title)
            for row in rows:
                sheet.append(row)
        out.save(io.BytesIO())

    return timed(write)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    header(f"quarterly donor report on {args.participants:,} participants")
    install_memory_keyring()
    from kdrt_desk.domain.donor_report import Quarter
    from kdrt_desk.reports.donor_workbook import donor_workbook
    from kdrt_desk.security.atomic_file import OutputWriter
    from kdrt_desk.services.donor_report import DonorReportService
    from kdrt_desk.services.vault_access import open_vault

    quarter = Quarter.parse(QUARTER)
    today = date(2026, 12, 1)
    with temp_folder("donor") as tmp:
        seconds, counts = timed(lambda: build(tmp, args.participants))
        consented = consent_everyone(tmp)
        print(f"built in {secs(seconds)}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items())
              + f", {consented:,} consenting")
        out = tmp / "out"
        out.mkdir()
        vault = open_vault(tmp / "vault", ADMIN, PASSWORD)
        try:
            service = DonorReportService(vault.db, vault.actor, OutputWriter(tmp / "vault"))
            totals, figures, books = [], [], []
            for n in range(args.runs):
                total, written = timed(lambda n=n: service.write(
                    quarter, out / f"donor-{n}.xlsx", today=today))
                totals.append(total)
                figure, data = timed(lambda: service.data(quarter, today))
                figures.append(figure)
                books.append(timed(lambda data=data: donor_workbook(data, lang="id")))
        finally:
            vault.close()
        book, hidden = books[-1][1]
        bare = median([bare_write(book) for _ in range(args.runs)])
    suppress_s = hidden.seconds
    write_s = median([b[0] for b in books]) - suppress_s
    whole = median(totals)
    print(f"finished {datetime.now(UTC):%H:%M} UTC; {len(hidden.hidden)} cells hidden in all")
    print(f"whole report through the service (median of {args.runs}): {secs(whole)} "
          f"(target <= {secs(TARGET)}): {verdict(whole <= TARGET)}")
    print(f"  figures from the vault: {secs(median(figures))}; suppression: {secs(suppress_s)}; "
          f"workbook written: {ms(write_s)}")
    print(f"bare openpyxl write of the same cells: {ms(bare)}; workbook / bare: "
          f"{write_s / bare:.2f}x (target <= {RATIO_TARGET:.0f}x): "
          f"{verdict(write_s / bare <= RATIO_TARGET)}")
    print(result_line("donor_report_50k", secs(whole), f"<= {secs(TARGET)}", whole / TARGET,
                      f"workbook {ms(write_s)} vs bare openpyxl {ms(bare)}: "
                      f"{write_s / bare:.2f}x; figures {secs(median(figures))}; "
                      f"suppression {secs(suppress_s)}"))
    return 0 if whole <= TARGET and write_s / bare <= RATIO_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
