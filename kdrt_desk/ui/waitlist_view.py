"""The waitlist by priority and waiting time, and the rejections waiting for a second person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.screening import DecisionRecord, WaitlistEntry
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.register_model import HIGH_RISK_BACKGROUND, HIGH_RISK_TEXT
from kdrt_desk.ui.widgets.column_widths import ColumnWidths
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import as_typed, plain, scrolled
from kdrt_desk.ui.widgets.look import HINT, OK, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, read_only, rows_high
from kdrt_desk.wiring import Services

Index = QModelIndex | QPersistentModelIndex
WAITLIST_COLUMNS = ("code", "name", "kecamatan", "priority", "waiting_since", "days")
PENDING_COLUMNS = ("code", "name", "reason", "decided_by", "decided_on")
WITHDRAWAL_COLUMNS = ("code", "name", "date", "by")


def waitlist_order(entry: WaitlistEntry) -> tuple[int, Any, str]:
    """Priority 1 first; within a priority, whoever has waited longest."""
    return (entry.priority, entry.waiting_since, entry.code)


def display_name(full_name: str, preferred_name: str) -> str:
    return f"{full_name} ({preferred_name})" if preferred_name else full_name


class WaitlistModel(QAbstractTableModel):
    """The waitlist, already ordered; high-risk rows tinted for roles that may see risk."""

    def __init__(self, show_risk: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = (*WAITLIST_COLUMNS, "risk") if show_risk else WAITLIST_COLUMNS
        self.entries: list[WaitlistEntry] = []

    def set_entries(self, entries: list[WaitlistEntry]) -> None:
        self.beginResetModel()
        self.entries = sorted(entries, key=waitlist_order)
        self.endResetModel()

    def entry_at(self, row: int) -> WaitlistEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = self.columns[index.column()]
        high = entry.risk_level == RiskLevel.HIGH
        if role == Qt.ItemDataRole.BackgroundRole:
            return HIGH_RISK_BACKGROUND if high else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return HIGH_RISK_TEXT if high else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("priority", "days"):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            return display_name(entry.full_name, entry.preferred_name)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "code":
            return entry.code
        if column == "name":
            return display_name(entry.full_name, entry.preferred_name)
        if column == "kecamatan":
            return entry.kecamatan
        if column == "priority":
            return str(entry.priority)
        if column == "waiting_since":
            return format_date(entry.waiting_since)
        if column == "days":
            return t("ui.screening.waitlist.days_value", days=entry.days_waiting)
        if entry.risk_level is None:
            return ""
        return f"⚠ {label(entry.risk_level)}" if high else label(entry.risk_level)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(f"ui.screening.waitlist.col_{self.columns[section]}")
        return None


@dataclass(frozen=True)
class PendingRow:
    """A rejection waiting for confirmation, with whose it is."""

    decision: DecisionRecord
    code: str
    name: str


def _table(columns: int) -> QTableWidget:
    return read_only(QTableWidget(0, columns))


class WaitlistView(QWidget):
    """``refresh()`` loads both lists; ``clear()`` forgets every name (the app locked)."""

    loaded = Signal(int)  # waitlist rows shown
    pending_loaded = Signal(int)  # rejections awaiting confirmation shown
    open_requested = Signal(int)  # participant id (double-click)
    changed = Signal()  # someone was accepted or a rejection confirmed

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.pending: list[PendingRow] = []
        actor = services.vault.actor
        self.actor = actor
        self.may_decide = actor.may(Permission.DECIDE)

        waitlist_box = QGroupBox(t("ui.screening.waitlist.title"))
        intro = QLabel(t("ui.screening.waitlist.intro"))
        intro.setWordWrap(True)
        mark(intro, HINT)
        self.model = WaitlistModel(actor.may(Permission.VIEW_RESTRICTED), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only(self.table)
        columns = self.model.columns  # sized to their text once the list arrives
        self.widths = ColumnWidths(self.table, "waitlist", actor.username,
                                   columns.index("name"),
                                   keep=[columns.index(c) for c in ("code", "risk")
                                         if c in columns])
        self.table.doubleClicked.connect(self._open_waitlisted)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.accept_button = primary(QPushButton(t("ui.screening.waitlist.accept")))
        self.accept_button.setVisible(self.may_decide)
        self.accept_button.setToolTip(t("ui.tip.waitlist.accept"))
        self.empty_hint = empty_hint(t("ui.hints.waitlist.empty"))
        self.accept_button.clicked.connect(self.accept_selected)
        self.count_label = QLabel()
        waitlist_buttons = QHBoxLayout()
        waitlist_buttons.addWidget(self.count_label, 1)
        waitlist_buttons.addWidget(self.accept_button)
        box_layout = QVBoxLayout(waitlist_box)
        box_layout.addWidget(intro)
        box_layout.addWidget(self.empty_hint)
        box_layout.addWidget(self.table, 1)
        box_layout.addLayout(waitlist_buttons)

        pending_box = QGroupBox(t("ui.screening.waitlist.pending_title"))
        pending_intro = QLabel(t("ui.screening.waitlist.pending_intro"))
        pending_intro.setWordWrap(True)
        mark(pending_intro, HINT)
        self.pending_table = _table(len(PENDING_COLUMNS))
        self.pending_table.setHorizontalHeaderLabels(
            [t(f"ui.screening.waitlist.pending_col_{c}") for c in PENDING_COLUMNS])
        self.pending_table.itemSelectionChanged.connect(self._update_buttons)
        self.pending_table.doubleClicked.connect(self._open_pending)
        self.confirm_button = QPushButton(t("ui.screening.waitlist.confirm"))
        self.confirm_button.setVisible(self.may_decide)
        self.confirm_button.setToolTip(t("ui.tip.waitlist.confirm"))
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.pending_count = QLabel()
        pending_buttons = QHBoxLayout()
        pending_buttons.addWidget(self.pending_count, 1)
        pending_buttons.addWidget(self.confirm_button)
        pending_layout = QVBoxLayout(pending_box)
        pending_layout.addWidget(pending_intro)
        pending_layout.addWidget(self.pending_table, 1)
        pending_layout.addLayout(pending_buttons)

        withdrawals_box = QGroupBox(t("ui.screening.waitlist.withdrawals_title"))
        withdrawals_intro = QLabel(t("ui.screening.waitlist.withdrawals_intro"))
        withdrawals_intro.setWordWrap(True)
        mark(withdrawals_intro, HINT)
        self.withdrawals: list[tuple[int, str, str, date | None, str | None]] = []
        self.withdrawals_table = _table(len(WITHDRAWAL_COLUMNS))
        self.withdrawals_table.setHorizontalHeaderLabels(
            [t(f"ui.screening.waitlist.withdrawal_col_{c}") for c in WITHDRAWAL_COLUMNS])
        self.withdrawals_table.doubleClicked.connect(self._open_withdrawal)
        self.withdrawals_count = QLabel()
        withdrawals_layout = QVBoxLayout(withdrawals_box)
        withdrawals_layout.addWidget(withdrawals_intro)
        withdrawals_layout.addWidget(self.withdrawals_table, 1)
        withdrawals_layout.addWidget(self.withdrawals_count)

        self.message = ErrorLabel()
        self.done_label = plain(QLabel())
        mark(self.done_label, OK)
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        # a few rows of each list always show (a large text left the waitlist one row high);
        # the page scrolls when the window is lower than that
        for shown, rows in ((self.table, 3), (self.pending_table, 2),
                            (self.withdrawals_table, 2)):
            shown.setMinimumHeight(rows_high(shown, rows))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(waitlist_box, 3)
        layout.addWidget(pending_box, 2)
        layout.addWidget(withdrawals_box, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.message)
        outer = QVBoxLayout(self)  # the page scrolls rather than make the window too high
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(page))
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for both lists; answers to older requests are dropped."""
        decisions = self.services.decisions
        self.runner.run(decisions.waitlist, self._show,
                        self._failed, latest=(self, "list"))
        self.runner.run(decisions.pending_confirmations,
                        self._show_pending, self._failed, latest=(self, "pending"))
        consent = self.services.consent
        self.runner.run(consent.pending_withdrawals,
                        self._show_withdrawals, self._failed, latest=(self, "withdrawals"))

    def clear(self) -> None:
        """Forget every row (used when the app locks)."""
        self.runner.drop((self, "list"))
        self.runner.drop((self, "pending"))
        self.runner.drop((self, "withdrawals"))
        self.model.set_entries([])
        self.pending = []
        self.pending_table.setRowCount(0)
        self.withdrawals = []
        self.withdrawals_table.setRowCount(0)
        self.withdrawals_count.clear()
        self.count_label.clear()
        self.pending_count.clear()
        show_empty(self.empty_hint, False)
        self.done_label.hide()
        self.message.show_message("")
        self._update_buttons()

    def _show(self, entries: list[WaitlistEntry]) -> None:
        self.model.set_entries(entries)
        self.widths.fit()
        self.count_label.setText(t("ui.screening.waitlist.count", count=len(entries)) if entries
                                 else t("ui.screening.waitlist.empty"))
        show_empty(self.empty_hint, not entries)
        self._update_buttons()
        self.loaded.emit(len(entries))

    def _show_withdrawals(self,
                          rows: list[tuple[int, str, str, date | None, str | None]]) -> None:
        self.withdrawals = rows
        self.withdrawals_table.setRowCount(len(rows))
        for row, (_pid, code, name, on, by) in enumerate(rows):
            for column, value in enumerate((code, name, format_date(on), by or "")):
                self.withdrawals_table.setItem(row, column, QTableWidgetItem(value))
        fit_columns(self.withdrawals_table, keep=(0,))
        self.withdrawals_count.setText(
            t("ui.screening.waitlist.withdrawals_none") if not rows else "")
        self.withdrawals_count.setVisible(not rows)

    def _open_withdrawal(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.withdrawals):
            self.open_requested.emit(self.withdrawals[index.row()][0])

    def _show_pending(self, records: list[DecisionRecord]) -> None:
        self.pending = [PendingRow(d, d.participant_code, d.participant_name) for d in records]
        self.pending_table.setRowCount(len(self.pending))
        for row, item in enumerate(self.pending):
            decision = item.decision
            reason = label(decision.reason_code) if decision.reason_code else ""
            if decision.reason_text:
                reason = f"{reason}: {decision.reason_text}" if reason else decision.reason_text
            values = (item.code, item.name, reason, decision.decided_by,
                      format_date(decision.decided_on))
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.pending_table.setItem(row, column, cell)
        fit_columns(self.pending_table, keep=(0,))
        self.pending_count.setText(t("ui.screening.waitlist.pending_count", count=len(self.pending))
                                   if self.pending else t("ui.screening.waitlist.pending_empty"))
        self._update_buttons()
        self.pending_loaded.emit(len(self.pending))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def selected_entry(self) -> WaitlistEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def selected_pending(self) -> PendingRow | None:
        rows = self.pending_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.pending):
            return None
        return self.pending[rows[0].row()]

    def _update_buttons(self) -> None:
        self.accept_button.setEnabled(self.selected_entry() is not None)
        self.confirm_button.setEnabled(self.selected_pending() is not None)

    def _open_waitlisted(self, index: QModelIndex) -> None:
        entry = self.model.entry_at(index.row())
        if entry is not None:
            self.open_requested.emit(entry.participant_id)

    def _open_pending(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self.pending):
            self.open_requested.emit(self.pending[index.row()].decision.participant_id)

    # -- actions ----------------------------------------------------------------------------
    def accept_selected(self) -> None:
        """Move the selected participant from the waitlist into the programme."""
        entry = self.selected_entry()
        if entry is None or not self.may_decide:
            return
        who = f"{entry.code} — {display_name(entry.full_name, entry.preferred_name)}"
        answer = QMessageBox.question(self, t("ui.screening.waitlist.accept_title"),
                                      as_typed(t("ui.screening.waitlist.accept_question",
                                                 who=who)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        decisions = self.services.decisions
        pid = entry.participant_id
        self.runner.run(lambda: decisions.accept_from_waitlist(pid),
                        lambda _result: self._acted(t("ui.screening.waitlist.accepted", who=who)),
                        self._action_failed)

    def confirm_selected(self) -> None:
        """Confirm another staff member's rejection; one's own is refused with a message."""
        chosen = self.selected_pending()
        if chosen is None or not self.may_decide:
            return
        if chosen.decision.decided_by == self.actor.username:
            QMessageBox.warning(self, t("ui.screening.waitlist.confirm_title"),
                                t("ui.screening.waitlist.confirm_own"))
            return
        who = f"{chosen.code} — {chosen.name}"
        answer = QMessageBox.question(self, t("ui.screening.waitlist.confirm_title"),
                                      as_typed(t("ui.screening.waitlist.confirm_question",
                                                 who=who, by=chosen.decision.decided_by)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        decisions = self.services.decisions
        decision_id = chosen.decision.id
        self.runner.run(lambda: decisions.confirm(decision_id),
                        lambda _result: self._acted(t("ui.screening.waitlist.confirmed", who=who)),
                        self._action_failed)

    def _acted(self, message: str) -> None:
        self.message.show_message("")
        self.done_label.setText(message)
        self.done_label.show()
        self.changed.emit()
        self.refresh()

    def _action_failed(self, exc: BaseException) -> None:
        self.done_label.hide()
        if isinstance(exc, UserError):
            QMessageBox.warning(self, t("ui.error_title"), exc.message)
        else:
            show_error(self, exc)
