"""The participant register: search as you type, filter by status and kecamatan, sort, open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import ParticipantStatus
from kdrt_desk.domain.participant import ParticipantRow, RegisterQuery
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.services.participants import RegisterPage
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_widgets import enum_value
from kdrt_desk.ui.register_model import RegisterModel
from kdrt_desk.ui.widgets.column_widths import ColumnWidths
from kdrt_desk.ui.widgets.empty_hint import empty_hint, show_empty
from kdrt_desk.ui.widgets.look import primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

SEARCH_DELAY_MS = 60
KEPT = ("code", "risk_level")  # whole in a narrow window: her code, a high risk


class RegisterView(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    loaded = Signal(int)  # rows shown

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self._sort = ("code", False)
        actor = services.vault.actor

        self.search = QLineEdit()
        # NIK and phone search goes through the blind index, which needs the contact key
        # (repositories.participants.apply_filters); without it the box offers name and code.
        self.search.setPlaceholderText(t("ui.register.search_hint"
                                         if KeyName.CONTACT in actor.held
                                         else "ui.register.search_hint_limited"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.addItem(t("ui.register.all_statuses"), None)
        for status in ParticipantStatus:
            self.status.addItem(label(status), status)
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(t("ui.register.all_kecamatan"), "")
        for name in KECAMATAN:
            self.kecamatan.addItem(name, name)
        self.new_button = primary(QPushButton(t("ui.register.new")))
        self.new_button.setVisible(actor.may(Permission.EDIT_PARTICIPANT))
        self.new_button.setToolTip(t("ui.tip.register.new"))
        self.new_button.clicked.connect(self.new_requested)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.kecamatan, 1)
        filters.addWidget(self.new_button)

        self.model = RegisterModel(services.participants.visible_columns(), self._fetch_page,
                                   self)
        self.model.sort_requested.connect(self._sort_by)
        self.table = QTableView()
        self.table.setModel(self.model)
        read_only(self.table)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.widths = ColumnWidths(self.table, "register", actor.username,
                                   self.model.columns.index("full_name"),
                                   keep=[self.model.columns.index(c) for c in KEPT
                                         if c in self.model.columns])
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.table.installEventFilter(self)

        self.count_label = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        if not actor.may(Permission.VIEW_ALL_PARTICIPANTS):
            self.note.setText(t("ui.register.facilitator_note"))
        self.note.setVisible(bool(self.note.text()))
        self.may_register = actor.may(Permission.EDIT_PARTICIPANT)
        self.empty_hint = empty_hint(t("ui.hints.register.empty"))

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.note)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        layout.addWidget(self.count_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.status.currentIndexChanged.connect(self.refresh)
        self.kecamatan.currentIndexChanged.connect(self.refresh)

    def query(self) -> RegisterQuery:
        return RegisterQuery(text=self.search.text(),
                             status=enum_value(self.status, ParticipantStatus),
                             kecamatan=self.kecamatan.currentData() or "",
                             sort=self._sort[0], descending=self._sort[1])

    def refresh(self) -> None:
        """Ask the service for the rows; answers to older queries are dropped."""
        query = self.query()
        participants = self.services.participants
        self.runner.run(lambda: participants.register_page(query),
                        self._show, latest=(self, "list"))

    def _show(self, page: RegisterPage) -> None:
        self.model.set_result(page.ids, page.rows)
        self.widths.fit()
        count = f"{len(page.ids):,}".replace(",", ".")
        self.count_label.setText(t("ui.register.count", count=count))
        query = self.query()
        filtered = bool(query.text.strip() or query.status or query.kecamatan)
        self.empty_hint.setText(t("ui.hints.register.no_match" if filtered
                                  else "ui.hints.register.empty" if self.may_register
                                  else "ui.hints.register.empty_view_only"))
        show_empty(self.empty_hint, not page.ids)
        self.loaded.emit(len(page.ids))

    def _fetch_page(self, ids: list[int],
                    done: Callable[[list[ParticipantRow]], None]) -> None:
        participants = self.services.participants
        self.runner.run(lambda: participants.rows_by_ids(ids), done)

    def clear(self) -> None:
        """Forget every row (used when the app locks)."""
        self.runner.drop((self, "list"))
        self.model.clear()
        self.count_label.clear()
        show_empty(self.empty_hint, False)

    def _sort_by(self, column: str, descending: bool) -> None:
        self._sort = (column, descending)
        self.refresh()

    def _open_row(self, row: int) -> None:
        participant_id = self.model.id_at(row)
        if participant_id is not None:
            self.open_requested.emit(participant_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._open_row(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)
