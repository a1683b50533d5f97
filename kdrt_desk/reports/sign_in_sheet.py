"""The printed sign-in sheet (daftar hadir) of one training session: A4 portrait, the centre's
header and the session's details on every page, one numbered row per member to sign, and the
facilitator's signature at the end."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kdrt_desk import i18n
from kdrt_desk.domain.training import SignInSheet
from kdrt_desk.i18n import format_date, format_time
from kdrt_desk.reports.emblem import Emblem
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.one_page import ACCENT, BOX_FILL, INK, MARGIN_X, MUTED, RULE
from kdrt_desk.reports.texts import text, user

PAGE_W, PAGE_H = A4
CONTENT_W = PAGE_W - 2 * MARGIN_X
HEADER_TOP = 12 * mm  # from the top edge of the page to the header
HEADER_GAP = 5 * mm  # between the header and the table
MARGIN_BOTTOM = 20 * mm
FOOTER_RULE = 14 * mm
FOOTER_TEXT = 9.5 * mm
ROW_H = 10 * mm  # tall enough to sign
PAD = 4  # cell padding
# No, name, signature, remarks: the signature column gets the room a signature needs
COLUMNS = (12 * mm, 68 * mm, 58 * mm, CONTENT_W - 138 * mm)
EMBLEM = 15 * mm
WHITE = colors.white
CLOSING_GAP = 7 * mm  # between the last row and the head count / signature
KEEP_WITH_CLOSING = 2  # the last rows that always share a page with the signature


class _Styles:
    def __init__(self, regular: str, bold: str) -> None:
        self.body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12,
                                   textColor=INK)
        self.centre = ParagraphStyle("centre", parent=self.body, fontName=bold, fontSize=12.5,
                                     leading=15, textColor=ACCENT)
        self.address = ParagraphStyle("address", parent=self.body, fontSize=8.5, leading=11,
                                      textColor=MUTED)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=15,
                                    leading=19, alignment=TA_CENTER, textColor=ACCENT)
        self.label = ParagraphStyle("label", parent=self.body, textColor=MUTED)
        self.value = ParagraphStyle("value", parent=self.body, fontName=bold)
        self.head = ParagraphStyle("head", parent=self.body, fontName=bold, fontSize=9.5,
                                   textColor=WHITE)
        self.head_centre = ParagraphStyle("head_centre", parent=self.head, alignment=TA_CENTER)
        self.name = ParagraphStyle("name", parent=self.body, fontSize=10, leading=12.5)
        self.number = ParagraphStyle("number", parent=self.name, alignment=TA_RIGHT,
                                     textColor=MUTED)
        self.sign = ParagraphStyle("sign", parent=self.body, fontSize=10, leading=13)
        self.sign_name = ParagraphStyle("sign_name", parent=self.sign, fontName=bold)
        self.footer_font = regular


def _header(sheet: SignInSheet, lang: str, styles: _Styles, regular: str) -> list[Flowable]:
    """The centre (emblem, name, address), the title and the session's details."""
    centre = Table(
        [[Emblem(EMBLEM), [Paragraph(user(sheet.centre_name), styles.centre),
                           Paragraph(user(sheet.centre_address), styles.address)]]],
        colWidths=[EMBLEM + 4 * mm, "*"])
    centre.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))

    def label(key: str) -> Paragraph:
        return Paragraph(escape(text(lang, key)), styles.label)

    def value(text: str) -> Paragraph:
        return Paragraph(text, styles.value)

    hours = text(lang, "ui.signin.time_range", start=format_time(sheet.start_time, lang),
                  end=format_time(sheet.end_time, lang))
    label_w = 23 * mm
    value_w = CONTENT_W / 2 - label_w
    details = Table(
        [[label("ui.signin.module"), value(user(sheet.module)),
          label("ui.signin.date"), value(escape(format_date(sheet.session_date, lang)))],
         [label("ui.signin.group"), value(user(sheet.group)),
          label("ui.signin.time"), value(escape(hours))],
         [label("ui.signin.venue"), value(user(sheet.venue)),
          label("ui.signin.facilitator"), value(user(sheet.facilitator))],
         [label("ui.signin.topic"), value(user(sheet.topic)), "", ""]],
        colWidths=[label_w, value_w, label_w, value_w])
    details.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("SPAN", (1, 3), (3, 3)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    return [
        centre,
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=0),
        Spacer(1, 4 * mm),
        Paragraph(escape(text(lang, "ui.signin.title")), styles.title),
        Spacer(1, 3.5 * mm),
        details,
    ]


def _height(flowables: list[Flowable]) -> float:
    total = 0.0
    for flowable in flowables:
        _, h = flowable.wrap(CONTENT_W, PAGE_H)
        total += flowable.getSpaceBefore() + h + flowable.getSpaceAfter()
    return total


def _draw_top_down(canvas: Canvas, flowables: list[Flowable], top: float) -> None:
    y = top
    for flowable in flowables:
        _, h = flowable.wrapOn(canvas, CONTENT_W, PAGE_H)
        y -= flowable.getSpaceBefore() + h
        flowable.drawOn(canvas, MARGIN_X, y)
        y -= flowable.getSpaceAfter()


def _table(sheet: SignInSheet, lang: str, styles: _Styles, regular: str,
           closing: Flowable | None = None) -> Table:
    """Numbered rows to sign; the column headings repeat on every page.

    ``closing`` (the head count and signature) is the table's last row, kept on one page with
    the last ``KEEP_WITH_CLOSING`` rows: when the rows fill the last page, the signature moves
    to the next page with them (under the repeated headings), never alone.
    """
    head = [Paragraph(escape(text(lang, "ui.signin.col_no")), styles.head_centre),
            Paragraph(escape(text(lang, "ui.signin.col_name")), styles.head),
            Paragraph(escape(text(lang, "ui.signin.col_signature")), styles.head_centre),
            Paragraph(escape(text(lang, "ui.signin.col_note")), styles.head_centre)]
    rows: list[list[object]] = [head]
    heights: list[float | None] = [None]
    for number, name in enumerate(sheet.names, start=1):
        cell = Paragraph(user(name), styles.name)
        _, h = cell.wrap(COLUMNS[1] - 2 * PAD, PAGE_H)
        rows.append([Paragraph(f"{number}.", styles.number), cell, "", ""])
        heights.append(max(ROW_H, h + 2 * PAD))  # a very long name wraps; its row grows
    style = [
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
    ]
    if not sheet.names:
        rows.append(["", Paragraph(escape(text(lang, "ui.signin.nobody")), styles.label), "",
                     ""])
        heights.append(ROW_H)
        style.append(("SPAN", (1, 1), (3, 1)))
    # light bands help the eye follow a row across to its signature box
    style += [("BACKGROUND", (0, r), (-1, r), BOX_FILL) for r in range(2, len(rows), 2)]
    if closing is not None:
        last = len(rows)  # the closing row: no grid, no band, the whole width
        rows.append([closing, "", "", ""])
        heights.append(None)
        style[style.index(("GRID", (0, 0), (-1, -1), 0.6, RULE))] = (
            "GRID", (0, 0), (-1, last - 1), 0.6, RULE)
        style += [("SPAN", (0, last), (-1, last)),
                  ("LEFTPADDING", (0, last), (-1, last), 0),
                  ("RIGHTPADDING", (0, last), (-1, last), 0),
                  ("TOPPADDING", (0, last), (-1, last), CLOSING_GAP),
                  ("BOTTOMPADDING", (0, last), (-1, last), 0),
                  ("VALIGN", (0, last), (-1, last), "TOP"),
                  ("NOSPLIT", (0, max(1, last - KEEP_WITH_CLOSING)), (-1, last))]
    table = Table(rows, colWidths=list(COLUMNS), rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def _closing(sheet: SignInSheet, lang: str, styles: _Styles, regular: str) -> Table:
    """The head count to fill in, and the facilitator's signature: "Fasilitator," and her name."""
    sign_w = 70 * mm
    signature = Table(
        [[Paragraph(escape(text(lang, "ui.signin.facilitator_sign")), styles.sign)],
         [""],
         [Paragraph(user(sheet.facilitator), styles.sign_name)]],
        colWidths=[sign_w], rowHeights=[None, 20 * mm, None])
    signature.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 1), (0, 1), 0.8, INK),
        ("TOPPADDING", (0, 2), (0, 2), 3),
    ]))
    total = Paragraph(escape(text(lang, "ui.signin.total", count=len(sheet.names))),
                      styles.sign)
    closing = Table([[total, signature]], colWidths=["*", sign_w])
    closing.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return closing


def _build(sheets: Sequence[SignInSheet], lang: str,
           pages: Sequence[int] | None) -> tuple[bytes, list[int]]:
    """Every sheet on its own pages (its own header and page count), in one document.

    ``pages`` holds each sheet's page count (from a first pass) for "Halaman 1 dari 2"; the
    footer does not change the layout, so the counts hold in the second pass.
    """
    regular, bold = register_fonts()
    styles = _Styles(regular, bold)
    buffer = io.BytesIO()
    # The metadata holds only a generic title and the app's name, never a name or a group.
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=HEADER_TOP,
        bottomMargin=MARGIN_BOTTOM, title=text(lang, "ui.signin.doc_title"),
        author="", creator="", subject="", keywords="", lang=lang,
        initialFontName=regular)
    templates: list[PageTemplate] = []
    story: list[Flowable] = []
    first_pages: list[int] = []  # where each sheet starts, counted while building

    for index, sheet in enumerate(sheets):
        def header(sheet: SignInSheet = sheet) -> list[Flowable]:
            return _header(sheet, lang, styles, regular)

        margin_top = HEADER_TOP + _height(header()) + HEADER_GAP
        total = pages[index] if pages is not None else None
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - margin_top - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                      id=f"rows{index}")
        templates.append(PageTemplate(
            id=f"sheet{index}", frames=[frame],
            onPage=_page_decoration(header, lang, styles.footer_font, total, first_pages,
                                    index)))
        if index:
            story += [NextPageTemplate(f"sheet{index}"), PageBreak()]
        story += [_Mark(first_pages),
                  _table(sheet, lang, styles, regular, _closing(sheet, lang, styles, regular))]
    doc.addPageTemplates(templates)
    doc.build(story)
    counts = [b - a for a, b in zip(first_pages, [*first_pages[1:], doc.page + 1], strict=True)]
    return buffer.getvalue(), counts


class _Mark(Flowable):
    """Notes the page a sheet starts on (drawn first on that page, takes no room)."""

    def __init__(self, first_pages: list[int]) -> None:
        super().__init__()
        self.first_pages = first_pages

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        self.first_pages.append(self.canv.getPageNumber())


def _page_decoration(header: Callable[[], list[Flowable]], lang: str, font: str,
                     pages: int | None, first_pages: list[int], index: int
                     ) -> Callable[[Canvas, BaseDocTemplate], None]:
    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        _draw_top_down(canvas, header(), PAGE_H - HEADER_TOP)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, FOOTER_RULE, PAGE_W - MARGIN_X, FOOTER_RULE)
        canvas.setFillColor(MUTED)
        canvas.setFont(font, 8.5)
        start = first_pages[index] if len(first_pages) > index else canvas.getPageNumber()
        page = canvas.getPageNumber() - start + 1
        canvas.drawRightString(PAGE_W - MARGIN_X, FOOTER_TEXT, text(
            lang, "ui.signin.page", page=page, pages=pages if pages is not None else page))
        canvas.restoreState()

    return on_page


def build_sign_in_sheets(sheets: Sequence[SignInSheet], lang: str | None = None) -> bytes:
    """Several sessions' sheets in one PDF, each starting on a new page with its own header
    and page numbers, in ``lang`` (default: the UI language)."""
    chosen = lang or i18n.language()
    if chosen not in i18n.LANGUAGES:
        raise ValueError(f"unsupported language: {chosen}")
    if not sheets:
        raise ValueError("no sign-in sheet to build")
    _, pages = _build(sheets, chosen, None)
    data, _ = _build(sheets, chosen, pages)
    return data


def build_sign_in_sheet(sheet: SignInSheet, lang: str | None = None) -> bytes:
    """The sheet as PDF bytes, in ``lang`` (default: the UI language)."""
    return build_sign_in_sheets([sheet], lang)

