"""What the one-page PDFs share: the palette, the margins, shrink-to-fit and the page builder."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

INK = colors.HexColor("#1F2A37")
ACCENT = colors.HexColor("#1F4E79")
MUTED = colors.HexColor("#5B6675")
RULE = colors.HexColor("#B8C2CE")
BOX_FILL = colors.HexColor("#F2F5F9")
NOTE_FILL = colors.HexColor("#FBF6EC")
NOTE_RULE = colors.HexColor("#D9B66A")
MARGIN_X = 20 * mm


class ShrinkToFit(Flowable):
    """A story drawn evenly shrunk until it fits the frame, so the sheet is always one page.

    The story is rebuilt for each trial width, so tables and paragraphs reflow together (reportlab's
    KeepInFrame re-wraps cached tables at the old width and leaves them narrower than the text).
    """

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make
        self.scale = 1.0
        self.laid_out: list[tuple[Flowable, float, float]] = []
        self.width = 0.0
        self.height = 0.0

    def _layout(self, width: float) -> float:
        self.laid_out = []
        total = 0.0
        for flowable in self.make():
            w, h = flowable.wrapOn(self.canv, width, 1e6)
            self.laid_out.append((flowable, w, h))
            total += flowable.getSpaceBefore() + h + flowable.getSpaceAfter()
        return total

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        def fits(scale: float) -> bool:
            return self._layout(availWidth * scale) / scale <= availHeight

        scale = 1.0
        if not fits(scale):
            # Wider text wraps into fewer lines, so the scaled height only falls as scale grows:
            # find a scale that fits, then bisect towards the smallest one.
            low, high = 1.0, 1.25
            while not fits(high) and high < 64:
                low, high = high, high * 1.25
            for _ in range(10):
                middle = (low + high) / 2
                low, high = (low, middle) if fits(middle) else (middle, high)
            scale = high
        total = self._layout(availWidth * scale)
        self.scale = scale
        self.width, self.height = availWidth, min(total / scale, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.scale(1 / self.scale, 1 / self.scale)
        full_width = self.width * self.scale
        y = self.height * self.scale
        for flowable, w, h in self.laid_out:
            y -= flowable.getSpaceBefore() + h
            align = str(getattr(flowable, "hAlign", "LEFT")).upper()
            x = {"CENTER": (full_width - w) / 2, "CENTRE": (full_width - w) / 2,
                 "RIGHT": full_width - w}.get(align, 0.0)
            flowable.drawOn(c, x, y)
            y -= flowable.getSpaceAfter()
        c.restoreState()


def render_one_page(make_story: Callable[[], list[Flowable]], *, lang: str, title: str,
                    regular: str, footer: str, footer_font: str, footer_size: float,
                    footer_colour: colors.Color, margin_top: float, margin_bottom: float,
                    footer_drop: float) -> bytes:
    """An A4 page with a ruled footer; the story shrinks evenly to fit the one page.

    The metadata holds only the generic title: no personal data, and not the app's name (a
    form she takes home must not say what the centre does).
    """
    buffer = io.BytesIO()
    page_w, page_h = A4
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=margin_top,
        bottomMargin=margin_bottom, title=title, author="", creator="",
        subject="", keywords="", lang=lang,
        initialFontName=regular,  # otherwise every page references Helvetica
    )

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        y = margin_bottom - footer_drop
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, y + footer_drop * 0.4, page_w - MARGIN_X, y + footer_drop * 0.4)
        canvas.setFillColor(footer_colour)
        canvas.setFont(footer_font, footer_size)
        canvas.drawCentredString(page_w / 2, y, footer)
        canvas.restoreState()

    frame = Frame(MARGIN_X, margin_bottom, page_w - 2 * MARGIN_X,
                  page_h - margin_top - margin_bottom, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="page")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build([ShrinkToFit(make_story)])
    return buffer.getvalue()
