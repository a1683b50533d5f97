"""A participant's services and referrals: the list, recording and editing, outcome notes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.care import ServiceView
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.service_dialog import ServiceDialog
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.look import HINT, RESTRICTED, mark, primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

COLUMNS = ("date", "kind", "status", "partner")
COLUMN_AIR = 18
MAX_COLUMN = 230


class ServicesTab(QWidget):
    """Her services, newest first; "Buka catatan hasil" opens one outcome note (audited)."""

    loaded = Signal(int)  # services shown
    changed = Signal()  # a service was recorded or changed (the timeline may refresh)

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.rows: list[ServiceView] = []
        self.opened_notes: dict[int, str] = {}
        self.dialog: ServiceDialog | None = None
        actor = services.vault.actor
        self.may_record = actor.may(Permission.RECORD_SERVICE)
        self.may_see_outcome = actor.may(Permission.VIEW_RESTRICTED)

        intro = QLabel(t("ui.care.services.intro") if self.may_record
                       else t("ui.care.services.intro_readonly"))
        intro.setWordWrap(True)
        self.record_button = primary(QPushButton(t("ui.care.services.record")))
        self.record_button.setVisible(self.may_record)
        self.record_button.clicked.connect(self.open_record_dialog)
        self.edit_button = QPushButton(t("ui.care.services.edit"))
        self.edit_button.setVisible(self.may_record)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.open_note_button = QPushButton(t("ui.care.services.open_note"))
        self.open_note_button.setVisible(self.may_see_outcome)
        self.open_note_button.setToolTip(t("ui.care.services.open_note_hint"))
        self.open_note_button.clicked.connect(self.open_outcome_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.open_note_button)
        buttons.addStretch(1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(f"ui.care.services.col_{c}") for c in COLUMNS])
        read_only(self.table)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(80)
        for column, width in enumerate((130, 180, 120, 200)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        if self.may_record:
            self.table.doubleClicked.connect(lambda _index: self.open_edit_dialog())

        self.note_box = QGroupBox()
        note_layout = QVBoxLayout(self.note_box)
        restricted = QLabel(t("ui.care.services.open_note_hint"))
        restricted.setWordWrap(True)
        mark(restricted, RESTRICTED)
        self.note_text = QPlainTextEdit()
        self.note_text.setReadOnly(True)
        self.note_text.setMaximumHeight(120)
        note_layout.addWidget(restricted)
        note_layout.addWidget(self.note_text)
        self.note_box.hide()

        self.selection_note = QLabel()
        self.selection_note.setWordWrap(True)
        mark(self.selection_note, HINT)
        self.message = ErrorLabel()
        self.count_label = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.selection_note)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.note_box)
        self._update_buttons()
        self.refresh()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Ask for her services again; answers to older requests are dropped."""
        care, pid = self.services.care, self.participant_id
        self.runner.run(lambda: care.for_participant(pid),
                        self._show, self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every row and every opened note (used when the app locks)."""
        self.runner.drop((self, "list"))
        if self.dialog is not None:
            self.dialog.reject()
        self.rows = []
        self.opened_notes.clear()

        self.table.setRowCount(0)
        self.count_label.clear()
        self.note_text.clear()
        self.note_box.hide()
        self._update_buttons()

    def _show(self, rows: list[ServiceView]) -> None:
        selected = self.selected()
        # Lists never carry outcome notes: only "Buka catatan hasil" reads one (audited).
        shown = rows
        self.rows = sorted(shown, key=lambda v: (v.service_date is not None, v.service_date,
                                                 v.id), reverse=True)
        self.table.setRowCount(len(self.rows))
        for row, view in enumerate(self.rows):
            provider = view.partner_name or t("ui.care.services.internal")
            if view.provider_note:
                provider = f"{provider} — {view.provider_note}"
            values = (format_date(view.service_date), label(view.kind), label(view.status),
                      provider)
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, view.id)
                self.table.setItem(row, column, item)
            if selected is not None and view.id == selected.id:
                self.table.selectRow(row)
        self._fit_columns()
        self.count_label.setText(t("ui.care.services.count", count=len(self.rows))
                                 if self.rows else t("ui.care.services.none"))
        self.message.show_message("")
        self._update_buttons()
        self.loaded.emit(len(self.rows))

    def _fit_columns(self) -> None:
        """Each column as wide as its longest text (within reason); the provider takes the rest."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            items = [self.table.horizontalHeaderItem(column)]
            items += [self.table.item(row, column) for row in range(self.table.rowCount())]
            widest = max(metrics.horizontalAdvance(item.text()) for item in items
                         if item is not None) + COLUMN_AIR
            header.resizeSection(column, min(max(widest, header.minimumSectionSize()),
                                             MAX_COLUMN))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def selected(self) -> ServiceView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select_service(self, service_id: int) -> None:
        for row, view in enumerate(self.rows):
            if view.id == service_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.open_note_button.setEnabled(chosen is not None)
        hint = ""
        if self.may_see_outcome and self.rows and chosen is None:
            hint = t("ui.care.services.select_hint")
        self.selection_note.setText(hint)
        self.selection_note.setVisible(bool(hint))
        if chosen is None or chosen.id not in self.opened_notes:
            self.note_box.hide()
        else:
            self._show_note(chosen, self.opened_notes[chosen.id])

    # -- outcome notes ----------------------------------------------------------------------
    def open_outcome_note(self) -> None:
        """Open the selected service's outcome note; the service audits every opening."""
        chosen = self.selected()
        if chosen is None or not self.may_see_outcome:
            return
        care = self.services.care
        service_id = chosen.id
        self.runner.run(lambda: care.open_outcome_note(service_id),
                        lambda result: self._note_opened(service_id, result), self._failed)

    def _note_opened(self, service_id: int, note: str) -> None:
        self.opened_notes[service_id] = note
        chosen = self.selected()
        if chosen is None or chosen.id != service_id:
            self.select_service(service_id)  # shows the note through _update_buttons
        else:
            self._show_note(chosen, note)

    def _show_note(self, view: ServiceView, note: str) -> None:
        self.note_box.setTitle(t("ui.care.services.note_title", kind=label(view.kind),
                                 date=format_date(view.service_date)))
        self.note_text.setPlainText(note or t("ui.care.services.note_empty"))
        self.note_box.show()

    # -- recording and editing --------------------------------------------------------------
    def open_record_dialog(self) -> ServiceDialog:
        return self._open_dialog(None)

    def open_edit_dialog(self) -> ServiceDialog | None:
        chosen = self.selected()
        if chosen is None or not self.may_record:
            return None
        if chosen.id in self.opened_notes:
            chosen = replace(chosen, outcome_note=self.opened_notes[chosen.id],
                             restricted_hidden=False)
        else:  # not opened: the dialog sends None, and the service keeps the stored note
            chosen = replace(chosen, outcome_note=None, restricted_hidden=True)
        return self._open_dialog(chosen)

    def _open_dialog(self, existing: ServiceView | None) -> ServiceDialog:
        dialog = ServiceDialog(self.services, self.runner, self.participant_id, existing, self)
        dialog.saved.connect(self._saved)
        dialog.finished.connect(lambda _code: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: ServiceDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _saved(self, result: object) -> None:
        service_id = getattr(result, "id", None)
        if isinstance(service_id, int):
            self.opened_notes.pop(service_id, None)
        self.changed.emit()
        self.refresh()
