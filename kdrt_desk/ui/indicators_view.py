"""The "Indikator" tab: the indicator chain for a chosen period (this quarter by default), grouped
by stage, with its targets; the list behind a figure for roles that may see names (counts only
for the others); the admin's "Atur target…"; and the charts below (``reports.chart_data``).

Computing runs on the task runner; the dashboard counts everyone the centre serves, and says
that the donor report counts only those who agreed to anonymised statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.indicators import IndicatorResult, IndicatorTable, Stage, Unit
from kdrt_desk.domain.participant import ParticipantRow
from kdrt_desk.i18n import format_count, format_date, format_rupiah, t
from kdrt_desk.reports.chart_data import ChartExtras, ChartSpec, chart_data, indicator_name
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.indicator_breakdowns import IndicatorBreakdownService
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.charts import ChartWidget  # imports pyqtgraph only to draw
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import hint_label, new_form, period_row
from kdrt_desk.ui.widgets.look import ENDED_TEXT, HINT, SECTION, STRONG, TITLE, mark
from kdrt_desk.wiring import Services

EMPTY = "–"
STAGES = (Stage.OUTPUT, Stage.OUTCOME, Stage.FOLLOW_UP)
CUSTOM = "custom"
CODE_ROLE = Qt.ItemDataRole.UserRole
QUARTER_NAMES = ("I", "II", "III", "IV")
NOT_PEOPLE = frozenset({"groups_formed", "groups_active", "sessions_held"})


def format_value(value: float | None, unit: Unit) -> str:
    """An indicator's figure in its unit: a count, ``50 %``, ``Rp 300.000``, ``+14 poin``."""
    if value is None:
        return EMPTY
    if unit == Unit.PERCENT:
        return f"{format_count(round(value, 1))} %"
    if unit == Unit.RUPIAH:
        return format_rupiah(round(value))
    if unit == Unit.POINTS:
        shown = format_count(round(value, 2)) if value != round(value, 1) else \
            format_count(round(value, 1))
        return t("ui.indicators.points", value=f"+{shown}" if value > 0 else shown)
    return format_count(value)


def about(result: IndicatorResult) -> str:
    """The indicator's definition (its tool tip)."""
    item = result.definition
    if item.instrument:
        kind = item.code.partition(".")[0]
        threshold = result.detail.get("threshold")
        return t(f"indicator.{kind}.about",
                 threshold=EMPTY if threshold is None else format_count(round(threshold, 1)))
    return t(f"indicator.{item.code}.about")


def quarter_of(day: date) -> tuple[date, date]:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def period_choices(today: date) -> list[tuple[str, date, date]]:
    """(label, start, end): this quarter first, the quarters of this and last year, the years."""
    current = quarter_of(today)
    number = (today.month - 1) // 3
    this_name = t("ui.indicators.quarter", number=QUARTER_NAMES[number], year=today.year)
    choices = [(t("ui.indicators.this_quarter", name=this_name), *current)]
    for year in (today.year, today.year - 1):
        for index in range(4):
            span = quarter_of(date(year, 3 * index + 1, 1))
            if span != current:
                choices.append((t("ui.indicators.quarter", number=QUARTER_NAMES[index],
                                  year=year), *span))
    choices.append((t("ui.indicators.this_year", year=today.year), date(today.year, 1, 1),
                    date(today.year, 12, 31)))
    choices.append((t("ui.indicators.last_year", year=today.year - 1),
                    date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)))
    return choices


@dataclass(frozen=True)
class Loaded:
    table: IndicatorTable
    extras: ChartExtras


class TargetDialog(FormDialog):
    """The admin's target for one indicator and the shown period (empty: no target)."""

    def __init__(self, services: Services, runner: TaskRunner, result: IndicatorResult,
                 start: date, end: date, parent: QWidget | None) -> None:
        super().__init__(services, runner, parent)
        self.indicator, self.start, self.end = result, start, end
        self.setWindowTitle(t("ui.indicators.target.title"))
        self.target = QLineEdit()
        if result.target is not None:
            self.target.setText(format_count(result.target) if result.definition.unit
                                == Unit.RUPIAH else format_count(round(result.target, 2)))
        form = new_form()
        self.add_field(form, t("ui.indicators.target.field"), "target", self.target,
                       hint=t(f"ui.indicators.target.hint.{result.definition.unit.value}"))
        intro = t("ui.indicators.target.intro", name=indicator_name(result),
                  start=format_date(start), end=format_date(end))
        self.finish_layout(form, t("ui.indicators.target.save"), intro, width=480)

    def value(self) -> float | None:
        """The typed target; raises ValueError when it is not a number."""
        text = self.target.text().strip().replace("Rp", "").replace(" ", "").replace("%", "")
        if not text:
            return None
        if self.indicator.definition.unit == Unit.RUPIAH or text.count(".") > 1:
            text = text.replace(".", "")
        return float(text.replace(",", "."))

    def submit(self) -> None:
        try:
            target = self.value()
        except ValueError:
            self.show_errors({"target": t("ui.indicators.target.not_number")})
            return
        code, start, end = self.indicator.code, self.start, self.end
        indicators = self.services.indicators
        self.run(lambda: indicators.set_target(code, start, end, target))


class ListDialog(QDialog):
    """The participants behind one figure: code and name."""

    def __init__(self, name: str, rows: list[tuple[str, str]], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.indicators.list.title", name=name))
        heading = QLabel(t("ui.indicators.list.title", name=name))
        heading.setWordWrap(True)
        mark(heading, STRONG)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels([t("ui.indicators.list.code"),
                                              t("ui.indicators.list.name")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (code, full_name) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(code))
            self.table.setItem(row, 1, QTableWidgetItem(full_name))
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            t("ui.indicators.list.close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint_label(t("ui.indicators.list.count", count=len(rows))))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(440, 380)


class IndicatorsView(QWidget):
    """``refresh()`` computes the chosen period; ``clear()`` forgets it (when the app locks)."""

    loaded = Signal(object)  # the IndicatorTable shown

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.actor = services.vault.actor
        self.breakdowns = IndicatorBreakdownService(services.vault.db, self.actor)
        self.table: IndicatorTable | None = None
        self.charts: list[ChartWidget] = []
        self.dialog: QDialog | None = None
        self.today = today or local_today()

        title = QLabel(t("ui.indicators.title"))
        mark(title, TITLE)
        self.period = QComboBox()
        for text, start, end in period_choices(self.today):
            self.period.addItem(text, f"{start.isoformat()}|{end.isoformat()}")
        self.period.addItem(t("ui.indicators.custom"), CUSTOM)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start_edit, self.end_edit, custom_row = period_row()
        start, end = quarter_of(self.today)
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))
        self.show_button = QPushButton(t("ui.indicators.show"))
        self.show_button.clicked.connect(self.refresh)
        self.show_button.setToolTip(t("ui.tip.indicators.show"))
        self.custom = QWidget()
        custom_layout = QHBoxLayout(self.custom)
        custom_layout.setContentsMargins(0, 0, 0, 0)
        custom_layout.addWidget(custom_row)
        custom_layout.addWidget(self.show_button)
        self.custom.hide()
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(16)
        top.addWidget(QLabel(t("ui.indicators.period")))
        top.addWidget(self.period)
        top.addWidget(self.custom)
        top.addStretch(1)
        self.shown = QLabel()
        mark(self.shown, HINT)
        self.message = ErrorLabel()

        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([t(f"ui.indicators.col.{c}") for c in
                                   ("indicator", "value", "n", "target", "met")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemDoubleClicked.connect(lambda *_: self.open_list())
        self.tree.itemSelectionChanged.connect(self._selection_changed)

        self.list_button = QPushButton(t("ui.indicators.list"))
        self.list_button.clicked.connect(self.open_list)
        self.target_button = QPushButton(t("ui.indicators.set_target"))
        self.target_button.clicked.connect(self.set_target)
        self.target_button.setVisible(self.actor.may(Permission.SETTINGS))
        self.list_button.setToolTip(t("ui.tip.indicators.list"))
        self.target_button.setToolTip(t("ui.tip.indicators.set_target"))
        self.empty_hint = empty_hint(t("ui.hints.indicators.empty"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.list_button)
        buttons.addWidget(self.target_button)
        buttons.addStretch(1)

        charts_title = QLabel(t("ui.indicators.charts"))
        mark(charts_title, SECTION)
        self.no_charts = hint_label(t("ui.indicators.no_charts"))
        self.chart_grid = QGridLayout()
        self.chart_grid.setHorizontalSpacing(12)
        self.chart_grid.setVerticalSpacing(12)

        body = QWidget()
        page = QVBoxLayout(body)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.tree)
        page.addLayout(buttons)
        page.addSpacing(8)
        page.addWidget(charts_title)
        page.addWidget(self.no_charts)
        page.addLayout(self.chart_grid)
        page.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.shown)
        layout.addWidget(hint_label(t("ui.indicators.everyone")))
        layout.addWidget(self.message)
        layout.addWidget(self.empty_hint)
        layout.addWidget(scroll, 1)
        self._selection_changed()

    # -- the period ---------------------------------------------------------------------------
    def chosen_period(self) -> tuple[date, date]:
        data = self.period.currentData()
        if data == CUSTOM:
            first, last = self.start_edit.date(), self.end_edit.date()
            return (date(first.year(), first.month(), first.day()),
                    date(last.year(), last.month(), last.day()))
        start, _, end = str(data).partition("|")
        return date.fromisoformat(start), date.fromisoformat(end)

    def _period_chosen(self, _index: int = 0) -> None:
        custom = self.period.currentData() == CUSTOM
        self.custom.setVisible(custom)
        if not custom:
            self.refresh()

    # -- loading ------------------------------------------------------------------------------
    def refresh(self) -> None:
        start, end = self.chosen_period()
        self.shown.setText(t("ui.indicators.loading"))
        indicators, breakdowns, actor = self.services.indicators, self.breakdowns, self.actor

        def compute() -> Loaded:
            table = indicators.compute(start, end)
            attendance = tuple(breakdowns.attendance_by_module(start, end))
            extras = ChartExtras(attendance=attendance)
            if actor.may(Permission.VIEW_CONTACT):
                extras = ChartExtras(
                    attendance=attendance,
                    businesses=tuple(breakdowns.businesses_over_time(start, end)),
                    income=breakdowns.income_before_after(start, end))
            return Loaded(table, extras)

        self.runner.run(compute, self._loaded, self._failed, latest=self._latest())

    def _latest(self) -> tuple[str, int]:
        return ("indicators", id(self))

    def clear(self) -> None:
        self.runner.run(lambda: None, latest=self._latest())  # a pending answer is dropped
        self.table = None
        self.tree.clear()
        self.shown.setText("")
        show_empty(self.empty_hint, False)
        self._set_charts([])
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        self.shown.setText("")
        show_error(self, exc)

    def _loaded(self, loaded: Loaded) -> None:
        table = loaded.table
        selected = self.selected_code()
        self.table = table
        self.shown.setText(t("ui.indicators.shown", start=format_date(table.start),
                             end=format_date(table.end)))
        self.tree.clear()
        for stage in STAGES:
            results = [r for r in table.results if r.definition.stage == stage]
            if not results:
                continue
            heading = QTreeWidgetItem([t(f"indicator.stage.{stage.value}")])
            heading.setFirstColumnSpanned(True)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(heading)
            heading.setFirstColumnSpanned(True)
            for result in results:
                item = self._row(result)
                self.tree.addTopLevelItem(item)
                if result.code == selected:
                    self.tree.setCurrentItem(item)
        self._fit_tree()
        self._set_charts(chart_data(table, loaded.extras))
        show_empty(self.empty_hint, all(r.n == 0 for r in table.results))
        self._selection_changed()
        self.loaded.emit(table)

    def _row(self, result: IndicatorResult) -> QTreeWidgetItem:
        unit = result.definition.unit
        if result.withheld:
            texts = [indicator_name(result), t("ui.indicators.withheld"), EMPTY, EMPTY, EMPTY]
        else:
            met = {None: EMPTY, True: "✓", False: "✗"}[result.met]
            value = (format_value(result.value, unit) if result.value is not None
                     else t("ui.indicators.no_data"))
            texts = [indicator_name(result), value, format_count(result.n),
                     format_value(result.target, unit) if result.target is not None else EMPTY,
                     met]
        item = QTreeWidgetItem(["    " + texts[0], *texts[1:]])
        item.setData(0, CODE_ROLE, result.code)
        tip = about(result)
        for column in range(5):
            item.setToolTip(column, tip)
        for column in (1, 2, 3):
            item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight
                                  | Qt.AlignmentFlag.AlignVCenter)
        item.setTextAlignment(4, Qt.AlignmentFlag.AlignCenter)
        if result.withheld or result.value is None:
            for column in range(1, 5):
                item.setForeground(column, ENDED_TEXT)
        return item

    def _fit_tree(self) -> None:
        """The table shows every row (the page scrolls, not the table)."""
        rows = self.tree.topLevelItemCount()
        first = self.tree.topLevelItem(0)
        row_height = 0 if first is None else self.tree.visualItemRect(first).height()
        if row_height <= 0:  # not laid out yet
            row_height = self.tree.fontMetrics().height() + 4
        self.tree.setFixedHeight(self.tree.header().sizeHint().height() + rows * row_height
                                 + 2 * self.tree.frameWidth() + 2)

    def _set_charts(self, specs: list[ChartSpec]) -> None:
        for widget in self.charts:
            self.chart_grid.removeWidget(widget)
            widget.deleteLater()
        self.charts = []
        for index, spec in enumerate(specs):
            chart = ChartWidget(spec)
            self.chart_grid.addWidget(chart, index // 2, index % 2)
            self.charts.append(chart)
        self.no_charts.setVisible(not specs and self.table is not None)

    # -- the selected row ---------------------------------------------------------------------
    def selected_code(self) -> str | None:
        item = self.tree.currentItem()
        code = None if item is None else item.data(0, CODE_ROLE)
        return code if isinstance(code, str) else None

    def selected(self) -> IndicatorResult | None:
        code = self.selected_code()
        return None if code is None or self.table is None else self.table.get(code)

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.list_button.setEnabled(chosen)
        self.target_button.setEnabled(chosen)

    def open_list(self) -> None:
        result = self.selected()
        if result is None:
            return
        name = indicator_name(result)
        if result.withheld:
            QMessageBox.information(self, name, t("ui.indicators.list.withheld"))
            return
        if result.code in NOT_PEOPLE:
            QMessageBox.information(self, name, t("ui.indicators.list.not_people"))
            return
        if not self.actor.may(Permission.VIEW_ALL_PARTICIPANTS):
            QMessageBox.information(self, name, t("ui.indicators.list.counts_only",
                                                  count=len(result.participants)))
            return
        ids = sorted(result.participants)
        participants = self.services.participants
        self.runner.run(lambda: participants.rows_by_ids(ids),
                        lambda rows: self._show_list(name, rows), self._failed)

    def _show_list(self, name: str, rows: list[ParticipantRow]) -> None:
        listed = sorted((r.code, r.full_name) for r in rows)
        self.dialog = ListDialog(name, listed, self)
        self.dialog.show()

    def set_target(self) -> None:
        result = self.selected()
        if result is None or self.table is None or not self.actor.may(Permission.SETTINGS):
            return
        dialog = TargetDialog(self.services, self.runner, result, self.table.start,
                              self.table.end, self)
        dialog.saved.connect(lambda _result: self.refresh())
        self.dialog = dialog
        dialog.show()
