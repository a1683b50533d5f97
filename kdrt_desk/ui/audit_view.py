"""The audit log screen: who did what and when, filters, and a check that nothing was altered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, QLocale, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.i18n import language, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import SYSTEM
from kdrt_desk.services.audit_log import AuditRecord, ChainCheck
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.audit_model import COLUMNS, AuditModel, action_label, actor_label
from kdrt_desk.ui.form_widgets import from_qdate
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.look import ERROR_BOX, OK_BOX, TITLE, mark, primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

SEARCH_DELAY_MS = 250
LIMIT = 2000
COLUMN_WIDTHS = {"id": 60, "at": 170, "actor": 150, "action": 240, "target": 130}


@dataclass(frozen=True)
class AuditFilters:
    actor: str = ""
    action: str = ""
    text: str = ""
    since: date | None = None
    until: date | None = None  # inclusive

    def since_utc(self) -> datetime | None:
        return None if self.since is None else _local_midnight_utc(self.since)

    def until_utc(self) -> datetime | None:
        return None if self.until is None else _local_midnight_utc(self.until + timedelta(days=1))


def _local_midnight_utc(day: date) -> datetime:
    """Midnight of ``day`` on this PC's clock (WIB at the centre), as UTC like the stored times."""
    return datetime.combine(day, time.min).astimezone().astimezone(UTC)


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setEnabled(False)
    if language() == "id":
        edit.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    return edit


class AuditView(QWidget):
    """Only for roles that may view the audit log; others see a short note and nothing else."""

    loaded = Signal(int)  # entries shown
    chain_checked = Signal(object)  # ChainCheck

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self._shown_once = False
        actor = services.vault.actor
        self.allowed = actor.may(Permission.VIEW_AUDIT)
        self.may_list_users = actor.may(Permission.MANAGE_USERS)

        title = QLabel(t("ui.admin.audit.title"))
        mark(title, TITLE)
        intro = QLabel(t("ui.admin.audit.intro") if self.allowed
                       else t("ui.admin.audit.not_allowed"))
        intro.setWordWrap(True)

        self.user = QComboBox()
        self.user.addItem(t("ui.admin.audit.all_users"), "")
        self.user.setMinimumContentsLength(18)
        self.action = QComboBox()
        self.action.addItem(t("ui.admin.audit.all_actions"), "")
        self.action.setMinimumContentsLength(24)
        self.search = QLineEdit()
        self.search.setPlaceholderText(t("ui.admin.audit.search_hint"))
        self.search.setClearButtonEnabled(True)
        self.from_check = QCheckBox(t("ui.admin.audit.from"))
        self.from_date = _date_edit()
        self.until_check = QCheckBox(t("ui.admin.audit.until"))
        self.until_date = _date_edit()
        self.from_check.toggled.connect(self.from_date.setEnabled)
        self.until_check.toggled.connect(self.until_date.setEnabled)
        self.reset_button = QPushButton(t("ui.admin.audit.reset_filters"))
        self.reset_button.clicked.connect(self.reset_filters)
        self.reset_button.setToolTip(t("ui.tip.audit.reset_filters"))
        self.chain_button = primary(QPushButton(t("ui.admin.audit.check_chain")))
        self.chain_button.setToolTip(t("ui.admin.audit.check_chain_tip"))
        self.chain_button.clicked.connect(self.check_chain)

        self.filter_panel = QWidget()
        filters = QGridLayout(self.filter_panel)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(QLabel(t("ui.admin.audit.user")), 0, 0)
        filters.addWidget(self.user, 0, 1)
        filters.addWidget(QLabel(t("ui.admin.audit.action")), 0, 2)
        filters.addWidget(self.action, 0, 3)
        filters.addWidget(self.search, 0, 4, 1, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.from_check)
        dates.addWidget(self.from_date)
        dates.addSpacing(12)
        dates.addWidget(self.until_check)
        dates.addWidget(self.until_date)
        dates.addSpacing(12)
        dates.addWidget(self.reset_button)
        dates.addStretch(1)
        filters.addLayout(dates, 1, 0, 1, 5)
        filters.addWidget(self.chain_button, 1, 5)
        filters.setColumnStretch(4, 1)

        self.chain_result = QLabel()
        self.chain_result.setWordWrap(True)
        self.chain_result.hide()

        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only(self.table)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, name in enumerate(COLUMNS):
            if name in COLUMN_WIDTHS:
                self.table.setColumnWidth(column, COLUMN_WIDTHS[name])
        self.count_label = QLabel()
        self.empty_hint = empty_hint(t("ui.hints.audit.no_match"))

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.chain_result)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.filter_panel.setVisible(self.allowed)
        self.table.setVisible(self.allowed)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.user.currentIndexChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        for check in (self.from_check, self.until_check):
            check.toggled.connect(self.refresh)
        self.from_date.dateChanged.connect(self._date_changed)
        self.until_date.dateChanged.connect(self._date_changed)

    # -- filters ----------------------------------------------------------------------------
    def filters(self) -> AuditFilters:
        since = from_qdate(self.from_date.date()) if self.from_check.isChecked() else None
        until = from_qdate(self.until_date.date()) if self.until_check.isChecked() else None
        return AuditFilters(actor=self.user.currentData() or "",
                            action=self.action.currentData() or "",
                            text=self.search.text().strip(), since=since, until=until)

    def set_action_filter(self, code: str) -> bool:
        """Choose an action code in the combo (False when no entry has that action yet)."""
        index = self.action.findData(code)
        if index >= 0:
            self.action.setCurrentIndex(index)
        return index >= 0

    def _date_changed(self) -> None:
        if self.from_check.isChecked() or self.until_check.isChecked():
            self.refresh()

    def reset_filters(self) -> None:
        for widget in (self.user, self.action, self.search, self.from_check, self.until_check):
            widget.blockSignals(True)
        self.user.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.search.clear()
        self.from_check.setChecked(False)
        self.until_check.setChecked(False)
        self.from_date.setEnabled(False)
        self.until_date.setEnabled(False)
        for widget in (self.user, self.action, self.search, self.from_check, self.until_check):
            widget.blockSignals(False)
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Load the entries matching the filters, and the choices for the user/action combos."""
        if not self.allowed:
            return
        self._timer.stop()
        chosen = self.filters()
        audit = self.services.audit
        accounts = self.services.accounts
        may_list_users = self.may_list_users

        def load() -> tuple[list[str], list[tuple[str, str]], list[AuditRecord]]:
            users = ([(a.username, a.display_name) for a in accounts.list_accounts()]
                     if may_list_users else [])
            rows = audit.entries(actor=chosen.actor, action=chosen.action, text=chosen.text,
                                 since=chosen.since_utc(), until=chosen.until_utc(), limit=LIMIT)
            return audit.actions(), users, rows

        self.runner.run(load, lambda result: self._show(*result), self._failed,
                        latest=(self, "list"))

    def clear(self) -> None:
        """Forget every row (used when the app locks)."""
        self.runner.drop((self, "list"))
        self.model.clear()
        self.count_label.clear()
        show_empty(self.empty_hint, False)
        self.chain_result.hide()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    def _show(self, actions: list[str], users: list[tuple[str, str]],
              rows: list[AuditRecord]) -> None:
        seen = {r.actor for r in rows}
        known = {name for name, _ in users}
        extra = sorted(seen - known - {SYSTEM.username})
        choices = [(SYSTEM.username, actor_label(SYSTEM.username))]
        choices += [(name, f"{shown} ({name})" if shown else name) for name, shown in users]
        choices += [(name, name) for name in extra]
        self._fill(self.user, t("ui.admin.audit.all_users"), choices)
        self._fill(self.action, t("ui.admin.audit.all_actions"),
                   sorted(((code, action_label(code)) for code in actions),
                          key=lambda pair: pair[1].lower()))
        self.model.set_rows(rows)
        count = f"{len(rows):,}".replace(",", ".")
        self.count_label.setText(t("ui.admin.audit.count_limited", count=count)
                                 if len(rows) >= LIMIT else t("ui.admin.audit.count", count=count))
        show_empty(self.empty_hint, not rows)
        self.loaded.emit(len(rows))

    @staticmethod
    def _fill(combo: QComboBox, all_text: str, choices: list[tuple[str, str]]) -> None:
        """Replace a combo's choices, keeping the current one, without firing a new query."""
        current = combo.currentData() or ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_text, "")
        for code, text in choices:
            combo.addItem(text, code)
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # -- chain check ------------------------------------------------------------------------
    def check_chain(self) -> None:
        """Recompute every entry's fingerprint; the answer shows in a banner above the list."""
        if not self.allowed:
            return
        self.chain_button.setEnabled(False)
        mark(self.chain_result, "")
        self.chain_result.setText(t("ui.admin.audit.chain_checking"))
        self.chain_result.show()
        audit = self.services.audit
        self.runner.run(audit.verify, self._chain_done, self._chain_failed)

    def _chain_done(self, check: ChainCheck) -> None:
        self.chain_button.setEnabled(True)
        count = f"{check.entries:,}".replace(",", ".")
        if check.ok:
            self.chain_result.setText(t("ui.admin.audit.chain_ok", count=count))
            mark(self.chain_result, OK_BOX)
        else:
            self.chain_result.setText(t("ui.admin.audit.chain_broken", id=check.first_broken_id))
            mark(self.chain_result, ERROR_BOX)
        self.chain_result.show()
        self.chain_checked.emit(check)

    def _chain_failed(self, exc: BaseException) -> None:
        self.chain_button.setEnabled(True)
        self.chain_result.hide()
        show_error(self, exc)
