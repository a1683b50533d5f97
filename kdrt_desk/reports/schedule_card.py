"""The schedule card handed to a participant: one A4 page in large type with her own sessions
and where to go. Discreet by default: an abuser who finds it reads "Jadwal kegiatan" and
"Kegiatan 1, 2…", no module title, no centre name, no app name (not even in the file's
metadata or its font names); only when the admin chooses do the module titles and the centre
appear.
"""

from __future__ import annotations

import io
import threading
from importlib.resources import files
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kdrt_desk.i18n import format_date
from kdrt_desk.reports.one_page import ACCENT, BOX_FILL, INK, MUTED, RULE
from kdrt_desk.reports.schedule_data import ScheduleCard, ScheduleRow
from kdrt_desk.reports.schedule_pdf import hours, language, text, user, weekday

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
WIDTH = PAGE_W - 2 * MARGIN
HEIGHT = PAGE_H - 2 * MARGIN
# neutral font names: the embedded fonts' names are in the file and must not say "KDRT"
REGULAR, BOLD = "CardSans", "CardSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()


def _fonts() -> tuple[str, str]:
    with _lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name not in known:
                data = (files("kdrt_desk") / "assets" / "fonts" / filename).read_bytes()
                stream = io.BytesIO(data)
                stream.name = filename  # type: ignore[attr-defined]
                pdfmetrics.registerFont(TTFont(name, stream))
        registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
    return REGULAR, BOLD


class _Styles:
    def __init__(self, size: float, stacked: bool) -> None:
        regular, bold = _fonts()
        self.regular, self.bold = regular, bold
        self.size = size
        self.stacked = stacked  # the weekday above the date (roomier), or both on one line
        self.pad = 5.0 if size >= 12 else 3.0
        self.body = ParagraphStyle("card_body", fontName=regular, fontSize=size,
                                   leading=size * 1.28, textColor=INK, alignment=TA_LEFT)
        self.strong = ParagraphStyle("card_strong", parent=self.body, fontName=bold)
        self.muted = ParagraphStyle("card_muted", parent=self.body, fontSize=min(size, 12),
                                    leading=min(size, 12) * 1.25, textColor=MUTED)
        self.centre = ParagraphStyle("card_centre", parent=self.body, fontName=bold,
                                     fontSize=13, leading=16, textColor=ACCENT)
        self.title = ParagraphStyle("card_title", parent=self.body, fontName=bold, fontSize=24,
                                    leading=29, textColor=ACCENT)
        self.name = ParagraphStyle("card_name", parent=self.body, fontName=bold, fontSize=20,
                                   leading=25)
        self.heading = ParagraphStyle("card_heading", parent=self.strong, fontSize=15,
                                      leading=19, textColor=ACCENT)


def _label(card: ScheduleCard, row: ScheduleRow, number: int, lang: str) -> str:
    if card.discreet:
        return escape(text(lang, "schedule.out.card.activity", number=number))
    return user(row.module)


def _day(row: ScheduleRow, lang: str, styles: _Styles) -> str:
    """"Selasa" above "24 November 2026", or "Selasa, 24 November 2026" on one line."""
    day = escape(weekday(row.day, lang))
    return (f"<b>{day}</b><br/>" if styles.stacked else f"<b>{day}</b>, ") + escape(
        format_date(row.day, lang))


def _sessions(card: ScheduleCard, lang: str, styles: _Styles) -> Flowable:
    pad = styles.pad
    rows = [[Paragraph(escape(text(lang, "schedule.out.card.col_what")), styles.muted),
             Paragraph(escape(text(lang, "schedule.out.col_date")), styles.muted),
             Paragraph(escape(text(lang, "schedule.out.col_time")), styles.muted),
             Paragraph(escape(text(lang, "schedule.out.col_venue")), styles.muted)]]
    for number, row in enumerate(card.rows, start=1):
        rows.append([Paragraph(_label(card, row, number, lang), styles.strong),
                     Paragraph(_day(row, lang, styles), styles.body),
                     Paragraph(escape(hours(row, lang)), styles.body),
                     Paragraph(user(row.venue), styles.body)])
    style = [
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 1, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), BOX_FILL) for r in range(2, len(rows), 2)]
    # the discreet label, the date and the hours never wrap: their columns are as wide as
    # their longest text; the venue takes the rest (and wraps)
    def widest(texts: list[str], font: str) -> float:
        return max((stringWidth(t, font, styles.size) for t in texts), default=0) + 2 * pad + 1

    what = (widest([text(lang, "schedule.out.card.activity", number=len(card.rows))],
                   styles.bold) if card.discreet else 50 * mm * styles.size / 13)
    day = widest([format_date(r.day, lang) if styles.stacked else
                  f"{weekday(r.day, lang)}, {format_date(r.day, lang)}" for r in card.rows],
                 styles.bold)
    clock = widest([hours(r, lang) for r in card.rows], styles.regular)
    table = Table(rows, colWidths=[what, day, clock, WIDTH - what - day - clock], hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _places(card: ScheduleCard, lang: str, styles: _Styles) -> list[Flowable]:
    """Each venue once, with its address: where to go."""
    seen: dict[str, str] = {}
    for row in card.rows:
        seen.setdefault(row.venue, row.venue_address)
    if not seen:
        return []
    parts: list[Flowable] = [Spacer(1, 7 * mm), Paragraph(
        escape(text(lang, "schedule.out.card.places")), styles.heading), Spacer(1, 2 * mm)]
    for venue, address in seen.items():
        parts.append(Paragraph(f"<b>{user(venue)}</b>"
                               + (f": {user(address)}" if address.strip() else ""),
                               styles.body))
        parts.append(Spacer(1, 1.5 * mm))
    return parts


def _story(card: ScheduleCard, lang: str, styles: _Styles) -> list[Flowable]:
    story: list[Flowable] = []
    if not card.discreet and card.centre_name.strip():
        story += [Paragraph(user(card.centre_name), styles.centre)]
        if card.centre_address.strip():
            story.append(Paragraph(user(card.centre_address), styles.muted))
        story.append(Spacer(1, 4 * mm))
    key = "schedule.out.card.title" if card.discreet else "schedule.out.card.title_full"
    story += [
        Paragraph(escape(text(lang, key)), styles.title),
        Spacer(1, 3 * mm),
        Paragraph(f"{escape(text(lang, 'schedule.out.card.for'))}: {user(card.name)}",
                  styles.name),
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=1.5, color=ACCENT, spaceBefore=0, spaceAfter=0),
        Spacer(1, 5 * mm),
    ]
    if card.rows:
        story.append(_sessions(card, lang, styles))
    else:
        story.append(Paragraph(escape(text(lang, "schedule.out.card.none")), styles.body))
    story += _places(card, lang, styles)
    story += [Spacer(1, 6 * mm), Paragraph(escape(text(lang, "schedule.out.card.note")),
                                           styles.muted)]
    return story


# from roomy to compact: (type size, weekday above the date)
LAYOUTS = ((13.0, True), (12.0, True), (12.0, False), (11.0, False), (10.0, False),
           (9.0, False))


def _fits(story: list[Flowable]) -> bool:
    total = 0.0
    for flowable in story:
        _, h = flowable.wrap(WIDTH, HEIGHT)
        total += flowable.getSpaceBefore() + h + flowable.getSpaceAfter()
    return total <= HEIGHT - 2 * mm


def build_schedule_card(card: ScheduleCard, lang: str | None = None) -> bytes:
    """Her card as one A4 page of PDF bytes, in ``lang``: the type steps down from 13 pt to
    9 pt for a long list, and a list too long even for that shrinks to fit the page."""
    chosen = language(lang)
    for size, stacked in LAYOUTS:
        styles = _Styles(size, stacked)
        if _fits(_story(card, chosen, styles)):
            break
    buffer = io.BytesIO()
    title = text(chosen, "schedule.out.card.title" if card.discreet
                 else "schedule.out.card.title_full")
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                          topMargin=MARGIN, bottomMargin=MARGIN, title=title, author="",
                          creator="", producer="", subject="", keywords="", lang=chosen,
                          initialFontName=styles.regular)
    # no frame padding: the content is exactly WIDTH x HEIGHT, as measured above
    doc.addPageTemplates([PageTemplate(id="card", frames=[Frame(
        MARGIN, MARGIN, WIDTH, HEIGHT, leftPadding=0, rightPadding=0, topPadding=0,
        bottomPadding=0, id="card")])])
    doc.build([KeepInFrame(WIDTH, HEIGHT, _story(card, chosen, styles), mode="shrink")])
    return buffer.getvalue()
