"""The dashboard's charts as plain data (Qt-free, no chart library): the screen draws them with
pyqtgraph, and the donor workbook and PDFs can draw the same specs later.

``chart_data(table, extra)`` gives, in this order and only where there is something to show:
baseline vs endline mean per instrument (or, without the means, the mean change), attendance
per module, income before/after, businesses over time, and actual against target (each
indicator with a target, as the share of its target reached). Titles and series names are
catalogue keys; category labels are already words (instrument and module codes, months, the
indicators' names in the current language)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from kdrt_desk.domain.indicators import IndicatorResult, IndicatorTable, Stage, Unit
from kdrt_desk.i18n import t
from kdrt_desk.i18n.indicator_words import indicator_name as code_name
from kdrt_desk.services.indicator_breakdowns import (
    IncomeBeforeAfter,
    ModuleAttendance,
    MonthCount,
)


class ChartKind(StrEnum):
    BAR = "bar"
    GROUPED_BAR = "grouped_bar"
    LINE = "line"


@dataclass(frozen=True)
class Series:
    name: str  # a catalogue key
    values: tuple[float | None, ...]  # one per category; None: nothing to show


@dataclass(frozen=True)
class ChartSpec:
    kind: ChartKind
    title: str  # a catalogue key
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: Unit
    reference: float | None = None  # a line to draw across (the target, 100 %)
    horizontal: bool = False  # bars sideways: long category labels
    notes: tuple[str, ...] = ()  # per category, for a tool tip (e.g. the indicator's name)
    signed: bool = False  # a change: show "+" before a rise


@dataclass(frozen=True)
class ChartExtras:
    """What the indicator table does not carry (from ``IndicatorBreakdownService``), and the
    per-instrument baseline and endline means when a caller has them."""

    attendance: tuple[ModuleAttendance, ...] = ()
    businesses: tuple[MonthCount, ...] = ()
    income: IncomeBeforeAfter | None = None
    score_means: Mapping[str, tuple[float, float]] = field(default_factory=dict)


def indicator_name(result: IndicatorResult) -> str:
    """The indicator's name in the current language (score indicators name their instrument)."""
    return code_name(result.code)


def _scores(table: IndicatorTable, extra: ChartExtras) -> ChartSpec | None:
    changes = [r for r in table.results if r.code.startswith("score_change.")
               and not r.withheld]
    if not changes:
        return None
    instruments = tuple(r.definition.instrument for r in changes)
    means = dict(extra.score_means)
    for result in changes:  # the service gives them with each change
        if "baseline_mean" in result.detail and "endline_mean" in result.detail:
            means.setdefault(result.definition.instrument, (
                result.detail["baseline_mean"], result.detail["endline_mean"]))
    if means and all(i in means for i in instruments):
        extra = replace(extra, score_means=means)
        return ChartSpec(
            ChartKind.GROUPED_BAR, "chart.score_means", instruments,
            (Series("chart.series.baseline",
                    tuple(extra.score_means[i][0] for i in instruments)),
             Series("chart.series.endline",
                    tuple(extra.score_means[i][1] for i in instruments))),
            Unit.POINTS)
    return ChartSpec(ChartKind.BAR, "chart.score_change", instruments,
                     (Series("chart.series.change", tuple(r.value for r in changes)),),
                     Unit.POINTS, reference=0.0, signed=True)


def _attendance(extra: ChartExtras) -> ChartSpec | None:
    if not extra.attendance:
        return None
    return ChartSpec(ChartKind.BAR, "chart.attendance_by_module",
                     tuple(m.code for m in extra.attendance),
                     (Series("chart.series.attendance",
                             tuple(m.rate for m in extra.attendance)),),
                     Unit.PERCENT, notes=tuple(m.title for m in extra.attendance))


def _income(extra: ChartExtras) -> ChartSpec | None:
    if extra.income is None or not extra.income.n:
        return None
    return ChartSpec(ChartKind.BAR, "chart.income_before_after",
                     (t("chart.category.before"), t("chart.category.after")),
                     (Series("chart.series.median_income",
                             (extra.income.before, extra.income.after)),),
                     Unit.RUPIAH)


def _businesses(extra: ChartExtras) -> ChartSpec | None:
    if not extra.businesses:
        return None
    return ChartSpec(ChartKind.LINE, "chart.businesses_over_time",
                     tuple(f"{m.month.month:02d}/{m.month.year}" for m in extra.businesses),
                     (Series("chart.series.businesses",
                             tuple(float(m.count) for m in extra.businesses)),),
                     Unit.COUNT)


def _targets(table: IndicatorTable) -> ChartSpec | None:
    order = {Stage.OUTPUT: 0, Stage.OUTCOME: 1, Stage.FOLLOW_UP: 2}
    aimed = sorted((r for r in table.results if r.target is not None and not r.withheld),
                   key=lambda r: order[r.definition.stage])
    if not aimed:
        return None
    reached = tuple(
        None if r.value is None or r.target is None
        else (100.0 if r.target == 0 else round(100.0 * r.value / r.target, 1))
        for r in aimed)
    names = tuple(indicator_name(r) for r in aimed)
    return ChartSpec(ChartKind.BAR, "chart.actual_vs_target", names,
                     (Series("chart.series.share_of_target", reached),),
                     Unit.PERCENT, reference=100.0, horizontal=True, notes=names)


def chart_data(table: IndicatorTable, extra: ChartExtras | None = None) -> list[ChartSpec]:
    """The dashboard's charts for ``table`` (and the breakdowns in ``extra``)."""
    more = extra or ChartExtras()
    found = (_scores(table, more), _attendance(more), _income(more), _businesses(more),
             _targets(table))
    return [spec for spec in found if spec is not None]
