"""The paper form of an assessment instrument (WHO-5, GSE, RSE or the centre's own), filled in
by hand and typed in later: A4 portrait, the centre's header and a participant code box on every
page, the date, round and assessor to fill in, the instructions, and one row per item with a tick
box per answer (the answer's number printed small in the box, for typing in).

What the participant holds names neither the centre's work with violence nor the app; the
reverse-scored and alert items are not marked. An Indonesian wording that is still the
developers' working translation carries the mark "Terjemahan kerja — belum versi tervalidasi"
in the header and the footer of every page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kdrt_desk.domain.assessment import Round
from kdrt_desk.domain.instruments import Instrument
from kdrt_desk.reports.emblem import Emblem
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.one_page import (
    ACCENT,
    BOX_FILL,
    INK,
    MARGIN_X,
    MUTED,
    NOTE_FILL,
    NOTE_RULE,
    RULE,
)
from kdrt_desk.reports.texts import language, text, user

PAGE_W, PAGE_H = A4
CONTENT_W = PAGE_W - 2 * MARGIN_X
HEADER_TOP = 12 * mm  # from the top edge of the page to the header
HEADER_GAP = 5 * mm  # between the header and the page's content
FOOTER_TEXT = 9 * mm  # the baseline of the footer's last line
FOOTER_GAP = 2.5 * mm  # between the footer's rule and its first line
BODY_GAP = 5 * mm  # between the content and the footer's rule
EMBLEM = 15 * mm
CODE_BOX_W = 48 * mm
CODE_BOX_H = 9 * mm
PAGE_NO_W = 30 * mm  # the footer's right-hand column, "Halaman 10 dari 12"
NO_W = 9 * mm  # the item number column
MIN_TEXT_W = 52 * mm  # the item text column never gets narrower than this
PREFERRED_ANSWER_W = 20 * mm  # an answer column is this wide when the page has room
ROW_H = 11 * mm  # tall enough to tick comfortably
PAD = 4  # cell padding
HEAD_PAD = 2.5  # the answer columns' header padding (narrow columns)
LABEL_SIZES = (7.5, 7.0, 6.5, 6.0)  # the answer labels' font sizes, largest that fits first
BOX = 6.5 * mm  # the tick box
ROUND_BOX = 4.5 * mm
WHITE = colors.white
MARK_INK = colors.HexColor("#7A4B00")  # the working-translation mark, on NOTE_FILL
BOX_NUMBER = colors.HexColor("#8A94A3")

# The rounds to tick, in the order they come (an extra "other" round is typed in, not printed).
ROUNDS: tuple[tuple[Round, str], ...] = (
    (Round.BASELINE, "ui.instrument_form.round.baseline"),
    (Round.MIDLINE, "ui.instrument_form.round.midline"),
    (Round.ENDLINE, "ui.instrument_form.round.endline"),
    (Round.FOLLOW_UP_3, "ui.instrument_form.round.follow_up_3"),
    (Round.FOLLOW_UP_6, "ui.instrument_form.round.follow_up_6"),
)


def is_working_translation(instrument: Instrument, lang: str) -> bool:
    """The form needs the "terjemahan kerja" mark: Indonesian wording not yet validated."""
    return lang == "id" and not instrument.id_validated


class _Styles:
    def __init__(self, regular: str, bold: str) -> None:
        self.regular, self.bold = regular, bold
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12,
                                   textColor=INK)
        self.centre = ParagraphStyle("centre", parent=self.body, fontName=bold, fontSize=12.5,
                                     leading=15, textColor=ACCENT)
        self.address = ParagraphStyle("address", parent=self.body, fontSize=8.5, leading=11,
                                      textColor=MUTED)
        self.code_label = ParagraphStyle("code_label", parent=self.body, fontName=bold,
                                         fontSize=8.5, leading=10.5, textColor=ACCENT)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=15,
                                    leading=19, alignment=TA_CENTER, textColor=ACCENT)
        self.version = ParagraphStyle("version", parent=self.body, fontSize=9, leading=11.5,
                                      alignment=TA_CENTER, textColor=MUTED)
        self.mark = ParagraphStyle("mark", parent=self.body, fontName=bold, fontSize=9.5,
                                   leading=12, alignment=TA_CENTER, textColor=MARK_INK)
        self.label = ParagraphStyle("label", parent=self.body, textColor=MUTED)
        self.hint = ParagraphStyle("hint", parent=self.body, fontSize=7.5, leading=9,
                                   textColor=MUTED)
        self.value = ParagraphStyle("value", parent=self.body, fontName=bold)
        self.round = ParagraphStyle("round", parent=self.body, fontSize=9, leading=11)
        self.instructions = ParagraphStyle("instructions", parent=self.body, fontSize=10,
                                           leading=13.5)
        self.how_to = ParagraphStyle("how_to", parent=self.body, fontName=bold)
        self.head = ParagraphStyle("head", parent=self.body, fontName=bold, fontSize=9.5,
                                   textColor=WHITE)
        self.head_centre = ParagraphStyle("head_centre", parent=self.head, alignment=TA_CENTER)
        self.item = ParagraphStyle("item", parent=self.body, fontSize=10, leading=12.5)
        self.number = ParagraphStyle("number", parent=self.item, alignment=TA_RIGHT,
                                     textColor=MUTED)
        self.entered = ParagraphStyle("entered", parent=self.body, fontSize=8, leading=10,
                                      textColor=MUTED)
        self.credit = ParagraphStyle("credit", parent=self.body, fontSize=7, leading=8.5,
                                     textColor=MUTED)
        self.footer_mark = ParagraphStyle("footer_mark", parent=self.credit, fontName=bold,
                                          fontSize=7.5, leading=9, textColor=MARK_INK)

    def answer_head(self, size: float) -> ParagraphStyle:
        return ParagraphStyle(f"answer_head_{size}", parent=self.head, fontSize=size,
                              leading=size * 1.18, alignment=TA_CENTER)


class TickBox(Flowable):
    """An empty square to tick, with the answer's number printed small and light inside."""

    def __init__(self, number: str, font: str, size: float = BOX) -> None:
        super().__init__()
        self.number = number
        self.font = font
        self.size = size
        self.width = self.height = size
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setFillColor(WHITE)
        canvas.setLineWidth(0.9)
        canvas.rect(0, 0, self.size, self.size, stroke=1, fill=1)
        if self.number:
            font_size = self.size * 0.36
            canvas.setFillColor(BOX_NUMBER)
            canvas.setFont(self.font, font_size)
            canvas.drawCentredString(self.size / 2, (self.size - font_size * 0.72) / 2,
                                     self.number)
        canvas.restoreState()


def _pieces(label: str) -> list[str]:
    """The label's words, each split after its hyphens ("Kadang-kadang": "Kadang-", "kadang"),
    the narrowest bits a line may break into."""
    found: list[str] = []
    for word in label.split():
        parts = word.split("-")
        found += [f"{p}-" for p in parts[:-1] if p] + ([parts[-1]] if parts[-1] else [])
    return found


def break_label(label: str, font: str, size: float, width: float) -> list[str]:
    """The label in lines that fit ``width``: at spaces first, after a hyphen only when a word
    does not fit (a piece still too wide is left to the Paragraph, which splits it)."""
    lines: list[str] = []
    line = ""
    for word in label.split():
        pieces = [word] if stringWidth(word, font, size) <= width else _pieces(word)
        for index, piece in enumerate(pieces):
            glue = "" if index else " "  # the pieces of one word join without a space
            candidate = f"{line}{glue}{piece}" if line else piece
            if not line or stringWidth(candidate, font, size) <= width:
                line = candidate
            else:
                lines.append(line)
                line = piece
    if line:
        lines.append(line)
    return lines or [""]


def answer_columns(labels: Sequence[str]) -> tuple[float, float]:
    """(answer column width, label font size): the largest size at which every label's
    narrowest pieces fit a column; the columns as wide as is comfortable, the item text keeping
    at least ``MIN_TEXT_W``."""
    _, bold = register_fonts()
    count = max(1, len(labels))
    room = (CONTENT_W - NO_W - MIN_TEXT_W) / count
    least = BOX + 2 * HEAD_PAD
    for size in LABEL_SIZES:
        widest = max((stringWidth(p, bold, size) for label in labels for p in _pieces(label)),
                     default=0.0)
        needed = max(least, widest + 2 * HEAD_PAD + 1)
        if needed <= room:
            return min(room, max(needed, PREFERRED_ANSWER_W)), size
    return room, LABEL_SIZES[-1]  # a label longer than any column: its words split


def _mark(lang: str, styles: _Styles) -> Table:
    mark = Table([[Paragraph(escape(text(lang, "ui.instrument_form.working_translation")),
                             styles.mark)]], colWidths=[CONTENT_W])
    mark.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL),
        ("BOX", (0, 0), (-1, -1), 0.8, NOTE_RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]))
    return mark


def _header(instrument: Instrument, lang: str, centre_name: str, centre_address: str,
            styles: _Styles) -> list[Flowable]:
    """Every page: the centre (emblem, name, address), the participant code box, the
    instrument's name and version, and the working-translation mark where it applies."""
    code = Table([[Paragraph(escape(text(lang, "ui.instrument_form.code")), styles.code_label)],
                  [""]], colWidths=[CODE_BOX_W], rowHeights=[None, CODE_BOX_H])
    code.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("BOX", (0, 1), (0, 1), 1.2, ACCENT),
        ("BACKGROUND", (0, 1), (0, 1), WHITE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (0, 0), 1.5),
    ]))
    centre_lines: list[Flowable] = [Paragraph(user(centre_name), styles.centre)]
    if centre_address.strip():
        centre_lines.append(Paragraph(user(centre_address), styles.address))
    top = Table([[Emblem(EMBLEM), centre_lines, code]],
                colWidths=[EMBLEM + 4 * mm, "*", CODE_BOX_W + 4 * mm])
    top.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 0), (2, 0), "RIGHT"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (1, 0), (1, 0), 3 * mm),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    version = text(lang, "ui.instrument_form.version", version=instrument.version)
    flowables: list[Flowable] = [
        top,
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=0),
        Spacer(1, 3.5 * mm),
        Paragraph(user(instrument.name(lang)), styles.title),
        Spacer(1, 1 * mm),
        Paragraph(f"{user(instrument.code)} · {escape(version)}", styles.version),
    ]
    if is_working_translation(instrument, lang):
        flowables += [Spacer(1, 2.5 * mm), _mark(lang, styles)]
    return flowables


def _fields(lang: str, styles: _Styles) -> Table:
    """The first page's fields to fill in: the date, the assessor and the round."""
    def label(key: str) -> Paragraph:
        return Paragraph(escape(text(lang, key)), styles.label)

    date_cell = [Paragraph(escape(text(lang, "ui.instrument_form.date_blank")), styles.value),
                 Paragraph(escape(text(lang, "ui.instrument_form.date_hint")), styles.hint)]
    round_cells: list[list[object]] = [[], []]
    for index, (_, key) in enumerate(ROUNDS):
        round_cells[index // 3] += [TickBox("", styles.regular, ROUND_BOX),
                                    Paragraph(escape(text(lang, key)), styles.round)]
    round_cells[1] += ["", ""]
    box_w = ROUND_BOX + 2.5 * mm
    label_w = 22 * mm
    round_w = (CONTENT_W - label_w) / 3 - box_w
    rounds = Table(round_cells, colWidths=[box_w, round_w] * 3)
    rounds.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    value_w = CONTENT_W / 2 - label_w
    fields = Table(
        [[label("ui.instrument_form.date"), date_cell,
          label("ui.instrument_form.assessor"), ""],
         [label("ui.instrument_form.round"), rounds, "", ""]],
        colWidths=[label_w, value_w, label_w, value_w])
    fields.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("SPAN", (1, 1), (3, 1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
        ("LINEBELOW", (3, 0), (3, 0), 0.8, INK),  # the assessor writes her name on the line
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    return fields


def _table(instrument: Instrument, lang: str, styles: _Styles) -> Table:
    """One row per item with a tick box per answer; the column headings repeat on every
    page."""
    labels = instrument.labels_id if lang == "id" else instrument.labels_en
    answer_w, size = answer_columns(labels)
    head_style = styles.answer_head(size)
    text_w = CONTENT_W - NO_W - answer_w * len(labels)
    head: list[object] = [
        Paragraph(escape(text(lang, "ui.instrument_form.col_no")), styles.head_centre),
        Paragraph(escape(text(lang, "ui.instrument_form.col_item")), styles.head)]
    for label in labels:
        lines = break_label(" ".join(label.split()), styles.bold, size,
                            answer_w - 2 * HEAD_PAD)
        head.append(Paragraph("<br/>".join(escape(line) for line in lines), head_style))
    rows: list[list[object]] = [head]
    heights: list[float | None] = [None]
    numbers = [str(n) for n in range(instrument.scale_min, instrument.scale_max + 1)]
    for number, item in enumerate(instrument.items, start=1):
        cell = Paragraph(user(item.text_id if lang == "id" else item.text_en), styles.item)
        _, h = cell.wrap(text_w - 2 * PAD, PAGE_H)
        rows.append([Paragraph(f"{number}.", styles.number), cell,
                     *(TickBox(n, styles.regular) for n in numbers)])
        heights.append(max(ROW_H, h + 2 * PAD))
    style = [
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (2, 0), (-1, 0), "BOTTOM"),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        ("LEFTPADDING", (2, 0), (-1, 0), HEAD_PAD),
        ("RIGHTPADDING", (2, 0), (-1, 0), HEAD_PAD),
        ("LEFTPADDING", (0, 0), (0, -1), 2),
    ]
    # light bands help the eye follow an item across to its boxes
    style += [("BACKGROUND", (0, r), (-1, r), BOX_FILL) for r in range(2, len(rows), 2)]
    table = Table(rows, colWidths=[NO_W, text_w, *([answer_w] * len(labels))],
                  rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _entered(lang: str, styles: _Styles) -> Flowable:
    """For the staff: who typed the answers in, and when."""
    line_w = 48 * mm
    entered = Table(
        [[Paragraph(escape(text(lang, "ui.instrument_form.entered_by")), styles.entered), "",
          Paragraph(escape(text(lang, "ui.instrument_form.entered_on")), styles.entered), ""]],
        colWidths=[26 * mm, line_w, 36 * mm, line_w], rowHeights=[8 * mm])
    entered.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, 0), 0.6, MUTED),
        ("LINEBELOW", (3, 0), (3, 0), 0.6, MUTED),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
        ("LEFTPADDING", (2, 0), (2, 0), 6 * mm),  # a gap after the first line
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    entered.hAlign = "RIGHT"
    return KeepTogether([Spacer(1, 6 * mm), entered])


def _story(instrument: Instrument, lang: str, styles: _Styles) -> list[Flowable]:
    instructions = instrument.instructions_id if lang == "id" else instrument.instructions_en
    story: list[Flowable] = [_fields(lang, styles), Spacer(1, 5 * mm)]
    if instructions.strip():
        story += [Paragraph(user(instructions), styles.instructions), Spacer(1, 1.5 * mm)]
    story += [Paragraph(escape(text(lang, "ui.instrument_form.how_to")), styles.how_to),
              Spacer(1, 3 * mm), _table(instrument, lang, styles), _entered(lang, styles)]
    return story


def _height(flowables: list[Flowable], width: float = CONTENT_W) -> float:
    total = 0.0
    for flowable in flowables:
        _, h = flowable.wrap(width, PAGE_H)
        total += flowable.getSpaceBefore() + h + flowable.getSpaceAfter()
    return total


def _draw_top_down(canvas: Canvas, flowables: list[Flowable], top: float) -> None:
    y = top
    for flowable in flowables:
        _, h = flowable.wrapOn(canvas, CONTENT_W, PAGE_H)
        y -= flowable.getSpaceBefore() + h
        flowable.drawOn(canvas, MARGIN_X, y)
        y -= flowable.getSpaceAfter()


def _footer(instrument: Instrument, lang: str, styles: _Styles) -> list[Flowable]:
    """The footer's left column, top down: the credit, then the mark where it applies."""
    footer: list[Flowable] = [Paragraph(user(instrument.credit), styles.credit)]
    if is_working_translation(instrument, lang):
        footer += [Spacer(1, 1), Paragraph(
            escape(text(lang, "ui.instrument_form.working_translation")), styles.footer_mark)]
    return footer


def _page_decoration(header: Callable[[], list[Flowable]],
                     footer: Callable[[], list[Flowable]], footer_h: float, lang: str,
                     styles: _Styles, pages: int | None
                     ) -> Callable[[Canvas, BaseDocTemplate], None]:
    footer_w = CONTENT_W - PAGE_NO_W

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        _draw_top_down(canvas, header(), PAGE_H - HEADER_TOP)
        rule_y = FOOTER_TEXT - 2 + footer_h + FOOTER_GAP
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, rule_y, PAGE_W - MARGIN_X, rule_y)
        y = rule_y - FOOTER_GAP
        for flowable in footer():
            _, h = flowable.wrapOn(canvas, footer_w, PAGE_H)
            y -= h
            flowable.drawOn(canvas, MARGIN_X, y)
        page = canvas.getPageNumber()
        canvas.setFillColor(MUTED)
        canvas.setFont(styles.regular, 8.5)
        canvas.drawRightString(PAGE_W - MARGIN_X, rule_y - FOOTER_GAP - 8.5, text(
            lang, "ui.instrument_form.page", page=page,
            pages=pages if pages is not None else page))
        canvas.restoreState()

    return on_page


def _build(instrument: Instrument, lang: str, centre_name: str, centre_address: str,
           pages: int | None) -> tuple[bytes, int]:
    """The form, and how many pages it has; ``pages`` is that count from a first pass, for
    "Halaman 1 dari 2" (the footer does not change the layout, so the count holds)."""
    regular, bold = register_fonts()
    styles = _Styles(regular, bold)

    def header() -> list[Flowable]:
        return _header(instrument, lang, centre_name, centre_address, styles)

    def footer() -> list[Flowable]:
        return _footer(instrument, lang, styles)

    footer_h = _height(footer(), CONTENT_W - PAGE_NO_W)
    margin_top = HEADER_TOP + _height(header()) + HEADER_GAP
    margin_bottom = FOOTER_TEXT - 2 + footer_h + FOOTER_GAP + BODY_GAP
    buffer = io.BytesIO()
    # The metadata holds the instrument's name only: no centre, no app, nothing about violence.
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=margin_top,
        bottomMargin=margin_bottom, title=" ".join(instrument.name(lang).split()),
        author="", creator="", subject="", keywords="", lang=lang, initialFontName=regular)
    frame = Frame(MARGIN_X, margin_bottom, CONTENT_W, PAGE_H - margin_top - margin_bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="form")
    doc.addPageTemplates([PageTemplate(id="form", frames=[frame], onPage=_page_decoration(
        header, footer, footer_h, lang, styles, pages))])
    doc.build(_story(instrument, lang, styles))
    return buffer.getvalue(), doc.page


def instrument_form_pdf(instrument: Instrument, *, lang: str, centre_name: str,
                        centre_address: str = "") -> bytes:
    """The instrument's blank paper form as PDF bytes, in ``lang`` ("id" or "en")."""
    chosen = language(lang)
    answers = instrument.scale_max - instrument.scale_min + 1
    labels = instrument.labels_id if chosen == "id" else instrument.labels_en
    if answers < 1 or len(labels) != answers:
        raise ValueError(f"{instrument.code}: {len(labels)} labels for {answers} answers")
    if not instrument.items:
        raise ValueError(f"{instrument.code}: no items")
    _, pages = _build(instrument, chosen, centre_name, centre_address, None)
    data, _ = _build(instrument, chosen, centre_name, centre_address, pages)
    return data
