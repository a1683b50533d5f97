"""The calendar settings: the day's hours, the Ramadan day, the centre's closures, the confirmed
Ramadan and Idul Fitri dates per year, and prayer-time adjustments and windows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.i18n import format_date, format_time, t
from kdrt_desk.scheduling.calendar import (
    RAMADAN_DAYS,
    CalendarSettings,
    Closure,
    IslamicDates,
    TermCalendar,
)
from kdrt_desk.scheduling.prayer import PRAYERS, prayer_day
from kdrt_desk.services.calendar import REASON_LIMIT
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.availability import from_qtime, time_edit
from kdrt_desk.ui.widgets.forms import (
    as_typed,
    date_edit,
    fit_height,
    hint_label,
    new_form,
    plain,
    screen_room,
)
from kdrt_desk.ui.widgets.look import SECTION, STRONG, mark
from kdrt_desk.wiring import Services

YEARS_AHEAD = 2  # this year and the next two get a row for Ramadan and Idul Fitri


@dataclass(frozen=True)
class Estimate:
    """What the national tables say of one year, before the admin's word."""

    year: int
    idul_fitri: date | None
    ramadan_start: date | None
    estimated: bool


def estimates(years: list[int]) -> list[Estimate]:
    """Each year's Idul Fitri and Ramadan start from the tables alone (no confirmations)."""
    found = []
    for year in years:
        plain_year = TermCalendar(date(year, 1, 1), date(year, 12, 31), CalendarSettings())
        fitri = next((h for h in plain_year.holidays
                      if h.is_idul_fitri and h.day.year == year), None)
        fast = next((r for r in plain_year.ramadan if r.end.year == year and fitri is not None
                     and (fitri.day - r.end).days == 1), None)
        found.append(Estimate(year, fitri.day if fitri else None,
                              fast.start if fast else None,
                              fitri.estimated if fitri else True))
    return found


def pair(first: QWidget, second: QWidget) -> QWidget:
    """"08:00 sampai 17:00" in one row."""
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(first)
    line.addWidget(QLabel(t("ui.calendar.from_to")))
    line.addWidget(second)
    line.addStretch(1)
    return row


def minutes_spin(value: int, low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(t("ui.calendar.minutes"))
    spin.setMinimumWidth(100)
    return spin


class YearRow:
    """One year's Idul Fitri and 1 Ramadan: the estimate shown, the admin's dates to tick."""

    def __init__(self, estimate: Estimate, confirmed: IslamicDates | None) -> None:
        self.estimate = estimate
        self.year = plain(QLabel(str(estimate.year)))
        mark(self.year, STRONG)
        if estimate.idul_fitri is None:
            text = t("ui.calendar.no_estimate")
        elif estimate.estimated:
            text = t("ui.calendar.estimate", fitri=format_date(estimate.idul_fitri),
                     start=format_date(estimate.ramadan_start))
        else:
            text = t("ui.calendar.decreed", fitri=format_date(estimate.idul_fitri))
        self.shown = hint_label(text)
        fitri = (confirmed.idul_fitri if confirmed else estimate.idul_fitri
                 or date(estimate.year, 1, 1))
        start = (confirmed.ramadan_start if confirmed and confirmed.ramadan_start
                 else estimate.ramadan_start or fitri - timedelta(days=RAMADAN_DAYS))
        self.fitri_box = QCheckBox(t("ui.calendar.confirm_fitri"))
        self.fitri = date_edit(fitri)
        self.ramadan_box = QCheckBox(t("ui.calendar.confirm_ramadan"))
        self.ramadan = date_edit(start)
        self.fitri_box.toggled.connect(self._update)
        self.ramadan_box.toggled.connect(self._update)
        self.fitri_box.setChecked(confirmed is not None)
        self.ramadan_box.setChecked(confirmed is not None and confirmed.ramadan_start is not None)
        self._update()

    def _update(self) -> None:
        on = self.fitri_box.isChecked()
        self.fitri.setEnabled(on)
        self.ramadan_box.setEnabled(on)
        self.ramadan.setEnabled(on and self.ramadan_box.isChecked())

    def value(self) -> IslamicDates | None:
        if not self.fitri_box.isChecked():
            return None
        start = from_qdate(self.ramadan.date()) if self.ramadan_box.isChecked() else None
        return IslamicDates(from_qdate(self.fitri.date()), start)


class CalendarSettingsDialog(FormDialog):
    """Loads the settings and the years' estimates, then saves the whole set in one call."""

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)
        self.setWindowTitle(t("ui.calendar.settings_title"))
        self.current = CalendarSettings()
        self.rows: dict[int, YearRow] = {}
        self.form = new_form()  # two columns: the day and closures; Ramadan and prayers
        self.left, self.right = new_form(), new_form()
        columns = QWidget()
        self.beside = beside = QHBoxLayout(columns)
        beside.setContentsMargins(0, 0, 0, 0)
        beside.setSpacing(24)
        for half in (self.left, self.right):
            column = QVBoxLayout()
            column.addLayout(half)
            column.addStretch(1)  # rows keep their height, the room goes below
            beside.addLayout(column, 1)
        self.form.addRow(columns)
        s = self.current

        self.day_start, self.day_end = time_edit(s.day_start), time_edit(s.day_end)
        self.ramadan_end = time_edit(s.ramadan_day_end)
        self.cooking_start = time_edit(s.ramadan_cooking_free[0])
        self.cooking_end = time_edit(s.ramadan_cooking_free[1])
        ramadan_row = QWidget()
        line = QHBoxLayout(ramadan_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.ramadan_end)
        line.addStretch(1)
        self._section(self.left, t("ui.calendar.section_day"))
        self.add_field(self.left, t("ui.calendar.day_hours"), "day_end",
                       pair(self.day_start, self.day_end))
        self.add_field(self.left, t("ui.calendar.ramadan_end"), "ramadan_day_end", ramadan_row,
                       hint=t("ui.calendar.ramadan_end_hint"))
        self.add_field(self.left, t("ui.calendar.cooking_free"), "ramadan_cooking_free",
                       pair(self.cooking_start, self.cooking_end),
                       hint=t("ui.calendar.cooking_free_hint"))

        self._section(self.left, t("ui.calendar.section_closures"))
        self.add_field(self.left, t("ui.calendar.closures"), "closures", self._closures_box())

        self._section(self.right, t("ui.calendar.section_islamic"))
        self.years_box = QWidget()
        self.years_grid = QGridLayout(self.years_box)
        self.years_grid.setContentsMargins(0, 0, 0, 0)
        self.years_grid.setVerticalSpacing(4)
        self.add_field(self.right, t("ui.calendar.islamic"), "islamic", self.years_box,
                       hint=t("ui.calendar.islamic_hint"))

        self._section(self.right, t("ui.calendar.section_prayer"))
        self.adjustments: dict[str, QSpinBox] = {}
        adjust_box = QWidget()
        adjust_grid = QGridLayout(adjust_box)
        adjust_grid.setContentsMargins(0, 0, 0, 0)
        for index, name in enumerate(PRAYERS):
            spin = minutes_spin(s.prayer.adjustments.get(name, 0), -60, 60)
            spin.valueChanged.connect(lambda _v: self._preview())
            self.adjustments[name] = spin
            adjust_grid.addWidget(QLabel(t(f"calendar.prayer.{name}")), index // 3,
                                  (index % 3) * 2)
            adjust_grid.addWidget(spin, index // 3, (index % 3) * 2 + 1)
        adjust_grid.setColumnStretch(6, 1)
        self.add_field(self.right, t("ui.calendar.adjustments"), "adjustments", adjust_box,
                       hint=t("ui.calendar.adjustments_hint"))
        self.zuhur_after = minutes_spin(s.prayer.zuhur_after, 0, 120)
        self.asar_after = minutes_spin(s.prayer.asar_after, 0, 120)
        self.magrib_before = minutes_spin(s.prayer.magrib_before, 0, 120)
        self.magrib_after = minutes_spin(s.prayer.magrib_after, 0, 120)
        windows_box = QWidget()
        windows_grid = QGridLayout(windows_box)
        windows_grid.setContentsMargins(0, 0, 0, 0)
        for index, (key, spin) in enumerate((
                ("ui.calendar.zuhur_after", self.zuhur_after),
                ("ui.calendar.asar_after", self.asar_after),
                ("ui.calendar.magrib_before", self.magrib_before),
                ("ui.calendar.magrib_after", self.magrib_after))):
            windows_grid.addWidget(QLabel(t(key)), index // 2, (index % 2) * 2)
            windows_grid.addWidget(spin, index // 2, (index % 2) * 2 + 1)
        windows_grid.setColumnStretch(4, 1)
        self.add_field(self.right, t("ui.calendar.windows"), "windows", windows_box)
        self.friday_start = time_edit(s.prayer.friday_start)
        self.friday_end = time_edit(s.prayer.friday_end)
        self.add_field(self.right, t("ui.calendar.friday"), "friday",
                       pair(self.friday_start, self.friday_end))
        self.preview = hint_label("")
        self.right.addRow("", self.preview)

        self._arrange_columns()
        self.finish_layout(self.form, t("ui.calendar.save"), t("ui.calendar.settings_intro"),
                           width=1160, scroll=True)
        self.buttons.setEnabled(False)
        calendar = services.calendar
        today = date.today().year
        wanted = list(range(today, today + YEARS_AHEAD + 1))
        runner.run(lambda: self._load(calendar.settings(), wanted), self._loaded, self._failed)

    @staticmethod
    def _load(settings: CalendarSettings, years: list[int]
              ) -> tuple[CalendarSettings, list[Estimate]]:
        shown = sorted(set(years) | {d.idul_fitri.year for d in settings.islamic})
        return settings, estimates(shown)

    @staticmethod
    def _section(form: QFormLayout, text: str) -> None:
        heading = QLabel(text)
        mark(heading, SECTION)
        form.addRow(heading)

    def _closures_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.closures = QListWidget()
        self.closures.setMinimumHeight(70)
        self.closures.setMaximumHeight(90)
        self.closures.setWordWrap(True)  # a long reason wraps instead of running off
        self.closures.itemSelectionChanged.connect(self._update_closure_buttons)
        self.closure_start = date_edit()
        self.closure_end = date_edit()
        self.closure_reason = QLineEdit()
        self.closure_reason.setMaxLength(REASON_LIMIT)
        self.closure_reason.setPlaceholderText(t("ui.calendar.closure_reason_example"))
        self.add_closure_button = QPushButton(t("ui.calendar.add_closure"))
        self.remove_closure_button = QPushButton(t("ui.calendar.remove_closure"))
        self.add_closure_button.clicked.connect(self.add_closure)
        self.remove_closure_button.clicked.connect(self.remove_closure)
        editors = QHBoxLayout()
        editors.addWidget(QLabel(t("ui.calendar.closure_from")))
        editors.addWidget(self.closure_start)
        editors.addWidget(QLabel(t("ui.calendar.from_to")))
        editors.addWidget(self.closure_end)
        editors.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.add_closure_button)
        actions.addWidget(self.remove_closure_button)
        actions.addStretch(1)
        column.addWidget(self.closures)
        column.addLayout(editors)
        column.addWidget(self.closure_reason)
        column.addLayout(actions)
        self._update_closure_buttons()
        return box

    # -- loading ----------------------------------------------------------------------------
    def _loaded(self, found: tuple[CalendarSettings, list[Estimate]]) -> None:
        if not isValid(self):
            return
        settings, years = found
        self.current = s = settings
        for editor, value in ((self.day_start, s.day_start), (self.day_end, s.day_end),
                              (self.ramadan_end, s.ramadan_day_end),
                              (self.cooking_start, s.ramadan_cooking_free[0]),
                              (self.cooking_end, s.ramadan_cooking_free[1]),
                              (self.friday_start, s.prayer.friday_start),
                              (self.friday_end, s.prayer.friday_end)):
            editor.setTime(QTime(value.hour, value.minute))
        for name, spin in self.adjustments.items():
            spin.setValue(s.prayer.adjustments.get(name, 0))
        self.zuhur_after.setValue(s.prayer.zuhur_after)
        self.asar_after.setValue(s.prayer.asar_after)
        self.magrib_before.setValue(s.prayer.magrib_before)
        self.magrib_after.setValue(s.prayer.magrib_after)
        for closure in s.closures:
            self._list_closure(closure)
        confirmed = {d.idul_fitri.year: d for d in s.islamic}
        for index, estimate in enumerate(years):
            row = YearRow(estimate, confirmed.get(estimate.year))
            self.rows[estimate.year] = row
            self.years_grid.addWidget(row.year, index * 2, 0)
            self.years_grid.addWidget(row.shown, index * 2, 1, 1, 4)
            self.years_grid.addWidget(row.fitri_box, index * 2 + 1, 1)
            self.years_grid.addWidget(row.fitri, index * 2 + 1, 2)
            self.years_grid.addWidget(row.ramadan_box, index * 2 + 1, 3)
            self.years_grid.addWidget(row.ramadan, index * 2 + 1, 4)
        self.years_grid.setColumnStretch(5, 1)
        self._preview()
        self.buttons.setEnabled(True)
        self._arrange_columns()
        layout = self.layout()
        if layout is not None:  # the year rows came after the first layout: make room now
            layout.activate()
            self.resize(self.width(), max(self.height(), layout.totalSizeHint().height()))
        fit_height(self, within_screen=True)

    def _arrange_columns(self) -> None:
        """The two columns side by side, or one below the other when side by side they are
        wider than the screen (large text on a laptop); the form scrolls then."""
        wide = self.left.sizeHint().width() + self.right.sizeHint().width() \
            + self.beside.spacing() + 60
        self.beside.setDirection(QBoxLayout.Direction.TopToBottom
                                 if wide > screen_room(self).width()
                                 else QBoxLayout.Direction.LeftToRight)

    def _preview(self) -> None:
        """Today's prayer times with the minutes as set now (a check of the adjustments)."""
        today = date.today()
        prayer = replace(self.current.prayer,
                         adjustments={n: s.value() for n, s in self.adjustments.items()})
        times = prayer_day(today, prayer)
        self.preview.setText(t("ui.calendar.preview", date=format_date(today), times=" · ".join(
            f"{t(f'calendar.prayer.{name}')} {format_time(at)}" for name, at in times.times())))

    # -- closures ---------------------------------------------------------------------------
    def _list_closure(self, closure: Closure) -> None:
        item = QListWidgetItem(t("ui.calendar.closure_item", start=format_date(closure.start),
                                 end=format_date(closure.end), reason=closure.reason))
        item.setData(Qt.ItemDataRole.UserRole, closure)
        item.setToolTip(as_typed(item.text()))
        self.closures.addItem(item)

    def closure_list(self) -> list[Closure]:
        return [self.closures.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.closures.count())]

    def add_closure(self) -> None:
        start, end = from_qdate(self.closure_start.date()), from_qdate(self.closure_end.date())
        reason = " ".join(self.closure_reason.text().split())
        problem = ""
        if end < start:
            problem = t("error.calendar.closure_order", start=format_date(start),
                        end=format_date(end))
        elif not reason:
            problem = t("ui.calendar.closure_reason_missing")
        if problem:
            self.show_errors({"closures": problem})
            return
        self.show_errors({})
        self._list_closure(Closure(start, end, reason))
        self.closure_reason.clear()

    def remove_closure(self) -> None:
        for item in self.closures.selectedItems():
            self.closures.takeItem(self.closures.row(item))
        self._update_closure_buttons()

    def _update_closure_buttons(self) -> None:
        self.remove_closure_button.setEnabled(bool(self.closures.selectedItems()))

    # -- saving -----------------------------------------------------------------------------
    def local_errors(self) -> dict[str, str]:
        """What the settings would refuse with a bare error: checked here, said in words."""
        errors = {}
        if from_qtime(self.friday_end.time()) < from_qtime(self.friday_start.time()):
            errors["friday"] = t("ui.calendar.friday_order")
        if from_qtime(self.cooking_end.time()) <= from_qtime(self.cooking_start.time()):
            errors["ramadan_cooking_free"] = t("ui.calendar.cooking_order")
        return errors

    def submit(self) -> None:
        errors = self.local_errors()
        if errors:
            self.show_errors(errors)
            return
        base = self.current
        prayer = {"adjustments": {n: s.value() for n, s in self.adjustments.items()},
                  "zuhur_after": self.zuhur_after.value(), "asar_after": self.asar_after.value(),
                  "magrib_before": self.magrib_before.value(),
                  "magrib_after": self.magrib_after.value(),
                  "friday_start": from_qtime(self.friday_start.time()),
                  "friday_end": from_qtime(self.friday_end.time())}
        day: dict[str, object] = {
            "day_start": from_qtime(self.day_start.time()),
            "day_end": from_qtime(self.day_end.time()),
            "ramadan_day_end": from_qtime(self.ramadan_end.time()),
            "ramadan_cooking_free": (from_qtime(self.cooking_start.time()),
                                     from_qtime(self.cooking_end.time())),
            "closures": tuple(self.closure_list()),
            "islamic": tuple(d for d in (r.value() for r in self.rows.values())
                             if d is not None)}
        calendar = self.services.calendar

        def save() -> CalendarSettings:  # the settings check themselves when made: here
            made = replace(base, prayer=replace(base.prayer, **prayer), **day)  # type: ignore[arg-type]
            return calendar.save(made)

        self.run(save)

