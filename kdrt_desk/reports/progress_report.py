"""Her progress report (laporan perkembangan): A4 portrait, warm rather than clinical. Her name
as she wants it printed, her modules and attendance, the skills she passed (the rubric's levels
in words), a small chart per questionnaire of her scores over time (only when asked for), her
latest work status (income only when asked for), and a closing paragraph of encouragement
chosen from what went well.

Data in, bytes out: ``ProgressReportData`` (``domain/progress_report.py``) holds only what may
be printed; nothing here reads the vault. The paper names neither the app nor the centre's case
work, and the PDF's metadata holds only the generic title.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
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
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kdrt_desk.domain.livelihood import LivelihoodStatus
from kdrt_desk.domain.progress_report import Improvement, ProgressReportData, ScoreSeries
from kdrt_desk.i18n import format_date, format_rupiah
from kdrt_desk.reports.emblem import Emblem
from kdrt_desk.reports.fonts import register_fonts
from kdrt_desk.reports.one_page import INK, MARGIN_X, MUTED
from kdrt_desk.reports.texts import language, text, user

PAGE_W, PAGE_H = A4
CONTENT_W = PAGE_W - 2 * MARGIN_X
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 20 * mm
FOOTER_RULE = 14 * mm
FOOTER_TEXT = 9.5 * mm
EMBLEM = 14 * mm
WARM = colors.HexColor("#A4553A")  # terracotta: headings and the chart's line
SOFT = colors.HexColor("#FBF3EA")  # the boxes' fill
SOFT_RULE = colors.HexColor("#E3C9B0")
DONE = colors.HexColor("#3E7C4F")  # a module completed
GRID = colors.HexColor("#EADBCB")
CHART_W = (CONTENT_W - 6 * mm) / 2
CHART_H = 45 * mm
CLOSING_ORDER = (Improvement.ATTENDANCE, Improvement.SKILLS, Improvement.WELLBEING)


class _Styles:
    def __init__(self, regular: str, bold: str) -> None:
        self.regular, self.bold = regular, bold
        self.body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13.5,
                                   textColor=INK)
        self.centre = ParagraphStyle("centre", parent=self.body, fontName=bold, fontSize=12,
                                     leading=15, textColor=WARM)
        self.address = ParagraphStyle("address", parent=self.body, fontSize=8.5, leading=11,
                                      textColor=MUTED)
        self.tag = ParagraphStyle("tag", parent=self.body, fontSize=8.5, leading=11,
                                  alignment=TA_RIGHT, textColor=WARM)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=17,
                                    leading=22, alignment=TA_CENTER, textColor=WARM)
        self.section = ParagraphStyle("section", parent=self.body, fontName=bold,
                                      fontSize=11.5, leading=15, textColor=WARM,
                                      spaceBefore=4 * mm, spaceAfter=1.5 * mm)
        self.label = ParagraphStyle("label", parent=self.body, textColor=MUTED)
        self.value = ParagraphStyle("value", parent=self.body, fontName=bold)
        self.muted = ParagraphStyle("muted", parent=self.body, textColor=MUTED)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8.5, leading=11,
                                    textColor=MUTED)
        self.head = ParagraphStyle("head", parent=self.body, fontName=bold, fontSize=9.5,
                                   textColor=WARM)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=9.5, leading=12.5)
        self.done = ParagraphStyle("done", parent=self.cell, fontName=bold, textColor=DONE)
        self.skill = ParagraphStyle("skill", parent=self.body, leftIndent=5 * mm,
                                    bulletIndent=0, spaceAfter=1.5 * mm)
        self.level = ParagraphStyle("level", parent=self.small, leftIndent=5 * mm)
        self.closing = ParagraphStyle("closing", parent=self.body, fontSize=11, leading=16)


def _number(value: float, lang: str) -> str:
    if value == int(value):
        return str(int(value))
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if lang == "id" else shown


def _short_date(day: date, lang: str) -> str:
    from babel.dates import format_date as babel_date

    return babel_date(day, "d MMM yy", locale=lang)


def _header(data: ProgressReportData, lang: str, centre_name: str, centre_address: str,
            styles: _Styles) -> list[Flowable]:
    lines: list[Flowable] = []
    if centre_name.strip():
        lines.append(Paragraph(user(centre_name), styles.centre))
    if centre_address.strip():
        lines.append(Paragraph(user(centre_address), styles.address))
    version = "report.progress.for_her" if data.for_her else "report.progress.for_file"
    top = Table([[Emblem(EMBLEM), lines, Paragraph(escape(text(lang, version)), styles.tag)]],
                colWidths=[EMBLEM + 4 * mm, "*", 40 * mm])
    top.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [top, Spacer(1, 3 * mm),
            HRFlowable(width="100%", thickness=1.2, color=WARM, spaceBefore=0, spaceAfter=0),
            Spacer(1, 5 * mm), Paragraph(escape(text(lang, "report.progress.title")),
                                         styles.title), Spacer(1, 4 * mm)]


def _details(data: ProgressReportData, lang: str, styles: _Styles) -> Table:
    end = format_date(data.period_end, lang)
    period = (text(lang, "report.progress.period_range",
                   start=format_date(data.period_start, lang), end=end)
              if data.period_start is not None
              else text(lang, "report.progress.period_none", end=end))
    label_w = 22 * mm
    rows = [[Paragraph(escape(text(lang, "report.progress.name")), styles.label),
             Paragraph(user(data.name), styles.value),
             Paragraph(escape(text(lang, "report.progress.code")), styles.label),
             Paragraph(user(data.code), styles.value)],
            [Paragraph(escape(text(lang, "report.progress.period")), styles.label),
             Paragraph(escape(period), styles.value), "", ""]]
    table = Table(rows, colWidths=[label_w, CONTENT_W - 2 * label_w - 40 * mm, label_w,
                                   40 * mm])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("SPAN", (1, 1), (3, 1)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), SOFT),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, WARM),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
    ]))
    return table


def _section(key: str, lang: str, styles: _Styles) -> Paragraph:
    return Paragraph(escape(text(lang, key)), styles.section)


def _modules(data: ProgressReportData, lang: str, styles: _Styles) -> list[Flowable]:
    title = _section("report.progress.modules", lang, styles)
    if not data.modules:
        return [title, Paragraph(escape(text(lang, "report.progress.no_modules")), styles.muted)]
    rows: list[list[object]] = [[
        Paragraph(escape(text(lang, key)), styles.head)
        for key in ("report.progress.col_module", "report.progress.col_attended",
                    "report.progress.col_completed")]]
    for m in data.modules:
        attended = (text(lang, "report.progress.attended", attended=m.attended, held=m.held)
                    if m.held else text(lang, "report.progress.no_sessions"))
        done = ("✓ " + text(lang, "report.progress.yes") if m.completed
                else text(lang, "report.progress.not_yet"))
        rows.append([Paragraph(f"{user(m.code)} {user(m.title)}", styles.cell),
                     Paragraph(escape(attended), styles.cell),
                     Paragraph(escape(done), styles.done if m.completed else styles.cell)])
    table = Table(rows, colWidths=[CONTENT_W - 70 * mm, 42 * mm, 28 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 1.0, WARM),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, SOFT_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *[("BACKGROUND", (0, r), (-1, r), SOFT) for r in range(2, len(rows), 2)],
    ]))
    return [title, table]


def _skills(data: ProgressReportData, lang: str, styles: _Styles) -> list[Flowable]:
    found: list[Flowable] = [_section("report.progress.skills", lang, styles)]
    if not data.skills:
        found.append(Paragraph(escape(text(lang, "report.progress.no_skills")), styles.muted))
        return found
    for skill in data.skills:
        line = text(lang, "report.progress.skill_passed", module="\x00",
                    date=format_date(skill.assessed_on, lang))
        head, _, tail = line.partition("\x00")
        found.append(Paragraph(f"{escape(head)}<b>{user(skill.module)}</b>{escape(tail)}",
                               styles.skill, bulletText="★"))
        for criterion, level in skill.levels:
            found.append(Paragraph(
                f"{user(criterion)}: <b>{user(level)}</b>", styles.level))
        if skill.levels:
            found.append(Spacer(1, 1.5 * mm))
    return found


def _chart(series: ScoreSeries, lang: str, styles: _Styles) -> Drawing:
    drawing = Drawing(CHART_W, CHART_H)
    drawing.add(String(0, CHART_H - 10, series.name(lang), fontName=styles.bold, fontSize=9,
                       fillColor=INK))
    plot = LinePlot()
    plot.x, plot.y = 26, 18
    plot.width, plot.height = CHART_W - 38, CHART_H - 38
    # evenly spaced, each under its date: two rounds a few days apart stay readable
    xs = [float(n) for n in range(len(series.points))]
    dates = [p.on for p in series.points]
    plot.data = [[(x, p.value) for x, p in zip(xs, series.points, strict=True)]]
    plot.joinedLines = 1
    line = plot.lines[0]
    line.strokeColor, line.strokeWidth = WARM, 1.8
    line.symbol = makeMarker("FilledCircle", size=4.5, fillColor=WARM, strokeColor=WARM)
    plot.lineLabelFormat = lambda value: _number(float(value), lang)
    plot.lineLabels.fontName, plot.lineLabels.fontSize = styles.regular, 7
    plot.lineLabels.fillColor = INK
    plot.lineLabels.dy = 7
    x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
    x_axis.valueMin, x_axis.valueMax = -0.5, len(xs) - 0.5
    x_axis.valueSteps = xs
    x_axis.labelTextFormat = lambda value: _short_date(dates[int(round(value))], lang)
    x_axis.labels.fontName, x_axis.labels.fontSize = styles.regular, 6.5
    if len(xs) > 4:  # many rounds: the dates slant so they do not run into each other
        x_axis.labels.angle, x_axis.labels.boxAnchor = 30, "ne"
    x_axis.labels.fillColor = MUTED
    x_axis.strokeColor = MUTED
    # the instrument's range; a value outside it (an instrument changed since) widens it
    values = [p.value for p in series.points]
    low, high = min(series.low, *values), max(series.high, *values)
    step = (high - low) / 5 if high > low else 1.0
    y_axis.valueMin, y_axis.valueMax = low, high if high > low else low + 1
    y_axis.valueSteps = [low + step * n for n in range(6)]
    y_axis.labelTextFormat = lambda value: _number(round(float(value), 1), lang)
    y_axis.labels.fontName, y_axis.labels.fontSize = styles.regular, 6.5
    y_axis.labels.fillColor = MUTED
    y_axis.strokeColor = MUTED
    y_axis.visibleGrid = 1
    y_axis.gridStrokeColor = GRID
    y_axis.gridStrokeWidth = 0.5
    drawing.add(plot)
    return drawing


def _scores(data: ProgressReportData, lang: str, styles: _Styles) -> list[Flowable]:
    found: list[Flowable] = [_section("report.progress.scores", lang, styles)]
    series = [s for s in data.scores if s.points]
    if not series:
        found.append(Paragraph(escape(text(lang, "report.progress.no_scores")), styles.muted))
        return [KeepTogether(found)]
    found.append(Paragraph(escape(text(lang, "report.progress.scores_note")), styles.small))
    found.append(Spacer(1, 2 * mm))
    charts: list[Drawing] = [_chart(s, lang, styles) for s in series]
    rows = [charts[n:n + 2] + ([""] if len(charts[n:n + 2]) == 1 else [])
            for n in range(0, len(charts), 2)]
    grid = Table(rows, colWidths=[CHART_W + 3 * mm, CHART_W + 3 * mm])
    grid.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return [KeepTogether([*found, grid])]


def _status(data: ProgressReportData, lang: str, styles: _Styles) -> list[Flowable]:
    found: list[Flowable] = [_section("report.progress.status", lang, styles)]
    status = data.status
    if status is None:
        found.append(Paragraph(escape(text(lang, "report.progress.no_status")), styles.muted))
        return found
    if status.status is LivelihoodStatus.BUSINESS and status.business_kind is not None:
        words = text(lang, "report.progress.status.business_kind",
                     kind=text(lang, f"enum.BusinessKind.{status.business_kind.value}"))
    else:
        words = text(lang, f"report.progress.status.{status.status.value}")
    found.append(Paragraph(escape(text(lang, "report.progress.status_line", status=words,
                                       date=format_date(status.recorded_on, lang))),
                           styles.body))
    if status.monthly_income is not None:
        found.append(Paragraph(escape(text(lang, "report.progress.income",
                                           amount=format_rupiah(status.monthly_income))),
                               styles.body))
    return found


def closing_words(data: ProgressReportData, lang: str) -> str:
    """The encouraging paragraph: a sentence for each thing that went well (a beginning when
    nothing has yet), then the same warm last line."""
    chosen = [text(lang, f"report.progress.closing.{i.value}") for i in CLOSING_ORDER
              if i in data.improvements] or [text(lang, "report.progress.closing.start")]
    return " ".join([*chosen, text(lang, "report.progress.closing.end")])


def _closing(data: ProgressReportData, lang: str, styles: _Styles) -> Flowable:
    box = Table([[Paragraph(escape(text(lang, "report.progress.closing")), styles.head)],
                 [Paragraph(escape(closing_words(data, lang)), styles.closing)]],
                colWidths=[CONTENT_W])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.regular),
        ("BACKGROUND", (0, 0), (-1, -1), SOFT),
        ("BOX", (0, 0), (-1, -1), 0.8, SOFT_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
    ]))
    return KeepTogether([Spacer(1, 5 * mm), box])


def _story(data: ProgressReportData, lang: str, centre_name: str, centre_address: str,
           styles: _Styles) -> list[Flowable]:
    story = _header(data, lang, centre_name, centre_address, styles)
    story += [_details(data, lang, styles), Spacer(1, 4 * mm),
              Paragraph(escape(text(lang, "report.progress.greeting", name=" ".join(
                  data.name.split()))), styles.body)]
    story += _modules(data, lang, styles)
    story += _skills(data, lang, styles)
    if data.scores or data.scores_shown:
        story += _scores(data, lang, styles)
    if data.status_shown:
        story += _status(data, lang, styles)
    story.append(_closing(data, lang, styles))
    return story


def progress_report_pdf(data: ProgressReportData, *, lang: str, centre_name: str,
                        centre_address: str = "") -> bytes:
    """Her progress report as PDF bytes, in ``lang`` ("id" or "en"). The scores chart is drawn
    only for the series ``data`` holds (the service leaves them out unless asked for)."""
    chosen = language(lang)
    regular, bold = register_fonts()
    styles = _Styles(regular, bold)
    buffer = io.BytesIO()
    # the metadata holds the generic title only: no name, no centre, no app
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=text(chosen, "report.progress.doc_title"),
        author="", creator="", producer="", subject="", keywords="", lang=chosen,
        initialFontName=regular)
    made_on = text(chosen, "report.progress.made_on", date=format_date(data.period_end, chosen))

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(SOFT_RULE)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN_X, FOOTER_RULE, PAGE_W - MARGIN_X, FOOTER_RULE)
        canvas.setFillColor(MUTED)
        canvas.setFont(regular, 8.5)
        canvas.drawString(MARGIN_X, FOOTER_TEXT, made_on)
        canvas.drawRightString(PAGE_W - MARGIN_X, FOOTER_TEXT, text(
            chosen, "report.progress.page", page=canvas.getPageNumber()))
        canvas.restoreState()

    frame = Frame(MARGIN_X, MARGIN_BOTTOM, CONTENT_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="page")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(_story(data, chosen, centre_name, centre_address, styles))
    return buffer.getvalue()
