"""The chart specs carry the figures of a table built by hand: mean change per instrument (or
baseline vs endline when the means are given), attendance per module, income before/after,
businesses month by month, and the share of each target reached; withheld scores and empty
breakdowns give no chart."""

from __future__ import annotations

from datetime import date

from kdrt_desk.domain.indicators import IndicatorResult, IndicatorTable, Unit, definition
from kdrt_desk.reports.chart_data import ChartExtras, ChartKind, chart_data
from kdrt_desk.services.indicator_breakdowns import (
    IncomeBeforeAfter,
    ModuleAttendance,
    MonthCount,
)


def _result(code: str, value: float | None, n: int = 0, target: float | None = None,
            withheld: bool = False) -> IndicatorResult:
    item = definition(code)
    assert item is not None
    return IndicatorResult(item, value, n, target=target, withheld=withheld)


def _table(withheld: bool = False) -> IndicatorTable:
    return IndicatorTable(date(2026, 10, 1), date(2026, 12, 31), (
        _result("sessions_held", 12, 12, target=10),
        _result("attendance_rate", 60.0, 40, target=80),
        _result("score_change.WHO5", None if withheld else 14.0, 2, withheld=withheld),
        _result("score_change.GSE", None if withheld else -1.5, 3, withheld=withheld),
        _result("score_improved.WHO5", None if withheld else 50.0, 2, withheld=withheld),
        _result("income_change", 300_000, 2, target=0),
        _result("business_running_3m", None, 0, target=70),
    ))


EXTRAS = ChartExtras(
    attendance=(ModuleAttendance(1, "SOS-01", "Mengenal diri", 8, 4),
                ModuleAttendance(2, "KWU-01", "Dasar usaha", 10, 9)),
    businesses=(MonthCount(date(2026, 10, 1), 3), MonthCount(date(2026, 11, 1), 5),
                MonthCount(date(2026, 12, 1), 4)),
    income=IncomeBeforeAfter(650_000, 950_000, 2))


def test_each_chart_carries_the_figures_of_the_table() -> None:
    specs = {s.title: s for s in chart_data(_table(), EXTRAS)}
    assert list(specs) == ["chart.score_change", "chart.attendance_by_module",
                           "chart.income_before_after", "chart.businesses_over_time",
                           "chart.actual_vs_target"]
    scores = specs["chart.score_change"]
    assert scores.kind == ChartKind.BAR and scores.unit == Unit.POINTS
    assert scores.categories == ("WHO5", "GSE") and scores.series[0].values == (14.0, -1.5)
    assert scores.signed and scores.reference == 0.0
    attendance = specs["chart.attendance_by_module"]
    assert attendance.categories == ("SOS-01", "KWU-01")
    assert attendance.series[0].values == (50.0, 90.0) and attendance.unit == Unit.PERCENT
    assert attendance.notes == ("Mengenal diri", "Dasar usaha")
    income = specs["chart.income_before_after"]
    assert income.categories == ("Sebelum", "Sesudah") and income.unit == Unit.RUPIAH
    assert income.series[0].values == (650_000, 950_000)
    businesses = specs["chart.businesses_over_time"]
    assert businesses.kind == ChartKind.LINE
    assert businesses.categories == ("10/2026", "11/2026", "12/2026")
    assert businesses.series[0].values == (3.0, 5.0, 4.0)
    targets = specs["chart.actual_vs_target"]
    assert targets.categories == ("Sesi terlaksana", "Tingkat kehadiran",
                                  "Perubahan pendapatan (median)",
                                  "Usaha masih berjalan setelah 3 bulan")
    # 12 of 10, 60 of 80, a zero target reached, no value yet
    assert targets.series[0].values == (120.0, 75.0, 100.0, None)
    assert targets.reference == 100.0 and targets.horizontal


def test_the_means_when_given_make_a_baseline_endline_chart() -> None:
    extra = ChartExtras(score_means={"WHO5": (50.0, 64.0), "GSE": (30.0, 28.5)})
    specs = chart_data(_table(), extra)
    assert specs[0].kind == ChartKind.GROUPED_BAR and specs[0].title == "chart.score_means"
    assert [(s.name, s.values) for s in specs[0].series] == [
        ("chart.series.baseline", (50.0, 30.0)), ("chart.series.endline", (64.0, 28.5))]


def test_withheld_scores_and_empty_breakdowns_give_no_chart() -> None:
    specs = chart_data(_table(withheld=True), ChartExtras(income=IncomeBeforeAfter(None, None, 0)))
    assert [s.title for s in specs] == ["chart.actual_vs_target"]
    bare = IndicatorTable(date(2026, 10, 1), date(2026, 12, 31), (
        _result("sessions_held", 0, 0),))
    assert chart_data(bare) == []
