"""Berkas › "Peserta perlu dilengkapi…": the women imported from an old list whose consent or
safety questions are still to be asked (``participant_import.to_complete()``), by code, with
what is missing; a double-click (or "Buka data peserta") opens her record in the form, and the
list is read again once a record opened from it is saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.i18n import format_date, t
from kdrt_desk.services.participant_import import ToComplete
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.forms import hint_label, plain
from kdrt_desk.ui.widgets.look import STRONG, mark
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.wiring import Services

OpenRecord = Callable[[int], QWidget | None]  # MainWindow.open_participant


def missing_text(row: ToComplete) -> str:
    parts = []
    if row.consent_missing:
        parts.append(t("ui.to_complete.consent"))
    if row.safety_not_asked:
        parts.append(t("ui.to_complete.safety"))
    return ", ".join(parts)


class ToCompleteDialog(QDialog):
    def __init__(self, services: Services, runner: TaskRunner, open_record: OpenRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("ui.to_complete.title"))
        self.services = services
        self.runner = runner
        self.open_record = open_record
        self.rows: list[ToComplete] = []
        self.count_label = mark(plain(QLabel()), STRONG)
        self.list = table([t("ui.to_complete.code"), t("ui.to_complete.name"),
                           t("ui.to_complete.kecamatan"), t("ui.to_complete.imported_on"),
                           t("ui.to_complete.missing")])
        self.list.doubleClicked.connect(self._double_clicked)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.open_button = QPushButton(t("ui.to_complete.open"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        buttons = QDialogButtonBox()
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(t("ui.admin.close"), QDialogButtonBox.ButtonRole.RejectRole)
        del close
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint_label(t("ui.to_complete.intro")))
        layout.addWidget(self.count_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(980, 500)
        self.refresh()

    def refresh(self) -> None:
        imports = self.services.participant_import
        self.runner.run(imports.to_complete, self._show, self._failed,
                        latest=("to_complete", id(self)))

    def _show(self, rows: list[ToComplete]) -> None:
        self.rows = rows
        self.count_label.setText(t("ui.to_complete.count", count=len(rows)) if rows
                                 else t("ui.to_complete.none"))
        grid = self.list
        grid.setRowCount(0)
        grid.setRowCount(len(rows))
        for n, row in enumerate(rows):
            texts = (row.code, row.full_name, row.kecamatan, format_date(row.imported_on),
                     missing_text(row))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                grid.setItem(n, column, item)
        fit_columns(grid)
        self._selection_changed()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)

    def _selection_changed(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def selected_id(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.list.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _double_clicked(self, index: QModelIndex) -> None:
        item = self.list.item(index.row(), 0)
        if item is not None:
            self._open(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self._open(chosen)

    def _open(self, participant_id: int) -> None:
        form = self.open_record(participant_id)
        saved = getattr(form, "saved", None)
        if saved is not None:  # her record saved through the form: she may leave the list
            saved.connect(lambda _record: self.refresh() if isValid(self) else None)
