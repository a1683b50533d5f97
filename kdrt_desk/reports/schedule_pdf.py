"""The printed schedules of staff: a group's term (a week-by-week grid, then every session by
date, A4 landscape) and a facilitator's sessions (by date, with the venue's address, A4
portrait). Data in, PDF bytes out; every text from the catalogue, every name embedded-font.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kdrt_desk.i18n import format_date, format_time
from kdrt_desk.reports.emblem import Emblem
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.one_page import ACCENT, BOX_FILL, INK, MUTED, RULE
from kdrt_desk.reports.schedule_data import Schedule, ScheduleRow
from kdrt_desk.reports.texts import language, text, user

MARGIN = 14 * mm
MARGIN_BOTTOM = 18 * mm
FOOTER_RULE = 12 * mm
FOOTER_TEXT = 8 * mm
EMBLEM = 13 * mm
PAD = 3
CANCELLED_INK = colors.HexColor("#9A9A9A")
WHITE = colors.white




def weekday(day: date, lang: str) -> str:
    return text(lang, f"calendar.weekday.{day.weekday()}")


def short_date(day: date, lang: str) -> str:
    """``31 Agu``: a week's first and last day in the grid."""
    from babel.dates import format_date as babel_date

    return str(babel_date(day, "d MMM", locale=lang))


def long_date(day: date, lang: str) -> str:
    """``Selasa, 24 November 2026``."""
    return f"{weekday(day, lang)}, {format_date(day, lang)}"


def hours(row: ScheduleRow, lang: str) -> str:
    return text(lang, "schedule.out.time_range", start=format_time(row.start, lang),
                end=format_time(row.end, lang))


def status_text(row: ScheduleRow, lang: str) -> str:
    shown = text(lang, f"enum.SessionStatus.{row.status.value}")
    if row.moved_from is not None:
        shown += " (" + text(lang, "schedule.out.moved_from",
                             date=format_date(row.moved_from, lang)) + ")"
    return shown


class _Styles:
    def __init__(self, regular: str, bold: str, size: float = 8.5) -> None:
        self.regular, self.bold = regular, bold
        self.body = ParagraphStyle("body", fontName=regular, fontSize=size, leading=size * 1.25,
                                   textColor=INK)
        self.strong = ParagraphStyle("strong", parent=self.body, fontName=bold)
        self.muted = ParagraphStyle("muted", parent=self.body, fontSize=size - 1,
                                    leading=(size - 1) * 1.25, textColor=MUTED)
        self.cancelled = ParagraphStyle("cancelled", parent=self.body, textColor=CANCELLED_INK)
        self.centre = ParagraphStyle("centre", parent=self.body, fontName=bold, fontSize=12.5,
                                     leading=15, textColor=ACCENT)
        self.address = ParagraphStyle("address", parent=self.body, fontSize=8.5, leading=11,
                                      textColor=MUTED)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=15,
                                    leading=19, alignment=TA_CENTER, textColor=ACCENT)
        self.subject = ParagraphStyle("subject", parent=self.body, fontName=bold, fontSize=12,
                                      leading=15, alignment=TA_CENTER)
        self.period = ParagraphStyle("period", parent=self.body, fontSize=9.5, leading=12,
                                     alignment=TA_CENTER, textColor=MUTED)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=bold, fontSize=11,
                                      leading=14, textColor=ACCENT, spaceBefore=2, spaceAfter=4)
        self.head = ParagraphStyle("head", parent=self.body, fontName=bold, textColor=WHITE)
        self.head_centre = ParagraphStyle("head_centre", parent=self.head, alignment=TA_CENTER)


def _header(schedule: Schedule, lang: str, styles: _Styles) -> list[Flowable]:
    centre = Table([[Emblem(EMBLEM), [Paragraph(user(schedule.centre_name), styles.centre),
                                      Paragraph(user(schedule.centre_address), styles.address)]]],
                   colWidths=[EMBLEM + 4 * mm, "*"])
    centre.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    if schedule.start is not None and schedule.end is not None:
        period = text(lang, "schedule.out.period", start=format_date(schedule.start, lang),
                      end=format_date(schedule.end, lang))
    else:
        period = text(lang, "schedule.out.period_open")
    period += " · " + text(lang, "schedule.out.sessions", count=len(schedule.rows))
    return [
        centre,
        Spacer(1, 2.5 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=0),
        Spacer(1, 3.5 * mm),
        Paragraph(escape(text(lang, f"schedule.out.title.{schedule.kind}")), styles.title),
        Spacer(1, 1.5 * mm),
        Paragraph(user(schedule.subject), styles.subject),
        Spacer(1, 1 * mm),
        Paragraph(escape(period), styles.period),
        Spacer(1, 4 * mm),
    ]


def _table_style(regular: str, header_rows: int = 1) -> list[tuple[object, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
    ]


def _weeks(rows: Sequence[ScheduleRow]) -> list[date]:
    """The Mondays from the first session's week to the last one's (empty weeks included)."""
    if not rows:
        return []
    first = min(r.day for r in rows)
    last = max(r.day for r in rows)
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(days=7)
    return weeks


def _grid(schedule: Schedule, lang: str, styles: _Styles, width: float) -> Flowable:
    """Weeks down, weekdays across (Monday to Saturday, Sunday when a session falls on one);
    each cell lists its sessions: time, module, venue."""
    days = 7 if any(r.day.weekday() == 6 for r in schedule.rows) else 6
    week_w = 25 * mm
    day_w = (width - week_w) / days
    head: list[object] = [Paragraph(escape(text(lang, "schedule.out.week")), styles.head)]
    head += [Paragraph(escape(text(lang, f"calendar.weekday.{d}")), styles.head_centre)
             for d in range(days)]
    by_day: dict[date, list[ScheduleRow]] = {}
    for row in schedule.rows:
        by_day.setdefault(row.day, []).append(row)
    table: list[list[object]] = [head]
    style = _table_style(styles.regular)
    for number, monday in enumerate(_weeks(schedule.rows), start=1):
        label = [Paragraph(f"{escape(text(lang, 'schedule.out.week'))} {number}", styles.strong),
                 Paragraph(escape(text(lang, "schedule.out.week_of", start=short_date(monday, lang),
                                       end=short_date(monday + timedelta(days=days - 1),
                                                      lang))), styles.muted)]
        cells: list[object] = [label]
        for offset in range(days):
            day = monday + timedelta(days=offset)
            cell: list[Flowable] = [Paragraph(escape(str(day.day)), styles.muted)]
            for session in by_day.get(day, []):
                cell += _cell_session(session, lang, styles)
            cells.append(cell)
        table.append(cells)
        if number % 2 == 0:
            style.append(("BACKGROUND", (0, number), (-1, number), BOX_FILL))
    if len(table) == 1:
        table.append([Paragraph(escape(text(lang, "schedule.out.none")), styles.muted)]
                     + [""] * days)
        style.append(("SPAN", (0, 1), (-1, 1)))
    grid = Table(table, colWidths=[week_w] + [day_w] * days, repeatRows=1)
    grid.setStyle(TableStyle(style))
    return grid


def _cell_session(row: ScheduleRow, lang: str, styles: _Styles) -> list[Flowable]:
    body = styles.cancelled if row.cancelled else styles.body
    parts: list[Flowable] = [Spacer(1, 1.2 * mm),
                             Paragraph(f"<b>{escape(hours(row, lang))}</b>", body),
                             Paragraph(user(row.module), body),
                             Paragraph(user(row.venue), styles.muted if not row.cancelled
                                       else styles.cancelled)]
    if row.cancelled or row.moved_from is not None:
        parts.append(Paragraph(f"<b>{escape(status_text(row, lang))}</b>", body))
    return parts


def _venue(row: ScheduleRow, styles: _Styles, body: ParagraphStyle) -> list[Flowable]:
    parts = [Paragraph(user(row.venue), body)]
    if row.venue_address.strip():
        parts.append(Paragraph(user(row.venue_address), styles.muted))
    return parts


def _list(schedule: Schedule, lang: str, styles: _Styles, columns: Sequence[str],
          widths: Sequence[float]) -> Flowable:
    """Every session by date; ``columns`` names what each column shows."""
    head = [Paragraph(escape(text(lang, f"schedule.out.col_{c}")), styles.head)
            for c in columns]
    table: list[list[object]] = [head]
    style = _table_style(styles.regular)
    for index, row in enumerate(schedule.rows, start=1):
        body = styles.cancelled if row.cancelled else styles.body
        cell: dict[str, object] = {
            "date": Paragraph(escape(long_date(row.day, lang)), body),
            "time": Paragraph(escape(hours(row, lang)), body),
            "group": Paragraph(user(row.group), body),
            "module": [Paragraph(user(row.module), body)]
            + ([Paragraph(user(row.topic), styles.muted)] if row.topic.strip() else []),
            "venue": _venue(row, styles, body),
            "facilitator": Paragraph(user(row.facilitator), body),
            "status": Paragraph(escape(status_text(row, lang)), body),
        }
        table.append([cell[c] for c in columns])
        if index % 2 == 0:
            style.append(("BACKGROUND", (0, index), (-1, index), BOX_FILL))
    if not schedule.rows:
        table.append([Paragraph(escape(text(lang, "schedule.out.none")), styles.muted)]
                     + [""] * (len(columns) - 1))
        style.append(("SPAN", (0, 1), (-1, 1)))
    listing = Table(table, colWidths=list(widths), repeatRows=1)
    listing.setStyle(TableStyle(style))
    return listing


def _footer(lang: str, font: str, title: str, pages: int | None, page_w: float
            ) -> Callable[[Canvas, BaseDocTemplate], None]:
    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, FOOTER_RULE, page_w - MARGIN, FOOTER_RULE)
        canvas.setFillColor(MUTED)
        canvas.setFont(font, 8)
        canvas.drawCentredString(page_w / 2, FOOTER_TEXT, title)
        page = canvas.getPageNumber()
        canvas.drawRightString(page_w - MARGIN, FOOTER_TEXT, text(
            lang, "schedule.out.page", page=page, pages=pages if pages is not None else page))
        canvas.restoreState()

    return on_page


def _build(schedule: Schedule, lang: str, pages: int | None) -> tuple[bytes, int]:
    regular, bold = register_fonts()
    styles = _Styles(regular, bold)
    group = schedule.kind == "group"
    pagesize = landscape(A4) if group else A4
    page_w, page_h = pagesize
    width = page_w - 2 * MARGIN
    title = text(lang, f"schedule.out.doc_title.{schedule.kind}")
    buffer = io.BytesIO()
    # the metadata holds a generic title only, never the group's or her name
    doc = BaseDocTemplate(buffer, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN_BOTTOM, title=title,
                          author="", creator="", subject="", keywords="",
                          lang=lang, initialFontName=regular)
    frame = Frame(MARGIN, MARGIN_BOTTOM, width, page_h - MARGIN - MARGIN_BOTTOM, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame],
                                       onPage=_footer(lang, regular, title, pages, page_w))])
    story = _header(schedule, lang, styles)
    if group:
        fixed = (40 + 22 + 65 + 45 + 32) * mm
        story += [Paragraph(escape(text(lang, "schedule.out.grid_heading")), styles.heading),
                  _grid(schedule, lang, styles, width), Spacer(1, 6 * mm),
                  CondPageBreak(40 * mm),
                  Paragraph(escape(text(lang, "schedule.out.list_heading")), styles.heading),
                  _list(schedule, lang, styles,
                        ("date", "time", "module", "venue", "facilitator", "status"),
                        (40 * mm, 22 * mm, width - fixed, 65 * mm, 45 * mm, 32 * mm))]
    else:
        fixed = 36 * mm + 21 * mm + 30 * mm + 24 * mm
        rest = width - fixed
        story += [_list(schedule, lang, styles,
                        ("date", "time", "group", "module", "venue", "status"),
                        (36 * mm, 21 * mm, 30 * mm, rest / 2, rest / 2, 24 * mm))]
    doc.build(story)
    return buffer.getvalue(), doc.page


def build_schedule_pdf(schedule: Schedule, lang: str | None = None) -> bytes:
    """A group's schedule (grid and list, landscape) or a facilitator's (list, portrait) as PDF
    bytes, in ``lang`` (default: the UI language)."""
    chosen = language(lang)
    _, pages = _build(schedule, chosen, None)
    data, _ = _build(schedule, chosen, pages)
    return data
