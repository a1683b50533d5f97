"""Reading a spreadsheet someone brings in (.xlsx or .csv), refusing what is not safe to open.

Qt-free; ``read_spreadsheet(path, limits)`` returns a ``Sheet`` (its header row and data rows,
each with the row number the user sees in Excel) or raises a ``UserError`` whose message says
what is wrong and what to do, in Indonesian or English:

- ``error.import_file_missing``: no such file (or it cannot be read);
- ``error.import_too_big``: the file is larger than ``limits.max_bytes`` (default 20 MB), or has
  more than ``limits.max_rows`` data rows (default 50,000: ``error.import_too_many_rows``);
- ``error.import_protected``: an OLE compound file (``D0 CF 11 E0 A1 B1 1A E1``), which is what
  Excel writes for a password-protected workbook (and for an old .xls);
- ``error.import_bomb``: an .xlsx whose zip would inflate beyond ``limits.max_unpacked`` bytes or
  by more than ``limits.max_ratio`` times, checked from the zip's directory *before* openpyxl
  opens it (zipfile never inflates a member past its declared size: a member that lies about it
  fails its CRC check, and is then "damaged");
- ``error.import_not_spreadsheet``: neither an .xlsx workbook nor a CSV text file;
- ``error.import_damaged``: an .xlsx that openpyxl cannot read;
- ``error.import_empty``: no cell holds anything; ``error.import_no_header``: the first row holds
  data (a date, a number, a NIK) where the column names should be; ``error.import_no_rows``:
  only the header row.

The file's type is decided by its content: a zip is read as a workbook whatever its name, an
OLE file is refused as protected, and text is read as CSV from a ``.csv`` or ``.txt`` file.
CSV text is UTF-8 (with or without a byte order mark, decoded strictly) or else Windows-1252,
the two encodings Excel's "Save as CSV" writes in Indonesia; the delimiter is ``;`` (Excel with
Indonesian regional settings), ``,`` or a tab, chosen as the one that splits the first rows
into the same number of columns (an Excel ``sep=;`` first line is honoured).
Workbooks are opened with ``read_only=True, data_only=True`` (a formula's saved value, never the
formula) and only the first worksheet is read.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from kdrt_desk.errors import UserError

CFB_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
ZIP_MAGIC = b"PK\x03\x04"
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (";", ",", "\t")
SNIFF_ROWS = 20
MB = 1024 * 1024

Cell = str | int | float | bool | date | datetime | time | None


@dataclass(frozen=True)
class ReadLimits:
    """What the import accepts (configurable; the defaults suit a centre's old lists)."""

    max_bytes: int = 20 * MB
    max_rows: int = 50_000
    max_unpacked: int = 400 * MB  # an .xlsx's members inflated, all together
    max_ratio: int = 100  # inflated / compressed, for a workbook over ``ratio_floor``
    ratio_floor: int = 5 * MB  # below this a high ratio is harmless (tiny, repetitive sheets)


@dataclass(frozen=True)
class SheetRow:
    number: int  # the row number as Excel shows it (the header is usually row 1)
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Sheet:
    """A spreadsheet as read: column names and the data rows (blank rows left out)."""

    headers: tuple[str, ...]
    rows: list[SheetRow]
    kind: str  # "xlsx" or "csv"
    encoding: str = ""  # CSV only: "utf-8-sig" or "cp1252"
    delimiter: str = ""  # CSV only
    header_row: int = 1
    typed: bool = False  # cells carry Excel types (numbers, dates); CSV cells are all text


def read_spreadsheet(path: Path, limits: ReadLimits | None = None) -> Sheet:
    """The first sheet of ``path`` (.xlsx or .csv), or a ``UserError`` saying why not."""
    limits = limits or ReadLimits()
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UserError("error.import_file_missing", path=str(path))
        if size > limits.max_bytes:
            raise UserError("error.import_too_big", limit=limits.max_bytes // MB)
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError:
        raise UserError("error.import_file_missing", path=str(path)) from None
    if size == 0:
        raise UserError("error.import_empty")
    if head.startswith(CFB_MAGIC):
        raise UserError("error.import_protected")
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC):
        if suffix in CSV_SUFFIXES:
            raise UserError("error.import_not_spreadsheet")
        return _read_xlsx(path, limits)
    if suffix in XLSX_SUFFIXES or suffix not in CSV_SUFFIXES:
        raise UserError("error.import_not_spreadsheet")
    return _read_csv(path.read_bytes(), limits)


# -- .xlsx ------------------------------------------------------------------------------------
def check_zip(path: Path, limits: ReadLimits) -> None:
    """Refuse a workbook that is not one, is encrypted inside, or would inflate too far."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UserError("error.import_not_spreadsheet") from None
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or not any(
            n.startswith("xl/") and n.endswith("workbook.xml") for n in names):
        raise UserError("error.import_not_spreadsheet")  # another zip (a .docx, an archive)
    if any(m.flag_bits & 0x1 for m in members):
        raise UserError("error.import_protected")
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if unpacked > limits.max_unpacked or (unpacked > limits.ratio_floor
                                          and unpacked / packed > limits.max_ratio):
        raise UserError("error.import_bomb")


def _read_xlsx(path: Path, limits: ReadLimits) -> Sheet:
    import openpyxl

    check_zip(path, limits)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file: all mean the same here
        raise UserError("error.import_damaged") from None
    try:
        if not workbook.worksheets:
            raise UserError("error.import_empty")
        sheet = workbook.worksheets[0]
        try:
            sheet.reset_dimensions()  # type: ignore[union-attr]  # rows as stored, not as declared
            rows = _numbered(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]
            return _sheet(rows, limits, "xlsx", typed=True)
        except UserError:
            raise
        except Exception:
            raise UserError("error.import_damaged") from None
    finally:
        workbook.close()


def _numbered(rows: Iterable[tuple[Cell, ...]]) -> Iterator[SheetRow]:
    for number, cells in enumerate(rows, start=1):
        yield SheetRow(number, tuple(cells))


# -- .csv -------------------------------------------------------------------------------------
def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (a BOM or none) decoded strictly, else Windows-1252."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        raise UserError("error.import_not_spreadsheet") from None


def choose_delimiter(text: str) -> str:
    """The delimiter that cuts the first rows into the same number (> 1) of columns, the most
    columns winning; ``,`` when none does (a one-column list)."""
    sample = text.splitlines()[:SNIFF_ROWS]
    best, best_score = ",", (False, 0)
    for delimiter in DELIMITERS:
        widths = [len(r) for r in csv.reader(sample, delimiter=delimiter) if any(r)]
        if not widths or widths[0] < 2:
            continue
        score = (len(set(widths)) == 1, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes, limits: ReadLimits) -> Sheet:
    if b"\x00" in data:
        raise UserError("error.import_not_spreadsheet")
    text, encoding = decode_text(data)
    lines = text.split("\n", 1)
    delimiter = ""
    first = lines[0].strip().lower()
    if first.startswith("sep=") and len(first) == 5:  # Excel's hint line, not a row it shows
        delimiter, text = lines[0].strip()[4], lines[1] if len(lines) > 1 else ""
    delimiter = delimiter or choose_delimiter(text)
    try:
        records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
        rows = (SheetRow(n, tuple(r)) for n, r in enumerate(records, start=1))
        sheet = _sheet(rows, limits, "csv", typed=False)
    except csv.Error:
        raise UserError("error.import_not_spreadsheet") from None
    return Sheet(sheet.headers, sheet.rows, "csv", encoding, delimiter, sheet.header_row)


# -- both -------------------------------------------------------------------------------------
def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _looks_like_data(cell: Cell) -> bool:
    """A cell no header holds: a number, a date, or text that is only a number, a date, a NIK
    or a phone number ("Status 2019-2020" is a header: it has letters)."""
    if cell is None or isinstance(cell, bool):
        return False
    if not isinstance(cell, str):
        return True
    text = cell.strip().lstrip("'")
    return sum(c.isdigit() for c in text) >= 4 and all(c.isdigit() or c in " /-.+()"
                                                       for c in text)


def _sheet(rows: Iterable[SheetRow], limits: ReadLimits, kind: str, typed: bool) -> Sheet:
    header: SheetRow | None = None
    data: list[SheetRow] = []
    for row in rows:
        if all(_blank(c) for c in row.cells):
            continue
        if header is None:
            header = row
            continue
        data.append(row)
        if len(data) > limits.max_rows:
            raise UserError("error.import_too_many_rows", limit=limits.max_rows)
    if header is None:
        raise UserError("error.import_empty")
    if any(_looks_like_data(c) for c in header.cells):
        raise UserError("error.import_no_header")
    width = max([len(header.cells), *(len(r.cells) for r in data)])
    headers = header_names(header.cells, width)
    if not data:
        raise UserError("error.import_no_rows")
    padded = [r if len(r.cells) == width else SheetRow(r.number, (*r.cells,) + (None,) * (
        width - len(r.cells))) for r in data]
    return Sheet(headers, padded, kind, header_row=header.number, typed=typed)


def header_names(cells: tuple[Cell, ...], width: int) -> tuple[str, ...]:
    """Column names as shown: trimmed, a blank one named by its letter ("Kolom C"), a repeated
    one numbered ("Nama (2)")."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for index in range(width):
        cell = cells[index] if index < len(cells) else None
        name = " ".join(str(cell).split()) if not _blank(cell) else f"#{column_letter(index)}"
        count = seen.get(name.lower(), 0) + 1
        seen[name.lower()] = count
        names.append(name if count == 1 else f"{name} ({count})")
    return tuple(names)


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA" (as Excel names its columns)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
