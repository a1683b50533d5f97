"""The one-page consent form PDF, pre-filled for a participant to read, tick and sign."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TypedDict, cast
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kdrt_desk.domain.enums import ConsentScope
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
class ConsentForm:
    centre_name: str
    centre_address: str
    participant_name: str
    participant_code: str
    scopes: frozenset[ConsentScope]  # pre-ticked: what her record holds now
    consent_date: datetime.date | None
    printed_on: datetime.date


class _Texts(TypedDict):
    title: str
    subtitle: str
    name: str
    code: str
    consent_date: str
    intro: str
    choices_heading: str
    choices_note: str
    scopes: dict[ConsentScope, tuple[str, str]]
    withdraw_heading: str
    withdraw: str
    declaration: str
    place_date: str
    participant: str
    staff: str
    signature: str
    sign_name: str
    sign_date: str
    printed: str
    footer: str


def texts_for(lang: str) -> _Texts:
    """The form's texts in ``lang``, from the catalogue (``report.consent.*``; Paragraph markup
    such as <b> is allowed there, user data is always escaped)."""

    def text(key: str) -> str:
        pair = MESSAGES[f"report.consent.{key}"]
        return pair[0] if lang == "id" else pair[1]

    found = {key: text(key) for key in _Texts.__annotations__ if key != "scopes"}
    scopes = {scope: (text(f"scope.{scope.value}"), text(f"scope.{scope.value}.text"))
              for scope in ConsentScope}
    return cast(_Texts, {**found, "scopes": scopes})


MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm


class _TickBox(Flowable):
    """A square box, with a drawn tick when ``ticked`` (no glyph: every font and printer)."""

    def __init__(self, ticked: bool, size: float = 5.5 * mm) -> None:
        super().__init__()
        self.ticked = ticked
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        c.setStrokeColor(INK)
        c.setLineWidth(1.1)
        c.setFillColor(colors.white)
        c.rect(0, 0, s, s, stroke=1, fill=1)
        if self.ticked:
            c.setStrokeColor(ACCENT)
            c.setLineWidth(1.8)
            c.setLineCap(1)
            c.setLineJoin(1)
            path = c.beginPath()
            path.moveTo(s * 0.2, s * 0.52)
            path.lineTo(s * 0.42, s * 0.26)
            path.lineTo(s * 0.82, s * 0.8)
            c.drawPath(path, stroke=1, fill=0)


def _story(form: ConsentForm, lang: str, regular: str, bold: str) -> list[Flowable]:
    texts = texts_for(lang)
    body = ParagraphStyle("body", fontName=regular, fontSize=9.6, leading=13.2, textColor=INK)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11.5, textColor=MUTED)
    centre = ParagraphStyle("centre", parent=body, fontName=bold, fontSize=11.5, leading=14.5,
                            textColor=ACCENT)
    title = ParagraphStyle("title", parent=body, fontName=bold, fontSize=18, leading=22,
                           textColor=ACCENT)
    subtitle = ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13.5,
                              textColor=MUTED)
    heading = ParagraphStyle("heading", parent=body, fontName=bold, fontSize=11, leading=14.5,
                             textColor=ACCENT, spaceAfter=3)
    label = ParagraphStyle("label", parent=body, textColor=MUTED)
    value = ParagraphStyle("value", parent=body, fontName=bold)

    def p(text: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(text, style)

    def user(text: str) -> str:
        return escape(" ".join(text.split())) or "—"

    header = [p(user(form.centre_name), centre)]
    if form.centre_address.strip():
        header.append(p(user(form.centre_address), small))

    details = Table(
        [[p(texts["name"], label), p(user(form.participant_name), value)],
         [p(texts["code"], label), p(user(form.participant_code), value)],
         [p(texts["consent_date"], label),
          p(escape(format_date(form.consent_date, lang)) or "—", body)]],
        colWidths=[46 * mm, "*"])
    details.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
    ]))

    choice_rows = [[_TickBox(scope in form.scopes),
                    p(f"<b>{name}</b><br/>{meaning}", body)]
                   for scope, (name, meaning) in texts["scopes"].items()]
    choices = Table(choice_rows, colWidths=[11 * mm, "*"])
    choices.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 1),
        ("LEFTPADDING", (1, 0), (1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
    ]))

    withdraw = Table([[p(texts["withdraw_heading"], heading)], [p(texts["withdraw"], body)]],
                     colWidths=["*"])
    withdraw.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL),
        ("LINEBEFORE", (0, 0), (0, -1), 3, NOTE_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("TOPPADDING", (0, 1), (-1, 1), 0),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
    ]))

    place_w = stringWidth(texts["place_date"], regular, body.fontSize) + 8
    place = Table([[p(texts["place_date"], body), ""]], colWidths=[place_w, 60 * mm],
                  rowHeights=[20], hAlign="LEFT")
    place.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, 0), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
    ]))

    def signer(role: str, name: str) -> list[list[object]]:
        return [[p(f"<b>{role}</b>", body)], [p(texts["signature"], small)], [""],
                [p(f"{texts['sign_name']}: {name}", body)], [p(f"{texts['sign_date']}:", body)]]

    left = signer(texts["participant"], user(form.participant_name))
    right = signer(texts["staff"], "")
    sign = Table([[a[0], "", b[0]] for a, b in zip(left, right, strict=True)],
                 colWidths=["*", 14 * mm, "*"], rowHeights=[None, None, 22 * mm, None, None])
    sign.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 3), (-1, 4), 6),
        ("LINEBELOW", (0, 2), (0, 2), 0.8, INK),
        ("LINEBELOW", (2, 2), (2, 2), 0.8, INK),
        ("LINEBELOW", (0, 3), (0, 4), 0.5, RULE),
        ("LINEBELOW", (2, 3), (2, 4), 0.5, RULE),
    ]))

    rule = HRFlowable(width="100%", thickness=0.8, color=RULE, spaceBefore=0, spaceAfter=0)
    return [
        *header,
        Spacer(1, 3 * mm),
        rule,
        Spacer(1, 4 * mm),
        p(texts["title"], title),
        p(texts["subtitle"], subtitle),
        Spacer(1, 4 * mm),
        details,
        Spacer(1, 4 * mm),
        p(texts["intro"], body),
        Spacer(1, 4 * mm),
        p(texts["choices_heading"], heading),
        p(texts["choices_note"], small),
        Spacer(1, 1 * mm),
        choices,
        Spacer(1, 4 * mm),
        withdraw,
        Spacer(1, 4 * mm),
        p(texts["declaration"], body),
        Spacer(1, 3 * mm),
        place,
        Spacer(1, 4 * mm),
        sign,
    ]


def render_consent_form(form: ConsentForm, lang: str = "id") -> bytes:
    """The form as PDF bytes: one A4 page, fonts embedded, no personal data in the metadata."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang}")
    regular, bold = register_fonts()
    texts = texts_for(lang)
    footer = (f"{texts['footer']}  ·  {form.participant_code}  ·  "
              f"{texts['printed']} {format_date(form.printed_on, lang)}")
    # shrinking keeps a long centre name or address on the single page
    return render_one_page(
        lambda: _story(form, lang, regular, bold), lang=lang, title=texts["title"],
        regular=regular, footer=footer, footer_font=regular, footer_size=8,
        footer_colour=MUTED, margin_top=MARGIN_TOP, margin_bottom=MARGIN_BOTTOM,
        footer_drop=11 * mm)

