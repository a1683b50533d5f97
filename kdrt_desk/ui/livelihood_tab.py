"""The Penghidupan tab of her record: her livelihood follow-ups and the business capital she
received, each listed with buttons to record, change and delete through their dialogs. Only
for roles holding the contact key (a facilitator never gets this tab)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.livelihood import CapitalKind, CapitalView, LivelihoodView
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, format_rupiah, label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.capital_dialog import CapitalDialog
from kdrt_desk.ui.livelihood_dialog import LivelihoodDialog
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.look import primary
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

RECORD_COLUMNS = ("date", "status", "income", "covers", "depends")
CAPITAL_COLUMNS = ("date", "amount", "kind", "source", "repaid", "outstanding")
COLUMN_AIR = 24


def yes_no(value: bool | None) -> str:
    if value is None:
        return t("ui.livelihood.unknown")
    return t("ui.livelihood.yes") if value else t("ui.livelihood.no")


def _table(columns: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels([t(f"ui.livelihood.col_{c}") for c in columns])
    read_only(table)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setVisible(False)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Plain-text cells (her data is never rich text), columns as wide as their text."""
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(row, column, item)
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for column in range(table.columnCount() - 1):
        head = table.horizontalHeaderItem(column)
        texts = [head.text() if head is not None else ""]
        texts += [values[column] for values in rows]
        header.resizeSection(column, max(metrics.horizontalAdvance(x) for x in texts)
                             + COLUMN_AIR)


def _selected_row(table: QTableWidget) -> int | None:
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    return rows[0].row() if rows else None


class LivelihoodTab(QWidget):
    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.records: list[LivelihoodView] = []
        self.capitals: list[CapitalView] = []
        self.dialog: QDialog | None = None
        self.may_edit = services.vault.actor.may(Permission.EDIT_PARTICIPANT)

        intro = QLabel(t("ui.livelihood.intro"))
        intro.setWordWrap(True)
        self.message = ErrorLabel()

        self.add_button = primary(QPushButton(t("ui.livelihood.add")))
        self.edit_button = QPushButton(t("ui.livelihood.edit"))
        self.delete_button = QPushButton(t("ui.livelihood.delete"))
        self.record_table = _table(RECORD_COLUMNS)
        self.record_count = QLabel()
        records_box = self._box(t("ui.livelihood.records"), self.record_table,
                                self.record_count,
                                (self.add_button, self.edit_button, self.delete_button))
        self.add_button.clicked.connect(lambda: self._open(LivelihoodDialog, None))
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.record_table.itemSelectionChanged.connect(self._update_buttons)

        self.add_capital_button = primary(QPushButton(t("ui.livelihood.add_capital")))
        self.edit_capital_button = QPushButton(t("ui.livelihood.edit"))
        self.delete_capital_button = QPushButton(t("ui.livelihood.delete"))
        self.capital_table = _table(CAPITAL_COLUMNS)
        self.capital_count = QLabel()
        capital_box = self._box(t("ui.livelihood.capital"), self.capital_table,
                                self.capital_count,
                                (self.add_capital_button, self.edit_capital_button,
                                 self.delete_capital_button))
        self.add_capital_button.clicked.connect(lambda: self._open(CapitalDialog, None))
        self.edit_capital_button.clicked.connect(self.edit_capital)
        self.delete_capital_button.clicked.connect(self.delete_capital)
        self.capital_table.itemSelectionChanged.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(records_box, 3)
        layout.addWidget(capital_box, 2)
        self._update_buttons()
        self.refresh()

    def _box(self, title: str, table: QTableWidget, count: QLabel,
             buttons: Sequence[QPushButton]) -> QGroupBox:
        box = QGroupBox(title)
        row = QHBoxLayout()
        for button in buttons:
            button.setVisible(self.may_edit)
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(table, 1)
        column.addWidget(count)
        return box

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        service, pid = self.services.livelihoods, self.participant_id
        self.runner.run(lambda: (service.records(pid), service.capital(pid)),
                        self._show, self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every row (used when the app locks)."""
        self.runner.drop((self, "list"))
        if self.dialog is not None:
            self.dialog.reject()
        self.records, self.capitals = [], []
        self.record_table.setRowCount(0)
        self.capital_table.setRowCount(0)
        self.record_count.clear()
        self.capital_count.clear()
        self._update_buttons()

    def _show(self, result: tuple[list[LivelihoodView], list[CapitalView]]) -> None:
        records, capitals = result
        self.records = sorted(records, key=lambda v: (v.recorded_on, v.id), reverse=True)
        self.capitals = sorted(capitals, key=lambda v: (v.given_on, v.id), reverse=True)
        dash = t("ui.livelihood.not_applicable")
        _fill(self.record_table, [
            (format_date(v.recorded_on),
             label(v.status) if v.business_kind is None
             else f"{label(v.status)} ({label(v.business_kind)})",
             format_rupiah(v.monthly_income) or t("ui.livelihood.unknown"),
             yes_no(v.covers_basic_needs), yes_no(v.depends_on_abuser))
            for v in self.records])
        _fill(self.capital_table, [
            (format_date(v.given_on), format_rupiah(v.amount), label(v.kind),
             v.source_name or t("ui.livelihood.centre"),
             format_rupiah(v.repaid) if v.kind is CapitalKind.LOAN else dash,
             format_rupiah(v.outstanding) if v.kind is CapitalKind.LOAN else dash)
            for v in self.capitals])
        self.record_count.setText(t("ui.livelihood.count", count=len(self.records))
                                  if self.records else t("ui.livelihood.none"))
        total = format_rupiah(sum(v.amount for v in self.capitals))
        self.capital_count.setText(
            t("ui.livelihood.capital_count", count=len(self.capitals), total=total)
            if self.capitals else t("ui.livelihood.capital_none"))
        self.message.show_message("")
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    # -- selection --------------------------------------------------------------------------
    def selected_record(self) -> LivelihoodView | None:
        row = _selected_row(self.record_table)
        return self.records[row] if row is not None and row < len(self.records) else None

    def selected_capital(self) -> CapitalView | None:
        row = _selected_row(self.capital_table)
        return self.capitals[row] if row is not None and row < len(self.capitals) else None

    def _update_buttons(self) -> None:
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(self.selected_record() is not None)
        for button in (self.edit_capital_button, self.delete_capital_button):
            button.setEnabled(self.selected_capital() is not None)

    # -- dialogs ----------------------------------------------------------------------------
    def _open(self, kind: type[LivelihoodDialog] | type[CapitalDialog],
              existing: LivelihoodView | CapitalView | None) -> QDialog:
        dialog = kind(self.services, self.runner, self.participant_id, existing,  # type: ignore[arg-type]
                      self)
        dialog.saved.connect(lambda _result: self.refresh())
        dialog.finished.connect(lambda _code: self._forget(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def edit_record(self) -> None:
        chosen = self.selected_record()
        if chosen is not None and self.may_edit:
            self._open(LivelihoodDialog, chosen)

    def edit_capital(self) -> None:
        chosen = self.selected_capital()
        if chosen is not None and self.may_edit:
            self._open(CapitalDialog, chosen)

    def delete_record(self) -> None:
        chosen = self.selected_record()
        if chosen is None:
            return
        service, record_id = self.services.livelihoods, chosen.id
        self._delete(t("ui.livelihood.delete_record", date=format_date(chosen.recorded_on)),
                     lambda: service.delete_record(record_id))

    def delete_capital(self) -> None:
        chosen = self.selected_capital()
        if chosen is None:
            return
        service, capital_id = self.services.livelihoods, chosen.id
        self._delete(t("ui.livelihood.delete_capital", date=format_date(chosen.given_on),
                       amount=format_rupiah(chosen.amount)),
                     lambda: service.delete_capital(capital_id))

    def _delete(self, question: str, call: Callable[[], None]) -> None:
        answer = QMessageBox.question(self, t("ui.livelihood.delete_title"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.runner.run(call, lambda _result: self.refresh(), self._failed)
