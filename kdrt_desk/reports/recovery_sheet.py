"""The one-page recovery sheet PDF printed when the encrypted vault is created."""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass
from typing import TypedDict, cast
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kdrt_desk.i18n import LANGUAGES, format_date
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.one_page import (
    ACCENT,
    BOX_FILL,
    INK,
    MUTED,
    NOTE_FILL,
    NOTE_RULE,
    RULE,
    render_one_page,
)


@dataclass(frozen=True)
class RecoverySheet:
    centre_name: str
    centre_address: str
    recovery_code: str  # e.g. "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567"
    created: datetime.date
    vault_id: str  # short identifier of the vault, e.g. first 8 chars of a uuid


class _Texts(TypedDict):
    title: str
    subtitle: str
    centre: str
    address: str
    created: str
    vault: str
    code_heading: str
    one_line: str
    code_note: str
    purpose_heading: str
    purpose: str
    keep_heading: str
    keep: tuple[str, ...]
    stored_by: str
    date: str
    footer: str


def texts_for(lang: str) -> _Texts:
    """The sheet's texts in ``lang``, from the catalogue (``report.recovery.*``; Paragraph
    markup such as <b> and <br/> is allowed there, user data is always escaped)."""

    def text(key: str) -> str:
        pair = MESSAGES[f"report.recovery.{key}"]
        return pair[0] if lang == "id" else pair[1]

    found = {key: text(key) for key in _Texts.__annotations__ if key != "keep"}
    keep = tuple(text(f"keep.{n}") for n in itertools.takewhile(
        lambda n: f"report.recovery.keep.{n}" in MESSAGES, itertools.count(1)))
    return cast(_Texts, {**found, "keep": keep})

MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 24 * mm


def code_groups(code: str) -> list[str]:
    """The code's groups as printed: split at dashes/spaces, long runs cut into fours."""
    groups: list[str] = []
    for part in re.split(r"[\s\-]+", code.strip()):
        groups.extend(part[i:i + 4] for i in range(0, len(part), 4))
    return [g for g in groups if g]


class _CodeBoxes(Flowable):
    """The recovery code in large type, one framed box per group, each character in a fixed cell.

    Groups run four to a row, left to right, so every box is big enough to read at arm's length.
    """

    per_row = 4
    gap = 6 * mm
    row_gap = 5 * mm

    def __init__(self, groups: list[str], font: str) -> None:
        super().__init__()
        self.groups = groups
        self.font = font
        self.font_size = 28.0
        self.cell = 0.0
        self.pad = 0.0
        self.box_w = 0.0
        self.box_h = 0.0
        self.width = 0.0
        self.height = 0.0

    def _measure(self, avail_width: float) -> None:
        longest = max((len(g) for g in self.groups), default=4)
        columns = min(self.per_row, max(len(self.groups), 1))
        rows = max((len(self.groups) + self.per_row - 1) // self.per_row, 1)
        size = self.font_size
        while True:
            # One cell width for every character (the widest), like a typewriter.
            chars = "W" + "".join(self.groups)
            cell = max(stringWidth(ch, self.font, size) for ch in chars) * 1.15
            pad = size * 0.45
            box_w = longest * cell + 2 * pad
            if columns * box_w + (columns - 1) * self.gap <= avail_width or size <= 10:
                break
            size -= 1
        self.font_size, self.cell, self.pad, self.box_w = size, cell, pad, box_w
        self.box_h = size * 1.8
        self.width = avail_width
        self.height = rows * self.box_h + (rows - 1) * self.row_gap

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._measure(availWidth)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        for index, group in enumerate(self.groups):
            row, col = divmod(index, self.per_row)
            in_row = min(self.per_row, len(self.groups) - row * self.per_row)
            row_w = in_row * self.box_w + (in_row - 1) * self.gap
            x = (self.width - row_w) / 2 + col * (self.box_w + self.gap)
            y = self.height - (row + 1) * self.box_h - row * self.row_gap
            c.setStrokeColor(ACCENT)
            c.setFillColor(BOX_FILL)
            c.setLineWidth(1.2)
            c.roundRect(x, y, self.box_w, self.box_h, 5, stroke=1, fill=1)
            c.setFillColor(INK)
            c.setFont(self.font, self.font_size)
            baseline = y + (self.box_h - self.font_size * 0.73) / 2
            for i, char in enumerate(group):
                c.drawCentredString(x + self.pad + (i + 0.5) * self.cell, baseline, char)


def _story(sheet: RecoverySheet, lang: str, regular: str, bold: str) -> list[Flowable]:
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=14, textColor=INK)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=12, textColor=MUTED)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=20, leading=25,
                           textColor=ACCENT)
    subtitle = ParagraphStyle("subtitle", parent=body, fontSize=10.5, leading=14,
                              textColor=MUTED)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=11.5, leading=15,
                             textColor=ACCENT, spaceBefore=0, spaceAfter=4)
    label = ParagraphStyle("label", parent=body, textColor=MUTED)
    value = ParagraphStyle("value", parent=body, fontName=bold)
    centred_small = ParagraphStyle("centred_small", parent=small, alignment=TA_CENTER)
    centred_body = ParagraphStyle("centred_body", parent=body, fontSize=11, leading=15,
                                  alignment=TA_CENTER)
    groups = code_groups(sheet.recovery_code)
    texts = texts_for(lang)

    def p(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(text, style)

    def user(text: str) -> str:
        return escape(text.strip()).replace("\n", "<br/>") or "—"

    # Every table names the font: a table otherwise sets Helvetica before drawing its cells.
    label_w = 34 * mm
    details = Table(
        [
            [p(texts["centre"], label), p(user(sheet.centre_name), value)],
            [p(texts["address"], label), p(user(sheet.centre_address), body)],
            [p(texts["created"], label), p(escape(format_date(sheet.created, lang)), body)],
            [p(texts["vault"], label), p(user(sheet.vault_id), body)],
        ],
        colWidths=[label_w, "*"],
    )
    details.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))

    bullets = ListFlowable(
        [ListItem(p(item, body), leftIndent=14) for item in texts["keep"]],
        bulletType="bullet", start="circle", bulletFontName=regular, bulletFontSize=9,
        bulletColor=NOTE_RULE, leftIndent=14, spaceBefore=0,
    )
    keep_box = Table([[p(texts["keep_heading"], heading)], [bullets]], colWidths=["*"])
    keep_box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL),
        ("LINEBEFORE", (0, 0), (0, -1), 3, NOTE_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 12),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, 0), 9),
        ("TOPPADDING", (0, 1), (-1, 1), 0),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]))

    stored_w = stringWidth(texts["stored_by"], regular, 10) + 8
    date_w = stringWidth(texts["date"], regular, 10) + 8
    blank_date = 42 * mm
    sign = Table(
        [[p(texts["stored_by"], body), "", "", p(texts["date"], body), ""]],
        colWidths=[stored_w, "*", 8 * mm, date_w, blank_date],
        rowHeights=[30],
    )
    sign.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
        ("LINEBELOW", (4, 0), (4, 0), 0.8, INK),
    ]))

    rule = HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=0, spaceAfter=0)

    return [
        p(texts["title"], title),
        p(texts["subtitle"], subtitle),
        Spacer(1, 4 * mm),
        rule,
        Spacer(1, 5 * mm),
        details,
        Spacer(1, 10 * mm),
        p(texts["code_heading"], heading),
        Spacer(1, 2 * mm),
        _CodeBoxes(groups, bold),
        Spacer(1, 5 * mm),
        p(f"{texts['one_line']} <b>{escape('-'.join(groups))}</b>", centred_body),
        Spacer(1, 2 * mm),
        p(texts["code_note"], centred_small),
        Spacer(1, 10 * mm),
        p(texts["purpose_heading"], heading),
        p(texts["purpose"], body),
        Spacer(1, 9 * mm),
        keep_box,
        Spacer(1, 12 * mm),
        sign,
    ]


def _render(sheet: RecoverySheet, lang: str) -> bytes:
    regular, bold = register_fonts()
    return render_one_page(
        lambda: _story(sheet, lang, regular, bold), lang=lang, title=texts_for(lang)["title"],
        regular=regular, footer=texts_for(lang)["footer"], footer_font=bold, footer_size=10,
        footer_colour=colors.HexColor("#9B2C2C"), margin_top=MARGIN_TOP,
        margin_bottom=MARGIN_BOTTOM, footer_drop=12 * mm)


def recovery_sheet_pdf(sheet: RecoverySheet, lang: str = "id") -> bytes:
    """The sheet as PDF bytes (written through the one ``OutputWriter``, never into the data
    folder: the code beside the vault would open it)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    return _render(sheet, lang)
