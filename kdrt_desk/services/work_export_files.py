"""The files of the work exports: sheets written in openpyxl's write-only mode, a zip of CSV files,
and Office's own password encryption (``msoffcrypto-tool``), all in memory.

Every text value goes through ``xlsx_text.set_text`` (a text cell, never a formula, with a quote
prefix where a spreadsheet would read one); in CSV a leading ``= + - @``, tab or return gets an
apostrophe, as ``participants list --format csv`` writes it. The sheets' XML is kept in memory,
not in openpyxl's temporary files, so no plain copy of the data is left in the temp folder (an
export that is password-protected stays protected everywhere on disk).
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum

from kdrt_desk.errors import UserError
from kdrt_desk.reports.xlsx_text import FORMULA_START

Report = Callable[[int, int], bool]
EXCEL_ROWS = 1_048_576  # rows of a sheet, its header included
CELL_TEXT_LIMIT = 32_767  # characters Excel keeps in a cell
SHEET_NAME_LIMIT = 31
PASSWORD_MINIMUM = 8
STEP = 2_000  # rows between two progress reports
# what an .xlsx cannot hold (openpyxl refuses it): the C0 controls but tab, newline and return
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Sheet:
    """One sheet (or CSV file) of an export: its name, header and rows of plain values."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[int] = ()


class Progress:
    """Rows written out of the expected total; the caller's ``report`` returning False cancels
    (``UserError("error.cancelled")``, and no file is written)."""

    def __init__(self, report: Report | None, total: int) -> None:
        self.report = report
        self.total = max(total, 1)
        self.done = 0

    def step(self, rows: int = 1) -> None:
        before = self.done
        self.done += rows
        if self.report is not None and (self.done // STEP != before // STEP):
            self.tell()

    def tell(self) -> None:
        if self.report is not None and not self.report(min(self.done, self.total), self.total):
            raise UserError("error.cancelled")

    def finish(self) -> None:
        self.done = self.total
        self.tell()


def plain(value: object) -> object:
    """A value as a cell holds it: numbers, booleans, dates and times as themselves, an aware
    time stamp in ISO form (Excel has no time zones), enums by value, JSON as its text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | time):
        return value
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return str(value)


def clean_text(value: str) -> str:
    """Text an .xlsx can hold: the characters it cannot replaced, at most what a cell keeps."""
    text = ILLEGAL.sub("\ufffd", value)
    return text if len(text) <= CELL_TEXT_LIMIT else text[:CELL_TEXT_LIMIT - 1] + "\u2026"


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "-", name)[:SHEET_NAME_LIMIT] or "Sheet"
    chosen, n = base, 2
    while chosen.casefold() in taken:
        suffix = f" {n}"
        chosen, n = base[:SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
    taken.add(chosen.casefold())
    return chosen


def workbook_bytes(sheets: Sequence[Sheet], progress: Progress) -> bytes:
    """An .xlsx written in write-only mode: a bold, frozen header row, then the rows
    (``work_export_book``: openpyxl is loaded when an export is made, not at app start)."""
    from kdrt_desk.services.work_export_book import write_book

    return write_book(sheets, progress)


def csv_text(value: object) -> str:
    """A value as CSV text a spreadsheet shows as text (a formula start gets an apostrophe)."""
    shown = plain(value)
    if shown is None:
        return ""
    if isinstance(shown, bool):
        return "true" if shown else "false"
    text = shown.isoformat() if isinstance(shown, date | time) else str(shown)
    return "'" + text if text.startswith(FORMULA_START) else text


def zip_bytes(sheets: Sequence[Sheet], progress: Progress) -> bytes:
    """A plain zip of one UTF-8 CSV file (with BOM, for Excel) per sheet."""
    out = io.BytesIO()
    taken: set[str] = set()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for spec in sheets:
            name = _sheet_name(spec.name, taken)
            text = io.StringIO()
            text.write("\ufeff")
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow([csv_text(h) for h in spec.header])
            for row in spec.rows:
                writer.writerow([csv_text(v) for v in row])
                progress.step()
            archive.writestr(f"{name}.csv", text.getvalue().encode("utf-8"))
    return out.getvalue()


def check_password(password: str) -> None:
    if len(password) < PASSWORD_MINIMUM:
        raise UserError("error.export_password_short", field="password",
                        minimum=PASSWORD_MINIMUM)


def encrypted(book: bytes, password: str) -> bytes:
    """The workbook in Office's own encryption (ECMA-376 agile, AES-256): Excel and LibreOffice
    open it by asking for ``password``."""
    from msoffcrypto.format.ooxml import OOXMLFile

    check_password(password)
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(book)).encrypt(password, out)
    return out.getvalue()


__all__ = ["EXCEL_ROWS", "PASSWORD_MINIMUM", "Progress", "Report", "Sheet", "check_password",
           "clean_text", "csv_text", "encrypted", "plain", "workbook_bytes", "zip_bytes"]
