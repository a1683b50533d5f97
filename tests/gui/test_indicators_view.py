"""The "Indikator" tab pressed as the admin and office staff do, on the indicator service's
hand-worked fixture: the quarter's rows grouped by stage, another period chosen, a target set
through "Atur target…" showing ✗ then ✓, a double-click opening the names behind a figure, the
charts drawn with pyqtgraph; office staff see the scores withheld. The tab is rendered to
/tmp/indicators_view.png to be looked at."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot
from support.constants import ADMIN
from support.modal_boxes import ModalBoxes
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.indicators import Unit
from kdrt_desk.reports.chart_data import ChartKind, ChartSpec, Series
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.indicators_view import IndicatorsView, ListDialog, TargetDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.widgets.charts import ChartWidget
from kdrt_desk.wiring import Services

sys.path.insert(0, str(Path(__file__).parents[1] / "unit" / "services"))
from test_indicator_service import fixture  # noqa: E402 - the hand-worked figures

TODAY = date(2026, 11, 27)


def loaded(qtbot: QtBot, services: Services, runner: TaskRunner) -> IndicatorsView:
    view = IndicatorsView(services, runner, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1000, 900)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    return view


def rows(view: IndicatorsView) -> list[QTreeWidgetItem]:
    found = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    return [item for item in found if item is not None]


def row(view: IndicatorsView, code: str) -> QTreeWidgetItem:
    for item in rows(view):
        if item.data(0, Qt.ItemDataRole.UserRole) == code:
            return item
    raise AssertionError(f"no row {code}")


def texts(item: QTreeWidgetItem) -> list[str]:
    return [item.text(column).strip() for column in range(5)]


def click_row(qtbot: QtBot, view: IndicatorsView, code: str, double: bool = False) -> None:
    rect = view.tree.visualItemRect(row(view, code))
    where = QPoint(rect.left() + 30, rect.center().y())
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    if double:
        qtbot.mouseDClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)


def set_target(qtbot: QtBot, view: IndicatorsView, code: str, target: str) -> None:
    click_row(qtbot, view, code)
    qtbot.mouseClick(view.target_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, TargetDialog)
    dialog.target.clear()
    qtbot.keyClicks(dialog.target, target)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)


def test_the_admin_sees_the_chain_sets_targets_and_opens_the_names(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    import pyqtgraph as pg

    people = fixture(admin)
    view = loaded(qtbot, admin, runner)
    assert view.period.currentText() == "Triwulan ini (Triwulan IV 2026)"
    headings = [item.text(0) for item in rows(view)
                if item.data(0, Qt.ItemDataRole.UserRole) is None]
    assert headings == ["Keluaran", "Hasil", "Tindak lanjut"]
    assert texts(row(view, "attendance_rate")) == ["Tingkat kehadiran", "50 %", "8", "–", "–"]
    assert texts(row(view, "score_change.WHO5"))[1:3] == ["+14 poin", "2"]
    assert texts(row(view, "income_change"))[1] == "Rp 300.000"
    assert texts(row(view, "business_running_3m"))[1] == "belum ada data"
    assert "semua tanda hadir" in row(view, "attendance_rate").toolTip(0)
    assert "(10 poin)" in row(view, "score_improved.WHO5").toolTip(0)

    click_row(qtbot, view, "attendance_rate")
    qtbot.mouseClick(view.target_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, TargetDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.target, "banyak")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error_text("target") == "Tulis angka, misalnya 75."
    dialog.target.clear()
    qtbot.keyClicks(dialog.target, "120")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_text("target") == "Target persentase paling tinggi 100.",
                    timeout=5000)
    dialog.reject()
    set_target(qtbot, view, "attendance_rate", "75")
    assert texts(row(view, "attendance_rate"))[3:] == ["75 %", "✗"]
    set_target(qtbot, view, "sessions_held", "2")
    assert texts(row(view, "sessions_held"))[3:] == ["2", "✓"]
    assert admin.indicators.targets(date(2026, 10, 1), date(2026, 12, 31)) == {
        "attendance_rate": 75.0, "sessions_held": 2.0}

    click_row(qtbot, view, "score_change.WHO5", double=True)
    qtbot.waitUntil(lambda: isinstance(view.dialog, ListDialog), timeout=5000)
    names = view.dialog
    assert isinstance(names, ListDialog)
    expected = sorted((admin.participants.get(p).code, admin.participants.get(p).full_name)
                      for p in (people["a"], people["b"]))
    shown = [(names.table.item(r, 0), names.table.item(r, 1))
             for r in range(names.table.rowCount())]
    assert [(c.text(), n.text()) for c, n in shown if c and n] == expected
    names.close()

    plots = view.findChildren(pg.PlotWidget)
    assert len(plots) == len(view.charts) == 5  # scores, attendance, income, businesses, target
    assert [c.title.text() for c in view.charts][-1] == "Capaian terhadap target (%)"
    view.grab().save("/tmp/indicators_view.png")
    page = view.tree.parentWidget()
    assert page is not None
    page.grab().save("/tmp/indicators_view_page.png")  # the whole page, scrolled or not

    # another period: October had no session, so no attendance and no charts of it
    view.period.setFocus()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(view.period, Qt.Key.Key_Down)
    assert view.period.currentText() == "Triwulan I 2026"
    assert texts(row(view, "attendance_rate"))[1] == "belum ada data"
    view.period.setCurrentIndex(view.period.count() - 1)  # "Pilih sendiri…"
    assert view.custom.isVisible()
    view.start_edit.setDate(QDate(2026, 11, 1))
    view.end_edit.setDate(QDate(2026, 11, 30))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    assert texts(row(view, "attendance_rate"))[1:3] == ["50 %", "8"]
    assert texts(row(view, "sessions_held"))[3] == "–"  # the target was for the quarter


def test_office_staff_see_the_scores_withheld(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner, modal_boxes: ModalBoxes) -> None:
    team = Team.hired(vault)
    try:
        fixture(team(ADMIN))
        staf = team("staf1")
        view = loaded(qtbot, staf, runner)
        assert texts(row(view, "score_change.WHO5"))[1:] == [
            "tidak tersedia untuk peran Anda", "–", "–", "–"]
        assert texts(row(view, "income_change"))[1] == "Rp 300.000"
        assert view.target_button.isHidden()
        assert "chart.score_change" not in [c.spec.title for c in view.charts]
        qtbot.wait(50)  # the page lays itself out anew
        view.grab().save("/tmp/indicators_view_staf.png")
        click_row(qtbot, view, "score_change.WHO5", double=True)
        assert view.dialog is None
        assert modal_boxes.texts() == ["Indikator ini tidak tersedia untuk peran Anda."]
        view.close()
    finally:
        team.close()


def test_a_grouped_chart_draws_both_series_with_a_legend(qtbot: QtBot) -> None:
    import pyqtgraph as pg

    spec = ChartSpec(ChartKind.GROUPED_BAR, "chart.score_means", ("WHO5", "GSE"),
                     (Series("chart.series.baseline", (50.0, 30.0)),
                      Series("chart.series.endline", (64.0, None))), Unit.POINTS)
    chart = ChartWidget(spec)
    qtbot.addWidget(chart)
    chart.resize(400, 260)
    chart.show()
    bars = [i for i in chart.plot.getPlotItem().items if isinstance(i, pg.BarGraphItem)]
    assert len(bars) == 2
    labels = [i.toPlainText() for i in chart.plot.getPlotItem().items
              if isinstance(i, pg.TextItem)]
    assert labels == ["50", "30", "–", "64"]  # GSE has no endline yet
    legend = chart.plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["Awal", "Akhir"]
    chart.grab().save("/tmp/indicators_chart_grouped.png")


def test_the_tab_is_in_the_main_window_loads_when_opened_and_empties_on_lock(
        qtbot: QtBot, admin: Services, runner: TaskRunner) -> None:
    fixture(admin)
    window = MainWindow(admin, runner)
    qtbot.addWidget(window)
    window.show()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    page = window.tabs.widget(titles.index("Indikator"))
    assert isinstance(page, IndicatorsView) and page.table is None
    assert not window.tabs.tabIcon(titles.index("Indikator")).isNull()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.tabs.setCurrentWidget(page)
    assert page.table is not None and page.tree.topLevelItemCount() > 10
    page.period.setCurrentIndex(page.period.count() - 1)  # "Pilih sendiri…": November 2026
    page.start_edit.setDate(QDate(2026, 11, 1))
    page.end_edit.setDate(QDate(2026, 11, 30))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert len(page.charts) == 4  # scores, attendance, income, businesses (no target)
    window.lock()
    assert window.is_showing_lock_screen
    assert page.table is None and page.tree.topLevelItemCount() == 0 and page.charts == []
