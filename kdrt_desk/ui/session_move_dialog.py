""""Pindahkan ke…": move one proposed session to any date of the term and a start time (in
half-hours), with the conflicts the move would cause shown live; OK ("Pindahkan") stays
disabled while there is any, or while nothing changed.

The dialog only asks: ``check(day, start)`` (the Penjadwalan tab's) says what the move would
break, in the UI language; ``target()`` is what was chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.i18n import format_time, t
from kdrt_desk.ui.form_widgets import from_qdate, to_qdate
from kdrt_desk.ui.schedule_week_grid import FIRST_HOUR, LAST_HOUR, SLOT_MINUTES, at_minutes
from kdrt_desk.ui.widgets.forms import date_edit, plain
from kdrt_desk.ui.widgets.look import ERROR, OK, STRONG, mark

MAX_SHOWN = 6  # conflicts listed; the rest counted


class SessionMoveDialog(QDialog):
    """Asks where session ``title`` (``minutes`` long, now at ``day`` ``start``) goes."""

    def __init__(self, title: str, day: date, start: time, minutes: int, first: date,
                 last: date, check: Callable[[date, time], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.schedule.move_title"))
        self.original = (day, start)
        self.check = check
        self.conflicts: list[str] = []
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the text
        heading = mark(QLabel(title), STRONG)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.date_edit = date_edit(day)
        self.date_edit.setDateRange(to_qdate(first), to_qdate(last))
        self.time_box = QComboBox()
        for total in range(FIRST_HOUR * 60, LAST_HOUR * 60 - minutes + 1, SLOT_MINUTES):
            self.time_box.addItem(format_time(at_minutes(total)), total)  # minutes: Qt keeps
        self.time_box.setCurrentIndex(max(self.find_start(start), 0))      # an int as it is
        form.addRow(t("ui.schedule.move_date"), self.date_edit)
        form.addRow(t("ui.schedule.move_start"), self.time_box)
        layout.addLayout(form)
        self.result_label = plain(QLabel())
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumWidth(480)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        ok = self.ok_button
        ok.setText(t("ui.schedule.move_ok"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(t("ui.form.cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.date_edit.dateChanged.connect(lambda _d: self._recheck())
        self.time_box.currentIndexChanged.connect(lambda _i: self._recheck())
        self._recheck()

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def find_start(self, start: time) -> int:
        """The row of ``start`` in the time list (-1 when it is not a half-hour there)."""
        return self.time_box.findData(start.hour * 60 + start.minute)

    def target(self) -> tuple[date, time]:
        value = self.time_box.currentData()
        start = at_minutes(value) if isinstance(value, int) else self.original[1]
        return from_qdate(self.date_edit.date()), start

    def _recheck(self) -> None:
        """What the chosen date and time would break, said at once."""
        target = self.target()
        self.conflicts = [] if target == self.original else self.check(*target)
        if target == self.original:
            text, look = t("ui.schedule.move_same"), STRONG
        elif self.conflicts:
            shown = self.conflicts[:MAX_SHOWN]
            more = len(self.conflicts) - len(shown)
            lines = [t("ui.schedule.move_conflicts", count=len(self.conflicts)), *shown]
            if more:
                lines.append(t("ui.schedule.move_more", count=more))
            text, look = "\n".join(lines), ERROR
        else:
            text, look = t("ui.schedule.move_free"), OK
        mark(self.result_label, look)
        label = self.result_label
        label.setText(text)
        # a wrapped label does not grow its dialog by itself: ask for the height it needs
        width = max(label.width(), label.minimumWidth())
        label.setMinimumHeight(max(label.heightForWidth(width),
                                   label.fontMetrics().lineSpacing() * 3))
        self.ok_button.setEnabled(target != self.original and not self.conflicts)
