"""Draws a ``ChartSpec`` (kdrt_desk.reports.chart_data) with pyqtgraph: bars, grouped bars or a
line, white background, the app's accent colour, Indonesian labels and numbers, readable at
about 400 x 260. pyqtgraph (and NumPy under it) is imported only when a chart is drawn, never at
the app's start."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from kdrt_desk.domain.indicators import Unit
from kdrt_desk.i18n import format_count, t
from kdrt_desk.reports.chart_data import ChartKind, ChartSpec
from kdrt_desk.ui.widgets.look import (
    ACCENT,
    ATTENTION_TEXT,
    ERROR_TEXT,
    GRID_TEXT,
    STRONG,
    mark,
)

SECOND = ATTENTION_TEXT  # the second series (endline): a brown-orange beside the blue
TEXT = GRID_TEXT
REFERENCE = ERROR_TEXT  # the target line, the zero line
EMPTY = "–"  # a category with nothing to show
LABEL_CHARS = 26  # a category label longer than this is cut (the full one is in the tool tip)


def axis_text(value: float, unit: Unit, signed: bool = False) -> str:
    """A tick or value label: ``1,2 jt`` for Rupiah millions, ``75 %``, ``+14``."""
    if unit == Unit.RUPIAH:
        if abs(value) >= 1_000_000:
            return t("chart.million", value=format_count(round(value / 1_000_000, 1)))
        if abs(value) >= 1000:
            return f"{format_count(round(value / 1000))} rb"
        return format_count(round(value))
    if unit == Unit.PERCENT:
        return f"{format_count(round(value, 1))} %"
    shown = format_count(round(value, 1))
    return f"+{shown}" if signed and value > 0 else shown


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"


class ChartWidget(QWidget):
    """A title over the plot; ``plot`` is the pyqtgraph ``PlotWidget`` it drew."""

    def __init__(self, spec: ChartSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        title = QLabel(t(spec.title))
        title.setWordWrap(True)
        mark(title, STRONG)
        self.title = title
        self.plot = self._draw(spec)
        self.setToolTip("\n".join(f"{c}: {n}" for c, n in zip(spec.categories, spec.notes,
                                                                strict=False) if n != c))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(title)
        layout.addWidget(self.plot, 1)
        self.setMinimumSize(400, 260)
        self.setMaximumHeight(300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _draw(self, spec: ChartSpec) -> Any:
        import pyqtgraph as pg  # heavy (NumPy): only when a chart is drawn

        unit, signed = spec.unit, spec.signed

        class ValueAxis(pg.AxisItem):  # type: ignore[misc, name-defined]
            def tickStrings(  # noqa: N802 - pyqtgraph's name
                    self, values: list[float], scale: float, spacing: float) -> list[str]:
                return [axis_text(v, unit, signed) for v in values]

        horizontal = spec.horizontal
        value_side = "bottom" if horizontal else "left"
        plot = pg.PlotWidget(background="w", axisItems={value_side: ValueAxis(value_side)})
        plot.setMinimumHeight(210)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        item = plot.getPlotItem()
        font = QFont()
        font.setPointSize(8)
        for side in ("left", "bottom"):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(TEXT))
            axis.setTextPen(pg.mkPen(TEXT))
            axis.setStyle(tickFont=font)
        item.showGrid(x=horizontal, y=not horizontal, alpha=0.18)
        count = len(spec.categories)
        positions = list(range(count))
        category_side = "left" if horizontal else "bottom"
        labels = [(i, _short(c)) for i, c in enumerate(spec.categories)]
        category_axis = item.getAxis(category_side)
        category_axis.setTicks([labels])
        if horizontal:
            metrics = QFontMetrics(font)
            longest = max((metrics.horizontalAdvance(text) for _, text in labels), default=0)
            category_axis.setWidth(min(170, max(60, longest + 14)))
        colours = (ACCENT, SECOND)
        values_seen: list[float] = [0.0]
        if spec.kind == ChartKind.LINE:
            values = spec.series[0].values
            points = [(i, v) for i, v in zip(positions, values, strict=True) if v is not None]
            plot.plot([p[0] for p in points], [p[1] for p in points],
                      pen=pg.mkPen(ACCENT, width=2.5), symbol="o", symbolSize=8,
                      symbolBrush=ACCENT, symbolPen=pg.mkPen("w"))
            values_seen += [p[1] for p in points]
            item.setXRange(-0.4, count - 0.6, padding=0)
        else:
            groups = len(spec.series)
            width = 0.7 / groups
            for index, series in enumerate(spec.series):
                offset = (index - (groups - 1) / 2) * width
                shown = [(i + offset, v) for i, v in zip(positions, series.values, strict=True)
                         if v is not None]
                for place in (i + offset for i, v in zip(positions, series.values,
                                                         strict=True) if v is None):
                    missing = pg.TextItem(EMPTY, color=TEXT, anchor=(0.5, 1) if not horizontal
                                          else (0, 0.5))
                    missing.setPos(0, place) if horizontal else missing.setPos(place, 0)
                    item.addItem(missing)
                if not shown:
                    continue
                where = [p[0] for p in shown]
                sizes = [p[1] for p in shown]
                brush = pg.mkBrush(colours[index % len(colours)])
                if horizontal:
                    bars = pg.BarGraphItem(x0=0, y=where, height=width * 0.92, width=sizes,
                                           brush=brush, pen=pg.mkPen("w"))
                else:
                    bars = pg.BarGraphItem(x=where, height=sizes, width=width * 0.92,
                                           brush=brush, pen=pg.mkPen("w"))
                item.addItem(bars)
                values_seen += sizes
                for place, size in shown:
                    text = pg.TextItem(axis_text(size, unit, signed), color=TEXT,
                                       anchor=(0, 0.5) if horizontal else
                                       ((0.5, 1) if size >= 0 else (0.5, 0)))
                    text.setFont(font)
                    text.setPos(size, place) if horizontal else text.setPos(place, size)
                    item.addItem(text)
            if groups > 1:
                legend = item.addLegend(offset=(-4, 4), labelTextColor=TEXT)
                for index, series in enumerate(spec.series):
                    sample = pg.BarGraphItem(x=[0], height=[0], width=0,
                                             brush=pg.mkBrush(colours[index % len(colours)]))
                    legend.addItem(sample, t(series.name))
            if horizontal:
                item.setYRange(-0.6, count - 0.4, padding=0)
                item.getViewBox().invertY(True)
            else:
                item.setXRange(-0.6, count - 0.4, padding=0)
        if spec.reference is not None:
            values_seen.append(spec.reference)
            line = pg.InfiniteLine(spec.reference, angle=90 if horizontal else 0,
                                   pen=pg.mkPen(REFERENCE, width=1.5, style=Qt.PenStyle.DashLine))
            item.addItem(line)
        low, high = min(values_seen), max(values_seen)
        span = (high - low) or 1.0
        if unit == Unit.COUNT:  # whole numbers only
            step = max(1.0, float(math.ceil(span / 5)))
            item.getAxis(value_side).setTickSpacing(step, step)
        if spec.kind == ChartKind.LINE:
            low -= span * 0.06  # the marker on zero stays whole
        if horizontal:
            item.setXRange(low, high + span * 0.28, padding=0)
        else:
            item.setYRange(low - (span * 0.12 if low < 0 else 0), high + span * 0.15,
                           padding=0)
        return plot
