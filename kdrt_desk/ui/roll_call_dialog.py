"""Keyboard-first roll-call: one letter marks the current member, saves it, and moves on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.training import (
    MARK_KEYS,
    AttendanceMark,
    RollCallRow,
    SessionStatus,
    SessionView,
)
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, format_time, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import plain
from kdrt_desk.ui.widgets.look import (
    ABSENT,
    EXCUSED,
    HINT,
    LATE,
    PANEL,
    PRESENT,
    STRONG,
    mark,
)
from kdrt_desk.ui.widgets.tables import fit_columns, read_only
from kdrt_desk.wiring import Services

COLUMNS = ("number", "code", "name", "mark", "reason")
MARK_COLOURS = {AttendanceMark.PRESENT: PRESENT, AttendanceMark.LATE: LATE,
                AttendanceMark.EXCUSED: EXCUSED, AttendanceMark.ABSENT: ABSENT}


class RollCallTable(QTableWidget):
    """A table whose letter keys mark the current row instead of jumping to a matching name."""

    mark_key = Signal(object)  # AttendanceMark

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        extra = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier
                                      | Qt.KeyboardModifier.KeypadModifier)
        plain = extra == Qt.KeyboardModifier.NoModifier
        mark = MARK_KEYS.get(event.text().lower()) if plain and event.text() else None
        if mark is not None:
            event.accept()
            self.mark_key.emit(mark)
            return
        super().keyPressEvent(event)


class ReasonEdit(QLineEdit):
    """The inline reason of an excused absence: Enter saves, Escape goes back to the table."""

    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class RollCallDialog(QDialog):
    """Marks are saved one by one as they are given (through the task runner, in order)."""

    loaded = Signal(int)  # rows shown
    mark_saved = Signal(int)  # participant id

    def __init__(self, services: Services, runner: TaskRunner, session_id: int,
                 parent: QWidget | None = None, preferred_names: bool = False) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.session_id = session_id
        self.preferred_names = preferred_names
        self.rows: list[RollCallRow] = []
        self.view: SessionView | None = None
        self.read_only = True
        self.pending = 0  # marks sent but not yet saved
        self.saved_count = 0
        self.excuse_row = -1
        self.may_take = services.vault.actor.may(Permission.TAKE_ATTENDANCE)
        self.setWindowTitle(t("ui.rollcall.title"))

        self.heading = plain(QLabel(t("ui.rollcall.loading")))
        self.heading.setWordWrap(True)
        mark(self.heading, STRONG)
        self.legend = QLabel(t("ui.rollcall.legend"))
        self.legend.setWordWrap(True)
        mark(self.legend, HINT)
        self.refusal = ErrorLabel()
        self.table = RollCallTable(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(f"ui.rollcall.col_{c}") for c in COLUMNS])
        read_only(self.table, row_height=28)
        self.table.setAlternatingRowColors(False)
        self.table.mark_key.connect(self.mark_current)

        self.reason_box = mark(QFrame(), PANEL)
        self.reason_label = plain(QLabel())
        self.reason_label.setWordWrap(True)
        self.reason = ReasonEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(t("ui.rollcall.reason_placeholder"))
        self.reason.returnPressed.connect(self.save_excuse)
        self.reason.cancelled.connect(self.close_excuse)
        self.reason_save = QPushButton(t("ui.rollcall.reason_save"))
        self.reason_save.clicked.connect(self.save_excuse)
        self.reason_error = ErrorLabel()
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason, 1)
        reason_row.addWidget(self.reason_save)
        reason_layout = QVBoxLayout(self.reason_box)
        reason_layout.addWidget(self.reason_label)
        reason_layout.addLayout(reason_row)
        reason_layout.addWidget(self.reason_error)
        self.reason_box.hide()

        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.message = ErrorLabel()
        self.rest_button = QPushButton(t("ui.rollcall.rest_present"))
        self.rest_button.setToolTip(t("ui.rollcall.rest_present_hint"))
        self.rest_button.clicked.connect(self.mark_rest_present)
        self.rest_button.setVisible(self.may_take)
        self.rest_button.setAutoDefault(False)
        self.close_button = QPushButton(t("ui.rollcall.close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counts, 1)
        buttons.addWidget(self.rest_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        layout.addWidget(self.refusal)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.reason_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 560)
        self._set_read_only(True)
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        sessions, attendance = self.services.sessions, self.services.attendance
        session_id, preferred = self.session_id, self.preferred_names
        self.runner.run(lambda: (sessions.get(session_id),
                                 attendance.roll_call(session_id, preferred)),
                        self._loaded, self._load_failed)

    def _loaded(self, found: tuple[SessionView, list[RollCallRow]]) -> None:
        view, rows = found
        self.view = view
        times = (f"{format_time(view.start_time)}–{format_time(view.end_time)}"
                 if view.start_time and view.end_time else "")
        self.heading.setText(t("ui.rollcall.heading", module=f"{view.module_code} "
                               f"{view.module_title}", group=view.group_name,
                               date=format_date(view.session_date), time=times))
        refusal = ""
        if view.status == SessionStatus.CANCELLED:
            refusal = t("error.attendance_cancelled_session")
        elif view.session_date is not None and view.session_date > date.today():
            refusal = t("error.attendance_future_session")
        elif not self.may_take:
            refusal = t("ui.rollcall.read_only")
        self.refusal.show_message(refusal)
        current = max(self.table.currentRow(), 0)
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row in range(len(rows)):
            self._show_row(row)
        self._fit_columns()
        self._set_read_only(bool(refusal))
        if rows:
            self.table.setCurrentCell(min(current, len(rows) - 1), 2)
        self._show_counts()
        self.table.setFocus()
        self.loaded.emit(len(rows))

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.refusal.show_message(exc.message)
            self._set_read_only(True)
        else:
            show_error(self, exc)

    def _set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.rest_button.setEnabled(not read_only)
        self.legend.setVisible(not read_only)

    def _fit_columns(self) -> None:
        """The number, the code and the mark whole (in the font shown, large text too, and
        room for every mark she may give); the name gives up width first, the reason takes
        the rest."""
        marks = [label(kind) for kind in AttendanceMark] + [t("ui.rollcall.not_marked")]
        fit_columns(self.table, widest=360, keep=(0, 1, 3), samples={0: ["000"], 3: marks})

    def _show_row(self, row: int) -> None:
        entry = self.rows[row]
        mark = label(entry.mark) if entry.mark is not None else t("ui.rollcall.not_marked")
        values = (str(row + 1), entry.code, entry.name, mark, entry.reason)
        colour = MARK_COLOURS.get(entry.mark) if entry.mark is not None else None
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if colour is not None and column == 3:
                item.setBackground(colour)
            self.table.setItem(row, column, item)

    def _show_counts(self) -> None:
        tally = dict.fromkeys(AttendanceMark, 0)
        for entry in self.rows:
            if entry.mark is not None:
                tally[entry.mark] += 1
        missing = sum(entry.mark is None for entry in self.rows)
        self.counts.setText(t("ui.rollcall.counts", present=tally[AttendanceMark.PRESENT],
                              late=tally[AttendanceMark.LATE],
                              excused=tally[AttendanceMark.EXCUSED],
                              absent=tally[AttendanceMark.ABSENT], missing=missing))

    # -- marking ----------------------------------------------------------------------------
    def mark_current(self, mark: AttendanceMark) -> None:
        """The letter typed on the table: mark the current row (izin first asks the reason)."""
        row = self.table.currentRow()
        if self.read_only or not 0 <= row < len(self.rows):
            return
        if mark == AttendanceMark.EXCUSED:
            self.open_excuse(row)
            return
        self._save(row, mark, "")

    def open_excuse(self, row: int) -> None:
        self.excuse_row = row
        entry = self.rows[row]
        self.reason_label.setText(t("ui.rollcall.reason_question", name=entry.name))
        self.reason.setText(entry.reason if entry.mark == AttendanceMark.EXCUSED else "")
        self.reason_error.show_message("")
        self.reason_box.show()
        self.reason.setFocus()

    def save_excuse(self) -> None:
        row = self.excuse_row
        if not 0 <= row < len(self.rows):
            return
        reason = " ".join(self.reason.text().split())
        if not reason:
            self.reason_error.show_message(t("error.excuse_reason_required"))
            self.reason.setFocus()
            return
        self.close_excuse()
        self._save(row, AttendanceMark.EXCUSED, reason)

    def close_excuse(self) -> None:
        self.excuse_row = -1
        self.reason_box.hide()
        self.reason_error.show_message("")
        self.table.setFocus()

    def _save(self, row: int, mark: AttendanceMark, reason: str) -> None:
        entry = self.rows[row]
        self.rows[row] = replace(entry, mark=mark, reason=reason)
        self._show_row(row)
        self._show_counts()
        self.message.show_message("")
        if row + 1 < len(self.rows):
            self.table.setCurrentCell(row + 1, self.table.currentColumn())
        self.pending += 1
        attendance, session_id, pid = self.services.attendance, self.session_id, \
            entry.participant_id
        self.runner.run(lambda: attendance.mark(session_id, pid, mark, reason),
                        lambda _r: self._saved(pid), self._mark_failed)

    def _saved(self, participant_id: int) -> None:
        self.pending -= 1
        self.saved_count += 1
        self.mark_saved.emit(participant_id)

    def _mark_failed(self, exc: BaseException) -> None:
        self.pending -= 1
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)
        self.reload()  # show what is really stored

    def mark_rest_present(self) -> None:
        if self.read_only:
            return
        self.pending += 1
        attendance, session_id = self.services.attendance, self.session_id

        def done(count: int) -> None:
            self.pending -= 1
            self.saved_count += count
            self.message.show_message("")
            self.reload()

        self.runner.run(lambda: attendance.mark_rest_present(session_id), done,
                        self._mark_failed)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Escape closes the reason editor first; Enter does not close the dialog."""
        if event.key() == Qt.Key.Key_Escape and not self.reason_box.isHidden():
            self.close_excuse()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
