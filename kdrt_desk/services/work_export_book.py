"""The work exports' workbook writer: openpyxl's write-only mode with each sheet's XML kept in
memory (no plain copy of the data in the temp folder) and each row serialised as one string.
Imported when an export is made (``work_export_files.workbook_bytes``), never at app start."""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell._writer import _set_attributes
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from kdrt_desk.errors import UserError
from kdrt_desk.reports.xlsx_text import set_text
from kdrt_desk.services.work_export_files import (
    EXCEL_ROWS,
    Progress,
    Sheet,
    _sheet_name,
    clean_text,
    plain,
)

BOLD = Font(bold=True)


class _MemoryWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer with its XML in memory instead of a temporary file, and each
    row's cells serialised as one string (openpyxl's ``_set_attributes`` decides a cell's
    coordinate, style, type and stored value, as for its own writer; building an element tree
    per cell took most of a large export's time). A text cell is always an inline string:
    never a formula, whatever its type says."""

    def cleanup(self) -> None:  # nothing on disk to remove
        return None

    def write_row(self, xf: Any, row: Sequence[Any], row_idx: int) -> None:
        raw = getattr(xf, "_file", None)  # et_xmlfile's writer (lxml's has none: its own way)
        if raw is None or self.ws.row_dimensions.get(row_idx):
            super().write_row(xf, row, row_idx)
            return
        parts = [f'<row r="{row_idx}">']
        for cell in row:
            value, attrs = _set_attributes(cell, cell.has_style)
            if value is None or value == "":
                if cell.has_style:
                    parts.append(f'<c r="{attrs["r"]}" s="{attrs["s"]}"/>')
                continue
            style = f' s="{attrs["s"]}"' if "s" in attrs else ""
            if cell.data_type in ("s", "f"):
                parts.append(f'<c r="{attrs["r"]}"{style} t="inlineStr"><is>'
                             f'<t xml:space="preserve">{escape(str(value))}</t></is></c>')
            else:
                parts.append(f'<c r="{attrs["r"]}"{style} t="{attrs["t"]}">'
                             f'<v>{escape(safe_string(value))}</v></c>')
        parts.append("</row>")
        raw("".join(parts))


class _BookWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's workbook writer taking each write-only sheet's XML from memory (its own
    ``write_worksheet`` copies a temporary file into the archive)."""

    def write_worksheet(self, ws: WriteOnlyWorksheet) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if not ws.closed:
            ws.close()
        writer = ws._writer
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.out.getvalue())
        self.manifest.append(ws)


def write_book(sheets: Sequence[Sheet], progress: Progress) -> bytes:
    """An .xlsx written in write-only mode: a bold, frozen header row, then the rows."""
    book = Workbook(write_only=True)
    made: list[WriteOnlyWorksheet] = []
    try:
        _fill(book, sheets, progress, made)
    except BaseException:
        for sheet in made:  # closed now, not half-open when collected
            with contextlib.suppress(Exception):
                sheet.close()
        raise
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        _BookWriter(book, archive).save()
    return out.getvalue()


def _fill(book: Workbook, sheets: Sequence[Sheet], progress: Progress,
          made: list[WriteOnlyWorksheet]) -> None:
    taken: set[str] = set()
    for spec in sheets:
        sheet = book.create_sheet(_sheet_name(spec.name, taken))
        assert isinstance(sheet, WriteOnlyWorksheet)
        for n, width in enumerate(spec.widths, start=1):
            sheet.column_dimensions[get_column_letter(n)].width = width
        sheet.freeze_panes = "A2"
        sheet._writer = _MemoryWriter(sheet, io.BytesIO())
        sheet._writer.write_top()
        made.append(sheet)
        head = []
        for title in spec.header:
            cell = WriteOnlyCell(sheet)
            set_text(cell, clean_text(title))
            cell.font = BOLD
            head.append(cell)
        sheet.append(head)
        written = 1
        for row in spec.rows:
            written += 1
            if written > EXCEL_ROWS:
                raise UserError("error.export_too_many_rows", sheet=spec.name,
                                limit=EXCEL_ROWS - 1)
            sheet.append([_cell(sheet, v) for v in row])
            progress.step()


def _cell(sheet: WriteOnlyWorksheet, raw: object) -> object:
    value = plain(raw)
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet)
    set_text(cell, clean_text(value))
    return cell


