"""A participant's screenings and decisions, as a tab of her form, with the actions per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import DecisionOutcome, RiskLevel
from kdrt_desk.domain.screening import DecisionRecord, ScreeningRecord
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.decision_dialog import DecisionDialog
from kdrt_desk.ui.register_model import HIGH_RISK_BACKGROUND, HIGH_RISK_TEXT
from kdrt_desk.ui.screening_dialog import ScreeningDialog
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.look import HINT, PENDING_TEXT, mark, primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

PENDING_COLOUR = PENDING_TEXT
D = TypeVar("D", ScreeningDialog, DecisionDialog)


@dataclass(frozen=True)
class ScreeningLine:
    """One screening with its current decision (None while undecided)."""

    screening: ScreeningRecord
    decision: DecisionRecord | None


def awaiting_confirmation(decision: DecisionRecord) -> bool:
    """Only a rejection waits for a second person."""
    return decision.outcome == DecisionOutcome.NOT_ELIGIBLE and decision.confirmed_by is None


def decision_text(decision: DecisionRecord | None) -> str:
    if decision is None:
        return t("ui.screening.list.undecided")
    text = label(decision.outcome)
    if decision.outcome == DecisionOutcome.WAITLISTED and decision.priority is not None:
        text = t("ui.screening.list.waitlisted_priority", outcome=text,
                 priority=decision.priority)
    elif decision.outcome == DecisionOutcome.NOT_ELIGIBLE and decision.reason_code is not None:
        text = f"{text}: {label(decision.reason_code)}"
    if awaiting_confirmation(decision):
        text += " — " + t("ui.screening.list.awaiting")
    return text


def current_decisions(decisions: list[DecisionRecord]) -> dict[int, DecisionRecord]:
    """The decision in force per screening (a later decision replaces an earlier one)."""
    return {d.screening_id: d for d in sorted(decisions, key=lambda d: d.id) if d.current}


class ScreeningTab(QWidget):
    """Newest screening first; dialogs open non-blocking and refresh the list when saved."""

    loaded = Signal(int)  # screenings shown
    changed = Signal()  # a screening or decision was saved (status and timeline may change)
    routine_wanted = Signal()  # a screening's barriers asked for her weekly routine

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.lines: list[ScreeningLine] = []
        self.dialogs: list[ScreeningDialog | DecisionDialog] = []
        self.hidden_dialogs: list[ScreeningDialog | DecisionDialog] = []
        self._watched: QWidget | None = None
        actor = services.vault.actor
        self.may_screen = actor.may(Permission.SCREEN)
        self.may_decide = actor.may(Permission.DECIDE)
        self.show_risk = actor.may(Permission.VIEW_RESTRICTED)
        self.columns = ("date", "assessor", "score", *(("risk",) if self.show_risk else ()),
                        "decision")

        intro = QLabel(t("ui.screening.list.intro"))
        intro.setWordWrap(True)
        mark(intro, HINT)
        self.new_button = primary(QPushButton(t("ui.screening.list.new")))
        self.new_button.setVisible(self.may_screen)
        self.new_button.clicked.connect(self.open_new_screening)
        self.open_button = QPushButton(t("ui.screening.list.open"))
        self.open_button.clicked.connect(self.open_selected_screening)
        self.decide_button = QPushButton(t("ui.screening.list.decide"))
        self.decide_button.setVisible(self.may_decide)
        self.decide_button.clicked.connect(self.open_decision)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.decide_button)
        buttons.addStretch(1)

        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([t(f"ui.screening.list.col_{c}")
                                              for c in self.columns])
        read_only(self.table)
        widths = {"date": 140, "assessor": 110, "score": 60, "risk": 100}
        for column, name in enumerate(self.columns):
            self.table.setColumnWidth(column, widths.get(name, 200))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.open_selected_screening())

        self.message = ErrorLabel()
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_buttons()
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for her screenings and decisions again; older answers are dropped."""
        screening, decisions, pid = (self.services.screening, self.services.decisions,
                                     self.participant_id)

        def load() -> list[ScreeningLine]:
            latest = current_decisions(decisions.for_participant(pid))
            return [ScreeningLine(s, latest.get(s.id)) for s in screening.for_participant(pid)]

        self.runner.run(load, self._show, self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every row and hide the open dialogs (used when the app locks)."""
        self.hide_dialogs()
        self.runner.drop((self, "list"))
        self.lines = []
        self.table.setRowCount(0)
        self.count_label.clear()
        self._update_buttons()

    def _show(self, lines: list[ScreeningLine]) -> None:
        chosen = self.selected()
        self.lines = sorted(lines, key=lambda line: (line.screening.screened_on is not None,
                                                     line.screening.screened_on,
                                                     line.screening.id), reverse=True)
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            record = line.screening
            values = {"date": format_date(record.screened_on), "assessor": record.assessor,
                      "score": str(record.score), "risk": self._risk_text(record),
                      "decision": decision_text(line.decision)}
            high = self.show_risk and self._risk(record) == RiskLevel.HIGH
            for column, name in enumerate(self.columns):
                item = QTableWidgetItem(values[name])
                item.setToolTip(values[name])
                if high:
                    item.setBackground(QBrush(HIGH_RISK_BACKGROUND))
                    item.setForeground(QBrush(HIGH_RISK_TEXT))
                elif (name == "decision" and line.decision is not None
                      and awaiting_confirmation(line.decision)):
                    item.setForeground(QBrush(PENDING_COLOUR))
                if name == "score":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if chosen is not None and record.id == chosen.screening.id:
                self.table.selectRow(row)
        if self.selected() is None and self.lines:
            self.table.selectRow(0)  # the newest screening is the one usually wanted
        if not self.lines:
            self.count_label.setText(t("ui.screening.list.none"))
        else:
            self.count_label.setText(t("ui.screening.list.count", count=len(self.lines)))
        self.message.show_message("")
        self._update_buttons()
        self.loaded.emit(len(self.lines))

    def _risk(self, record: ScreeningRecord) -> RiskLevel | None:
        return record.visible_risk if self.show_risk else None

    def _risk_text(self, record: ScreeningRecord) -> str:
        risk = self._risk(record)
        if risk is None:
            return ""
        return f"⚠ {label(risk)}" if risk == RiskLevel.HIGH else label(risk)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def selected(self) -> ScreeningLine | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.lines):
            return None
        return self.lines[rows[0].row()]

    def select_screening(self, screening_id: int) -> None:
        for row, line in enumerate(self.lines):
            if line.screening.id == screening_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(chosen is not None)
        self.decide_button.setEnabled(chosen is not None)
        if chosen is not None and chosen.decision is not None:
            self.decide_button.setToolTip(t("ui.screening.list.decide_again_hint"))
        else:
            self.decide_button.setToolTip("")

    # -- dialogs ----------------------------------------------------------------------------
    def open_new_screening(self) -> ScreeningDialog | None:
        if not self.may_screen:
            return None
        return self._show_dialog(ScreeningDialog(self.services, self.runner,
                                                 self.participant_id, None, self))

    def open_selected_screening(self) -> ScreeningDialog | None:
        chosen = self.selected()
        if chosen is None:
            return None
        return self._show_dialog(ScreeningDialog(self.services, self.runner,
                                                 self.participant_id, chosen.screening.id,
                                                 self))

    def open_decision(self) -> DecisionDialog | None:
        chosen = self.selected()
        if chosen is None or not self.may_decide:
            return None
        dialog = DecisionDialog(self.services, self.runner, chosen.screening.id, self)
        return self._show_dialog(dialog)

    def _show_dialog(self, dialog: D) -> D:
        self._follow_window()
        dialog.saved.connect(self._saved)
        if isinstance(dialog, ScreeningDialog):
            dialog.routine_wanted.connect(self.routine_wanted)
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialogs.append(dialog)
        dialog.show()
        return dialog

    def _forget(self, dialog: ScreeningDialog | DecisionDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        if dialog in self.hidden_dialogs:
            self.hidden_dialogs.remove(dialog)
        dialog.deleteLater()

    def _follow_window(self) -> None:
        """Dialogs are windows of their own: hide them with the form (the app locks) and
        bring them back with it."""
        window = self.window()
        if window is self or window is self._watched:
            return
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._watched:
            if event.type() == QEvent.Type.Hide:
                self.hide_dialogs()
            elif event.type() == QEvent.Type.Show:
                self.show_dialogs()
        return super().eventFilter(watched, event)

    def hide_dialogs(self) -> None:
        """Hide the open dialogs, keeping what was typed (used when the app locks)."""
        for dialog in self.dialogs:
            if dialog.isVisible():
                self.hidden_dialogs.append(dialog)
                dialog.hide()

    def show_dialogs(self) -> None:
        for dialog in self.hidden_dialogs:
            dialog.show()
        self.hidden_dialogs = []

    def _saved(self, _record: object) -> None:
        self.changed.emit()
        self.refresh()
