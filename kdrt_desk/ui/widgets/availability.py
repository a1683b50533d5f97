"""Availability fields the facilitator and venue dialogs share: hours per weekday, a list of
dates, and a limit that may be "no limit"."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.availability import Hours
from kdrt_desk.i18n import format_date, t
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.errors import ErrorLabel, FieldErrors
from kdrt_desk.ui.widgets.forms import date_edit

DEFAULT_HOURS = (time(8, 0), time(16, 0))


def time_edit(value: time) -> QTimeEdit:
    editor = QTimeEdit(QTime(value.hour, value.minute))
    editor.setDisplayFormat("HH:mm")
    editor.setMinimumWidth(72)
    return editor


def from_qtime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class WeeklyHours(QWidget):
    """A check box per weekday with from/to times, Monday to Thursday beside Friday to Sunday;
    no box ticked is "{}"."""

    def __init__(self, hours: Mapping[int, Hours], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[int, tuple[QCheckBox, QTimeEdit, QTimeEdit]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for day in range(7):
            span = hours.get(day)
            box = QCheckBox(t(f"calendar.weekday.{day}"))
            box.setChecked(span is not None)
            start = time_edit(span.start if span else DEFAULT_HOURS[0])
            end = time_edit(span.end if span else DEFAULT_HOURS[1])
            for editor in (start, end):
                editor.setEnabled(span is not None)
                box.toggled.connect(editor.setEnabled)
            row, first = day % 4, (day // 4) * 5
            grid.addWidget(box, row, first)
            grid.addWidget(start, row, first + 1)
            grid.addWidget(QLabel(t("ui.availability.to")), row, first + 2)
            grid.addWidget(end, row, first + 3)
            self.days[day] = (box, start, end)
        grid.setColumnMinimumWidth(4, 16)
        grid.setColumnStretch(9, 1)

    def value(self) -> dict[int, Hours]:
        return {day: Hours(from_qtime(start.time()), from_qtime(end.time()))
                for day, (box, start, end) in self.days.items() if box.isChecked()}


class DateList(QWidget):
    """Dates in a list, added with a date editor and removed one by one."""

    def __init__(self, days: Iterable[date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dates = QListWidget()
        self.dates.setMinimumHeight(70)
        self.dates.setMaximumHeight(96)
        self.editor = date_edit()
        self.add_button = QPushButton(t("ui.availability.add_date"))
        self.remove_button = QPushButton(t("ui.availability.remove_date"))
        self.add_button.clicked.connect(lambda: self.add(from_qdate(self.editor.date())))
        self.remove_button.clicked.connect(self.remove_selected)
        self.dates.itemSelectionChanged.connect(self._update)
        side = QVBoxLayout()
        side.addWidget(self.editor)
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.dates, 1)
        row.addLayout(side)
        for day in sorted(set(days)):
            self.add(day)
        self._update()

    def add(self, day: date) -> None:
        if day in self.value():
            return
        item = QListWidgetItem(format_date(day))
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        kept = sorted(self.value() | {day})
        self.dates.insertItem(kept.index(day), item)
        self._update()

    def remove_selected(self) -> None:
        for item in self.dates.selectedItems():
            self.dates.takeItem(self.dates.row(item))
        self._update()

    def _update(self) -> None:
        self.remove_button.setEnabled(bool(self.dates.selectedItems()))

    def value(self) -> set[date]:
        return {date.fromisoformat(str(self.dates.item(i).data(Qt.ItemDataRole.UserRole)))
                for i in range(self.dates.count())}


def limit_spin(value: int | None, high: int) -> QSpinBox:
    """0 shows "tanpa batas" (no limit); up to ``high`` sessions."""
    spin = QSpinBox()
    spin.setRange(0, high)
    spin.setSpecialValueText(t("ui.availability.no_limit"))
    spin.setSuffix(t("ui.availability.sessions_suffix"))
    spin.setValue(value or 0)
    spin.setMinimumWidth(140)
    return spin


def limit_value(spin: QSpinBox) -> int | None:
    return spin.value() or None


def limits_row(errors: FieldErrors, per_day: QSpinBox, per_week: QSpinBox) -> QWidget:
    """"[2 sesi] per hari   [4 sesi] per minggu", each with its own error beneath."""
    row = QWidget()
    line = QHBoxLayout(row)
    line.setContentsMargins(0, 0, 0, 0)
    for field, spin, text in (("max_per_day", per_day, t("ui.availability.per_day")),
                              ("max_per_week", per_week, t("ui.availability.per_week"))):
        cell = QVBoxLayout()
        cell.setSpacing(2)
        pair = QHBoxLayout()
        pair.addWidget(spin)
        pair.addWidget(QLabel(text))
        cell.addLayout(pair)
        error = ErrorLabel()
        error.setBuddy(spin)
        errors.labels[field] = error
        cell.addWidget(error)
        line.addLayout(cell)
        line.addSpacing(16)
    line.addStretch(1)
    return row
