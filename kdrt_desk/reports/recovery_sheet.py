"""The one-page recovery sheet PDF printed when the encrypted vault is created."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TypedDict
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

from kdrt_desk.i18n import format_date
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


# Paragraph markup (<b>, <br/>) is allowed here; user data is always escaped.
TEXTS: dict[str, _Texts] = {
    "id": {
        "title": "Lembar Pemulihan KDRT Desk",
        "subtitle": "Kunci cadangan untuk brankas data terenkripsi",
        "centre": "Lembaga",
        "address": "Alamat",
        "created": "Tanggal dibuat",
        "vault": "ID brankas",
        "code_heading": "Kode pemulihan",
        "one_line": "Dalam satu baris:",
        "code_note": (
            "7 kelompok × 4 karakter, hanya angka 0–9 dan huruf kapital. Tanda minus dan spasi "
            "tidak perlu diketik.<br/>Tidak ada huruf O, I, L, atau U: yang bulat adalah angka "
            "nol (0), yang tegak adalah angka satu (1)."
        ),
        "purpose_heading": "Untuk apa kode ini?",
        "purpose": (
            "Kode ini membuka brankas data KDRT Desk bila kata sandi Admin hilang atau terlupa, "
            "atau bila data dipindahkan ke komputer baru atau akun Windows baru. Pada layar "
            "masuk, pilih <b>“Lupa kata sandi / komputer baru? Pakai kode pemulihan”</b>."
        ),
        "keep_heading": "Cara menyimpan lembar ini",
        "keep": (
            "Simpan kertas ini di <b>tempat terkunci</b>, misalnya lemari arsip pimpinan, "
            "<b>jauh dari komputer kantor</b>.",
            "<b>Jangan pernah memotret</b> lembar ini, dan <b>jangan mengirimnya</b> lewat "
            "WhatsApp atau email.",
            "Siapa pun yang memegang kode ini dan salinan data <b>dapat membuka semua catatan "
            "peserta</b>.",
            "Bila lembar ini hilang atau terlihat oleh orang lain, <b>segera buat kode baru</b> "
            "(Admin: menu Berkas › Buat lembar pemulihan baru) dan cetak lembar itu.",
            "Hapus berkas PDF ini dari komputer setelah dicetak.",
        ),
        "stored_by": "Disimpan oleh / Stored by:",
        "date": "Tanggal / Date:",
        "footer": "RAHASIA / CONFIDENTIAL",
    },
    "en": {
        "title": "KDRT Desk Recovery Sheet",
        "subtitle": "The spare key to the encrypted data vault",
        "centre": "Centre",
        "address": "Address",
        "created": "Created on",
        "vault": "Vault ID",
        "code_heading": "Recovery code",
        "one_line": "On one line:",
        "code_note": (
            "7 groups × 4 characters, only digits 0–9 and capital letters. You do not need to "
            "type the dashes or spaces.<br/>There is no letter O, I, L or U: a round sign is the "
            "digit zero (0), an upright stroke is the digit one (1)."
        ),
        "purpose_heading": "What is this code for?",
        "purpose": (
            "This code opens the KDRT Desk data vault when the Admin password is lost or "
            "forgotten, or when the data moves to a new computer or a new Windows account. On "
            "the sign-in screen, choose <b>“Forgot the password / new computer? Use the recovery "
            "code”</b>."
        ),
        "keep_heading": "How to keep this sheet",
        "keep": (
            "Keep this paper in a <b>locked place</b>, for example the director's filing "
            "cabinet, <b>away from the office computer</b>.",
            "<b>Never photograph</b> this sheet, and <b>never send it</b> by WhatsApp or email.",
            "Anyone who has this code and a copy of the data <b>can open all participant "
            "records</b>.",
            "If this sheet is lost or seen by someone else, <b>create a new code</b> at once "
            "(Admin: File menu › Make a new recovery sheet) and print that sheet.",
            "Delete this PDF file from the computer once it is printed.",
        ),
        "stored_by": "Disimpan oleh / Stored by:",
        "date": "Tanggal / Date:",
        "footer": "RAHASIA / CONFIDENTIAL",
    },
}

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
    texts = TEXTS[lang]

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
        lambda: _story(sheet, lang, regular, bold), lang=lang, title=TEXTS[lang]["title"],
        regular=regular, footer=TEXTS[lang]["footer"], footer_font=bold, footer_size=10,
        footer_colour=colors.HexColor("#9B2C2C"), margin_top=MARGIN_TOP,
        margin_bottom=MARGIN_BOTTOM, footer_drop=12 * mm)


def recovery_sheet_pdf(sheet: RecoverySheet, lang: str = "id") -> bytes:
    """The sheet as PDF bytes (written through the one ``OutputWriter``, never into the data
    folder: the code beside the vault would open it)."""
    if lang not in TEXTS:
        raise ValueError(f"unsupported language: {lang}")
    return _render(sheet, lang)
