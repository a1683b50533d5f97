"""A group's term schedule as an Excel workbook: one row per session, real dates and times,
column widths that fit, the header frozen and repeated on every printed page, landscape and
one page wide.

Every text from the vault is written as text, never as a formula: a group, module or venue
named ``=HYPERLINK(...)`` stays those characters (``data_type = "s"`` and a quote prefix).
"""

from __future__ import annotations

import io
from datetime import date, time

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kdrt_desk.i18n import format_date
from kdrt_desk.reports.schedule_data import Schedule
from kdrt_desk.reports.schedule_pdf import language, status_text, text, weekday
from kdrt_desk.reports.xlsx_text import set_text

# (catalogue key, width in characters)
COLUMNS = (("col_date", 12), ("col_day", 9), ("col_start", 8), ("col_end", 8),
           ("col_module_code", 12), ("col_module_title", 34), ("col_venue", 28),
           ("col_address", 34), ("col_facilitator", 26), ("col_topic", 30), ("col_status", 16))
HEADER_ROW = 4
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")


def _fit(sheet: Worksheet, column: int, base: int, values: list[str]) -> None:
    longest = max((len(v) for v in values), default=0)
    sheet.column_dimensions[get_column_letter(column)].width = min(max(base, longest + 2), 60)


def build_schedule_xlsx(schedule: Schedule, lang: str | None = None) -> bytes:
    """The workbook's bytes, in ``lang`` (default: the UI language)."""
    chosen = language(lang)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = text(chosen, "schedule.out.sheet_name")
    title = sheet.cell(row=1, column=1)
    set_text(title, f"{text(chosen, 'schedule.out.doc_title.group')}: {schedule.subject}")
    title.font = Font(bold=True, size=14)
    if schedule.start is not None and schedule.end is not None:
        period = text(chosen, "schedule.out.period", start=format_date(schedule.start, chosen),
                      end=format_date(schedule.end, chosen))
    else:
        period = text(chosen, "schedule.out.period_open")
    set_text(sheet.cell(row=2, column=1), period)
    for column, (key, _) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column)
        set_text(cell, text(chosen, f"schedule.out.{key}"))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    texts: dict[int, list[str]] = {c: [] for c in range(1, len(COLUMNS) + 1)}
    for offset, row in enumerate(schedule.rows, start=1):
        line = HEADER_ROW + offset
        values: list[date | time | str] = [
            row.day, weekday(row.day, chosen), row.start, row.end, row.module_code,
            row.module_title, row.venue, row.venue_address, row.facilitator, row.topic,
            status_text(row, chosen)]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=line, column=column)
            if isinstance(value, str):
                shown = " ".join(value.split())
                set_text(cell, shown)
                texts[column].append(shown)
            else:
                cell.value = value
                cell.number_format = "yyyy-mm-dd" if isinstance(value, date) else "hh:mm"
            cell.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str))
    for column, (_, base) in enumerate(COLUMNS, start=1):
        _fit(sheet, column, base, texts[column])
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)
    last = HEADER_ROW + len(schedule.rows)
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{get_column_letter(len(COLUMNS))}{last}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    book.properties.creator = ""
    book.properties.title = text(chosen, "schedule.out.doc_title.group")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
