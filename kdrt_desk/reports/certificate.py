"""The printed certificate (sertifikat): one A4 landscape page per certificate, in one PDF.

Drawn straight on a reportlab canvas (no flowables: a batch of 500 must stay quick). The page
shows the border, the centre's logo and the partners' logos, the issuer, the title, the sentence
before her name, her name (shrunk to fit, on two lines at most), the sentence after it, the
course, hours and dates, place and date of issue, up to three signatories, the serial, the
verification code and a QR code of ``print.qr_text`` drawn as one path from reportlab's own QR
encoder. Every word comes from the design, the print or the ``cert.*`` catalogue: nothing on the
page or in the metadata names the centre's work or the woman beyond her printed name.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kdrt_desk.domain.certificates import (
    MAX_PARTNER_LOGOS,
    MAX_SIGNATORIES,
    BorderStyle,
    CertificateDesign,
    CertificatePrint,
    Signatory,
)
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.texts import language, text

PAGE_W, PAGE_H = landscape(A4)
SIDE = 26 * mm  # left and right edge of the content
CONTENT_W = PAGE_W - 2 * SIDE
NAME_W = PAGE_W - 2 * 34 * mm  # her name keeps a little further from the border
INK = colors.HexColor("#1F2A37")
MUTED = colors.HexColor("#5B6675")
WHITE = colors.white
DEFAULT_PRIMARY = "#1F4E79"
DEFAULT_ACCENT = "#C9A227"

# the header: logos and the issuer
LOGO_TOP = PAGE_H - 19 * mm
LOGO_H = 19 * mm
LOGO_MAX_W = 44 * mm
PARTNER_H = 14 * mm
PARTNER_MAX_W = 30 * mm
PARTNER_GAP = 5 * mm
ISSUER_SIZE = 12.5
# the footer: serial and code on the left, the QR on the right, signatories between them
FOOTER_BASE = 25 * mm
QR_SIZE = 23 * mm
SIDE_BLOCK_W = 46 * mm
SIGN_LINE_Y = 39 * mm
SIGN_IMAGE_H = 15 * mm
SIGN_COL_MAX_W = 64 * mm
SIGN_GAP = 6 * mm
# her name
NAME_MAX, NAME_MIN, NAME_TWO_LINES_MAX, NAME_FLOOR = 34.0, 22.0, 26.0, 12.0
QR_QUIET = 4  # modules of white around the code


@dataclass(frozen=True)
class _Line:
    """One centred line of the middle block."""

    text: str
    font: str
    size: float
    colour: colors.Color
    space_before: float = 0.0  # points above this line's cap height
    char_space: float = 0.0
    rule: bool = False  # an ornament under it (the title)


def _colour(value: str, fallback: str) -> colors.Color:
    try:
        return colors.HexColor(value if value.startswith("#") and len(value) == 7 else fallback)
    except (ValueError, TypeError):
        return colors.HexColor(fallback)


def _one_line(value: str) -> str:
    return " ".join(str(value or "").split())


def _width(value: str, font: str, size: float, char_space: float = 0.0) -> float:
    width = stringWidth(value, font, size)
    return width + char_space * max(len(value) - 1, 0)


def _fit_size(value: str, font: str, size: float, width: float, char_space: float = 0.0) -> float:
    """``size``, or smaller so that ``value`` fits ``width`` (never runs off)."""
    actual = _width(value, font, size, char_space)
    if actual <= width or actual <= 0:
        return size
    return size * width / actual * 0.999


def _wrap(value: str, font: str, size: float, width: float) -> list[str]:
    """Words on lines no wider than ``width`` (a single word longer than that gets a line)."""
    lines: list[str] = []
    current = ""
    for word in value.split():
        trial = f"{current} {word}" if current else word
        if not current or stringWidth(trial, font, size) <= width:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def name_layout(name: str, font: str, width: float = NAME_W) -> tuple[float, list[str]]:
    """Her name's font size and lines: one line shrunk from ``NAME_MAX`` down to ``NAME_MIN``;
    then two lines split where they balance best, from ``NAME_TWO_LINES_MAX`` down; then whatever
    size makes the two lines fit. Every line fits ``width``."""
    value = _one_line(name)
    one = _width(value, font, NAME_MAX)
    if one <= width:
        return NAME_MAX, [value]
    size = NAME_MAX * width / one * 0.999
    if size >= NAME_MIN:
        return size, [value]
    words = value.split()
    if len(words) < 2:
        return size, [value]
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        widest = max(_width(line, font, 1.0) for line in lines)
        if best is None or widest < best[0]:
            best = (widest, lines)
    assert best is not None
    widest, lines = best
    two = min(NAME_TWO_LINES_MAX, width / widest * 0.999)
    return (two, lines) if two > size else (size, [value])


def qr_matrix(value: str) -> list[list[bool]]:
    """The QR code's modules (error correction M) from reportlab's own encoder; True is dark."""
    if not value or not all(32 <= ord(ch) < 127 for ch in value):
        raise ValueError("the QR code holds printable ASCII only")
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(value)
    code.make()
    return [[bool(cell) for cell in row] for row in code.modules]


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """The code with its quiet zone in a ``size`` square at (x, y): a white square, then one
    path of filled rectangles (each run of dark modules in a row is one rectangle)."""
    count = len(matrix)
    cell = size / (count + 2 * QR_QUIET)
    canvas.saveState()
    canvas.setFillColor(WHITE)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    # in module units (whole numbers: short path operators), row 0 at the top
    canvas.translate(x + QR_QUIET * cell, y + size - QR_QUIET * cell)
    canvas.scale(cell, -cell)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                path.rect(start, r, c - start, 1)
            else:
                c += 1
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


class _Images:
    """One ImageReader per distinct PNG within a batch, so the logo is decoded once, and one
    form XObject per image: every page draws the form (reportlab's drawImage would hash the
    decoded pixels again on each page to find the image it already holds)."""

    def __init__(self) -> None:
        self._readers: dict[bytes, ImageReader] = {}
        self._forms: dict[bytes, str] = {}

    def get(self, data: bytes) -> ImageReader | None:
        if not data:
            return None
        reader = self._readers.get(data)
        if reader is None:
            reader = ImageReader(io.BytesIO(data))
            self._readers[data] = reader
        return reader

    def draw(self, canvas: Canvas, data: bytes, x: float, y: float, max_w: float, max_h: float,
             anchor: str = "c") -> float:
        """The image inside the box (x, y, max_w, max_h), aspect kept; returns its width."""
        reader = self.get(data)
        if reader is None:
            return 0.0
        iw, ih = reader.getSize()
        if iw <= 0 or ih <= 0:
            return 0.0
        scale = min(max_w / iw, max_h / ih)
        w, h = iw * scale, ih * scale
        dx = {"w": 0.0, "e": max_w - w}.get(anchor[-1], (max_w - w) / 2)
        dy = 0.0 if anchor.startswith("s") else (max_h - h) / 2
        name = self._forms.get(data)
        if name is None:
            name = f"CertImage{len(self._forms)}"
            canvas.beginForm(name, 0, 0, 1, 1)  # the image in a unit square
            canvas.drawImage(reader, 0, 0, 1, 1, mask="auto")
            canvas.endForm()
            self._forms[data] = name
        canvas.saveState()
        canvas.translate(x + dx, y + dy)
        canvas.scale(w, h)
        canvas.doForm(name)
        canvas.restoreState()
        return w


class _Page:
    """Draws one certificate with a design, in the design's language(s)."""

    def __init__(self, canvas: Canvas, design: CertificateDesign, lang: str,
                 images: _Images) -> None:
        self.canvas = canvas
        self.design = design
        self.images = images
        self.regular, self.bold = register_fonts()
        self.primary = _colour(design.primary_colour, DEFAULT_PRIMARY)
        self.accent = _colour(design.accent_colour, DEFAULT_ACCENT)
        # the page's own language(s): the design decides; ``lang`` when it names none
        self.langs = {"id": ["id"], "en": ["en"], "both": ["id", "en"]}.get(
            design.language, [lang])
        self.signatories = tuple(s for s in design.signatories if s.name.strip() or
                                 s.signature_png)[:MAX_SIGNATORIES]

    # --- wording -----------------------------------------------------------------------------
    def label(self, key: str, **params: object) -> str:
        if len(self.langs) == 1:
            return text(self.langs[0], key, **params)
        return text("id", "cert.label_both", id=text("id", key, **params),
                    en=text("en", key, **params))

    def hours(self, lang: str, hours: int) -> str:
        return text(lang, "cert.hours_one" if hours == 1 else "cert.hours", hours=hours)

    def dates(self, lang: str, one: CertificatePrint) -> str:
        first, last = one.first_date, one.last_date
        if first == last:
            return format_date(first, lang)
        return text(lang, "cert.dates", start=format_date(first, lang),
                    end=format_date(last, lang))

    def sentence(self, lang: str, template: str, one: CertificatePrint) -> str:
        filled = template.replace("{module}", one.course).replace(
            "{hours}", self.hours(lang, one.hours)).replace("{dates}", self.dates(lang, one))
        return _one_line(filled)

    def wording(self, lang: str) -> dict[str, str]:
        d = self.design
        if lang == "en":
            return {"title": d.title_en, "before": d.before_name_en, "after": d.after_name_en}
        return {"title": d.title_id, "before": d.before_name_id, "after": d.after_name_id}

    # --- the page ----------------------------------------------------------------------------
    def draw(self, one: CertificatePrint, matrix: list[list[bool]]) -> None:
        c = self.canvas
        self.border()
        header_bottom = self.header()
        middle_bottom = self.footer(one, matrix)
        self.middle(one, header_bottom, middle_bottom)
        c.showPage()

    def border(self) -> None:
        c, style = self.canvas, self.design.border
        c.saveState()
        if style is BorderStyle.LINE:
            self.frame(10 * mm, self.primary, 1.6)
        elif style is BorderStyle.DOUBLE:
            self.frame(8 * mm, self.primary, 2.6)
            self.frame(11 * mm, self.accent, 0.9)
        elif style is BorderStyle.CORNERS:
            self.frame(8 * mm, self.primary, 1.2)
            self.frame(10 * mm, self.accent, 0.6)
            self.corners()
        c.restoreState()

    def frame(self, inset: float, colour: colors.Color, width: float) -> None:
        c = self.canvas
        c.setStrokeColor(colour)
        c.setLineWidth(width)
        c.rect(inset, inset, PAGE_W - 2 * inset, PAGE_H - 2 * inset, stroke=1, fill=0)

    def corners(self) -> None:
        """At each corner an accent bracket and a small diamond in the primary colour."""
        c = self.canvas
        arm, inset = 24 * mm, 12.5 * mm
        for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
            x0 = inset if sx > 0 else PAGE_W - inset
            y0 = inset if sy > 0 else PAGE_H - inset
            c.setStrokeColor(self.accent)
            c.setLineWidth(2.2)
            path = c.beginPath()
            path.moveTo(x0, y0 + sy * arm)
            path.lineTo(x0, y0)
            path.lineTo(x0 + sx * arm, y0)
            c.drawPath(path, stroke=1, fill=0)
            c.setLineWidth(0.6)
            inner = 2.2 * mm
            path = c.beginPath()
            path.moveTo(x0 + sx * inner, y0 + sy * arm * 0.6)
            path.lineTo(x0 + sx * inner, y0 + sy * inner)
            path.lineTo(x0 + sx * arm * 0.6, y0 + sy * inner)
            c.drawPath(path, stroke=1, fill=0)
            d = 1.8 * mm
            cx, cy = x0 + sx * 4.6 * mm, y0 + sy * 4.6 * mm
            diamond = c.beginPath()
            diamond.moveTo(cx, cy + d)
            diamond.lineTo(cx + d, cy)
            diamond.lineTo(cx, cy - d)
            diamond.lineTo(cx - d, cy)
            diamond.close()
            c.setFillColor(self.primary)
            c.drawPath(diamond, stroke=0, fill=1)

    def header(self) -> float:
        """Logos and the issuer; returns the y below which the middle block may start."""
        c, d = self.canvas, self.design
        partners = [p for p in d.partner_logos if p.png][:MAX_PARTNER_LOGOS]
        issuer = _one_line(d.issuer_name)
        width = CONTENT_W
        if partners:
            # the centre's logo on the left, the partners' in a row on the right, the issuer
            # between them
            logo_w = self.images.draw(c, d.logo_png, SIDE, LOGO_TOP - LOGO_H, LOGO_MAX_W, LOGO_H,
                                      "w")
            x = PAGE_W - SIDE
            used = 0.0
            for partner in reversed(partners):
                reader = self.images.get(partner.png)
                if reader is None:
                    continue
                iw, ih = reader.getSize()
                w = min(PARTNER_MAX_W, PARTNER_H * iw / max(ih, 1))
                x -= w
                self.images.draw(c, partner.png, x, LOGO_TOP - LOGO_H + (LOGO_H - PARTNER_H) / 2,
                                 w, PARTNER_H)
                x -= PARTNER_GAP
                used += w + PARTNER_GAP
            side = max(logo_w, used) + 6 * mm
            width = CONTENT_W - 2 * side
            y = LOGO_TOP - LOGO_H - 7 * mm
            if issuer and _fit_size(issuer, self.bold, ISSUER_SIZE, width, 0.6) >= 10:
                y = LOGO_TOP - LOGO_H / 2 - ISSUER_SIZE * 0.36  # between the logos
            else:  # too long for between them: under them, across the page
                width = CONTENT_W
        elif d.logo_png:
            self.images.draw(c, d.logo_png, (PAGE_W - LOGO_MAX_W) / 2, LOGO_TOP - LOGO_H,
                             LOGO_MAX_W, LOGO_H)
            y = LOGO_TOP - LOGO_H - 7 * mm
        else:
            y = LOGO_TOP - 6 * mm
        if issuer:
            size = _fit_size(issuer, self.bold, ISSUER_SIZE, width, 0.6)
            c.setFillColor(self.primary)
            c.setFont(self.bold, size)
            c.drawCentredString(PAGE_W / 2, y, issuer, charSpace=0.6)
            y -= 4 * mm
        return y

    def footer(self, one: CertificatePrint, matrix: list[list[bool]]) -> float:
        """Serial and code, the QR, place and date, signatories; returns the y above which the
        middle block ends."""
        c = self.canvas
        # serial and verification code, bottom left
        x = SIDE
        y = FOOTER_BASE
        rows = ((self.label("cert.code"), one.code), (self.label("cert.serial"), one.serial))
        for label, value in rows:
            c.setFillColor(INK)
            c.setFont(self.bold, _fit_size(value, self.bold, 9.5, SIDE_BLOCK_W))
            c.drawString(x, y, value)
            y += 3.8 * mm
            c.setFillColor(MUTED)
            c.setFont(self.regular, _fit_size(label, self.regular, 7, SIDE_BLOCK_W))
            c.drawString(x, y, label)
            y += 5.2 * mm
        # the QR, bottom right, its caption under it
        qr_x = PAGE_W - SIDE - QR_SIZE
        qr_y = FOOTER_BASE + 1 * mm
        draw_qr(c, matrix, qr_x, qr_y, QR_SIZE)
        caption = [self.label("cert.scan")] if len(self.langs) == 1 else [
            text(lang, "cert.scan") for lang in self.langs]
        c.setFillColor(MUTED)
        cy = qr_y - 2.6 * mm
        for line in caption:
            size = _fit_size(line, self.regular, 6.5, SIDE_BLOCK_W)
            c.setFont(self.regular, size)
            c.drawCentredString(qr_x + QR_SIZE / 2, cy, line)
            cy -= 2.7 * mm
        # place and date of issue, then the signatories
        place = _one_line(self.design.place)
        issued = format_date(one.issued_on, self.langs[0])
        when = text(self.langs[0], "cert.place_date", place=place, date=issued) if place \
            else issued
        c.setFillColor(INK)
        if not self.signatories:
            c.setFont(self.regular, 11)
            c.drawCentredString(PAGE_W / 2, SIGN_LINE_Y, when)
            return SIGN_LINE_Y + 10 * mm
        top = self.signatures()
        c.setFillColor(INK)
        c.setFont(self.regular, 11)
        c.drawCentredString(PAGE_W / 2, top + 3 * mm, when)
        return top + 13 * mm

    def signatures(self) -> float:
        """Each signatory: signature above a line, name in bold, title below; returns the top
        of the signature images."""
        count = len(self.signatories)
        room = PAGE_W - 2 * SIDE - 2 * (SIDE_BLOCK_W + 3 * mm)
        col_w = min(SIGN_COL_MAX_W, (room - (count - 1) * SIGN_GAP) / count)
        total = count * col_w + (count - 1) * SIGN_GAP
        x = (PAGE_W - total) / 2
        for signatory in self.signatories:
            self.signatory(signatory, x, col_w)
            x += col_w + SIGN_GAP
        return SIGN_LINE_Y + 1.5 * mm + SIGN_IMAGE_H

    def signatory(self, signatory: Signatory, x: float, width: float) -> None:
        c = self.canvas
        centre = x + width / 2
        line_w = width * 0.9
        if signatory.signature_png:
            self.images.draw(c, signatory.signature_png, centre - line_w / 2,
                             SIGN_LINE_Y + 1.5 * mm, line_w, SIGN_IMAGE_H, "s")
        c.setStrokeColor(INK)
        c.setLineWidth(0.7)
        c.line(centre - line_w / 2, SIGN_LINE_Y, centre + line_w / 2, SIGN_LINE_Y)
        name = _one_line(signatory.name)
        c.setFillColor(INK)
        c.setFont(self.bold, _fit_size(name, self.bold, 10, width))
        c.drawCentredString(centre, SIGN_LINE_Y - 4.6 * mm, name)
        title = _one_line(signatory.title)
        size = 8.5
        lines = _wrap(title, self.regular, size, width)
        if len(lines) > 2:  # a long title: smaller, three lines at most
            size = 7.5
            lines = _wrap(title, self.regular, size, width)
            if len(lines) > 3:
                lines = [*lines[:2], " ".join(lines[2:])]
        c.setFillColor(MUTED)
        y = SIGN_LINE_Y - 8.6 * mm
        for line in lines:
            c.setFont(self.regular, _fit_size(line, self.regular, size, width))
            c.drawCentredString(centre, y, line)
            y -= size * 1.2

    def middle_lines(self, one: CertificatePrint, scale: float) -> list[_Line]:
        langs, primary, second = self.langs, self.langs[0], self.langs[1:]
        words = {lang: self.wording(lang) for lang in langs}
        out: list[_Line] = []

        def add(value: str, font: str, size: float, colour: colors.Color, before: float,
                width: float = CONTENT_W, char_space: float = 0.0, rule: bool = False,
                max_lines: int = 2) -> None:
            value = _one_line(value)
            if not value:
                return
            size *= scale
            lines = _wrap(value, font, size, width) if max_lines > 1 else [value]
            if len(lines) > max_lines:
                lines = [*lines[:max_lines - 1], " ".join(lines[max_lines - 1:])]
            for n, line in enumerate(lines):
                fitted = _fit_size(line, font, size, width, char_space)
                out.append(_Line(line, font, fitted, colour, before * scale if n == 0 else
                                 size * 0.25, char_space, rule and n == len(lines) - 1))

        title = words[primary]["title"]
        add(title, self.bold, 36, self.primary, 0, char_space=3.0, rule=not second,
            max_lines=1)
        for lang in second:
            add(words[lang]["title"], self.regular, 15, self.primary, 6, char_space=1.5,
                rule=True, max_lines=1)
        add(self.sentence(primary, words[primary]["before"], one), self.regular, 13, INK, 30)
        for lang in second:
            add(self.sentence(lang, words[lang]["before"], one), self.regular, 10, MUTED, 4)
        size, names = name_layout(one.name, self.bold, NAME_W)
        for n, line in enumerate(names):
            out.append(_Line(line, self.bold, size * scale, self.primary,
                             22 * scale if n == 0 else size * scale * 0.3))
        add(self.sentence(primary, words[primary]["after"], one), self.regular, 12.5, INK, 26)
        for lang in second:
            add(self.sentence(lang, words[lang]["after"], one), self.regular, 10, MUTED, 4)
        templates = " ".join(words[lang]["after"] + words[lang]["before"] for lang in langs)
        if "{module}" not in templates:
            add(one.course, self.bold, 18, INK, 18)
        if "{hours}" not in templates and "{dates}" not in templates:
            for n, lang in enumerate(langs):
                phrase = text(lang, "cert.hours_dates", hours=self.hours(lang, one.hours),
                              dates=self.dates(lang, one))
                add(phrase, self.regular, 11 if n == 0 else 9.5, INK if n == 0 else MUTED,
                    14 if n == 0 else 4)
        return out

    def middle(self, one: CertificatePrint, top: float, bottom: float) -> None:
        """The middle block centred between the header and the footer, shrunk when it would
        not fit."""
        c = self.canvas
        scale = 1.0
        while True:
            lines = self.middle_lines(one, scale)
            height = sum(line.space_before + line.size * 0.75 for line in lines)
            height += lines[-1].size * 0.25 if lines else 0
            if height <= top - bottom or scale <= 0.55:
                break
            scale -= 0.05
        # room to spare opens the gaps a little (at most by half), the rest goes above and below
        slack = max(top - bottom - height, 0.0)
        gaps = sum(line.space_before for line in lines[1:])
        stretch = min(slack * 0.5, gaps * 0.5)
        factor = 1 + stretch / gaps if gaps else 1.0
        y = top - (slack - stretch) / 2
        for n, line in enumerate(lines):
            # down to the baseline (cap height)
            y -= line.space_before * (factor if n else 1.0) + line.size * 0.75
            c.setFillColor(line.colour)
            c.setFont(line.font, line.size)
            c.drawCentredString(PAGE_W / 2, y, line.text, charSpace=line.char_space)
            if line.rule:
                self.ornament(y - 4.5 * mm)
                y -= 4 * mm

    def ornament(self, y: float) -> None:
        """A short accent rule with a diamond in the middle, under the title."""
        c = self.canvas
        half, d = 32 * mm, 1.5 * mm
        c.setStrokeColor(self.accent)
        c.setLineWidth(0.9)
        c.line(PAGE_W / 2 - half, y, PAGE_W / 2 - d * 2, y)
        c.line(PAGE_W / 2 + d * 2, y, PAGE_W / 2 + half, y)
        diamond = c.beginPath()
        diamond.moveTo(PAGE_W / 2, y + d)
        diamond.lineTo(PAGE_W / 2 + d, y)
        diamond.lineTo(PAGE_W / 2, y - d)
        diamond.lineTo(PAGE_W / 2 - d, y)
        diamond.close()
        c.setFillColor(self.accent)
        c.drawPath(diamond, stroke=0, fill=1)


def certificates_pdf(prints: Sequence[CertificatePrint], design: CertificateDesign, *,
                     lang: str = "id", report: Callable[[int, int], bool] | None = None
                     ) -> bytes:
    """Every certificate on its own A4 landscape page, in one PDF.

    The page's words follow ``design.language`` ("id", "en" or "both"); ``lang`` names the PDF's
    title and language, and the page's words only when the design names no language.
    ``report(done, total)`` is called after each page; when it returns False the batch stops
    with ``UserError("error.cancelled")`` and nothing is returned. The metadata holds a generic
    title and the issuer, never a name.
    """
    chosen = language(lang)
    if not prints:
        raise ValueError("no certificate to print")
    matrices = {}
    for one in prints:  # a QR that cannot be made stops the batch before any page is drawn
        if one.qr_text not in matrices:
            matrices[one.qr_text] = qr_matrix(one.qr_text)
    regular, _ = register_fonts()
    buffer = io.BytesIO()
    issuer = _one_line(design.issuer_name)
    canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1, lang=chosen,
                    initialFontName=regular)
    canvas.setTitle(text(chosen, "cert.doc_title"))
    canvas.setAuthor(issuer)
    canvas.setCreator(issuer)
    canvas.setProducer(issuer)
    canvas.setSubject("")
    canvas.setKeywords("")
    page = _Page(canvas, design, chosen, _Images())
    total = len(prints)
    for done, one in enumerate(prints, start=1):
        page.draw(one, matrices[one.qr_text])
        if report is not None and not report(done, total):
            raise UserError("error.cancelled")
    canvas.save()
    return buffer.getvalue()


def certificate_pdf(one: CertificatePrint, design: CertificateDesign, *, lang: str = "id"
                    ) -> bytes:
    """One certificate as a one-page PDF (the preview, or one file per participant)."""
    return certificates_pdf([one], design, lang=lang)
