"""Berkas > Masa simpan data: the admin sets how many years a woman's record is kept after her
last activity, reads in plain words what that means (nothing erased without her confirmation;
old backups go with the rotation), sees the records past it and anonymises the chosen ones after
the withdrawal's typed-code confirmation (``RetentionConfirmDialog``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.retention import MAX_YEARS, DueRecord, codes_match
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.forms import fit_height, hint_label, new_form
from kdrt_desk.ui.widgets.look import DANGER, MUTED, NOTICE, OK, SECTION, danger, mark, primary
from kdrt_desk.ui.widgets.tables import fit_columns, table
from kdrt_desk.wiring import Services


def _wrapped(text: str, look: str) -> QLabel:
    label = mark(QLabel(text), look)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class RetentionConfirmDialog(FormDialog):
    """The withdrawal's confirmation for several records: what is erased for good, and every
    chosen code typed before the (red) button works; Cancel is the default."""

    def __init__(self, services: Services, runner: TaskRunner, chosen: list[DueRecord],
                 years: int, today: date, parent: QWidget | None = None) -> None:
        super().__init__(services, runner, parent)  # saved: the anonymised codes
        self.ids = [r.participant_id for r in chosen]
        self.codes = [r.code for r in chosen]
        self.today = today
        self.setWindowTitle(t("ui.retention.confirm.title"))
        heading = _wrapped(t("ui.retention.confirm.heading"), DANGER)
        explain = _wrapped(t("ui.retention.confirm.explain", count=len(chosen), years=years,
                             codes=", ".join(self.codes)), NOTICE)
        explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.typed_codes = QLineEdit()
        self.typed_codes.setMaxLength(40 * len(self.codes) + 40)
        type_label = QLabel(t("ui.retention.confirm.type_codes"))
        type_label.setWordWrap(True)
        type_label.setBuddy(self.typed_codes)
        self.code_error = ErrorLabel()
        self.errors.labels["confirm"] = self.code_error
        self.make_buttons(t("ui.retention.confirm.ok"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        danger(self.ok_button)
        self.ok_button.setEnabled(False)
        self.ok_button.setDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.typed_codes.textChanged.connect(self._check_codes)
        layout = QVBoxLayout(self)
        for widget in (heading, explain, type_label, self.typed_codes, self.code_error,
                       self.summary):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(600, self.sizeHint().height())
        fit_height(self, shrink=True)
        self.typed_codes.setFocus()

    def codes_match(self) -> bool:
        return codes_match(self.typed_codes.text(), self.codes)

    def _check_codes(self) -> None:
        self.ok_button.setEnabled(self.codes_match())
        self.code_error.show_message("")

    def submit(self) -> None:
        """Refuses without every code; otherwise anonymises (cannot be undone)."""
        if self.busy:
            return
        if not self.codes_match():
            self.code_error.show_message(t("ui.retention.confirm.mismatch"))
            self.typed_codes.setFocus()
            return
        retention, ids, typed, day = (self.services.retention, self.ids,
                                      self.typed_codes.text(), self.today)
        self.run(lambda: retention.anonymise(ids, typed, day))


class RetentionDialog(QDialog):
    loaded = Signal()  # the years and the due list are on screen
    anonymised = Signal(list)  # the codes anonymised

    def __init__(self, services: Services, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.today = local_today()
        self.due: list[DueRecord] = []
        self.stored_years = 0
        self.is_loaded = False
        self.may_edit = services.vault.actor.may(Permission.SETTINGS)
        self.confirm_dialog: RetentionConfirmDialog | None = None
        self.setWindowTitle(t("ui.retention.title"))

        self.intro = _wrapped("", NOTICE)
        activity = hint_label(t("ui.retention.activity_hint"))
        self.years = QSpinBox()
        self.years.setRange(0, MAX_YEARS)
        self.years.setSuffix(t("ui.retention.years_suffix"))
        self.years.setSpecialValueText(t("ui.retention.years_off"))
        self.years.setMinimumWidth(self.fontMetrics().horizontalAdvance(
            t("ui.retention.years_off")) + 60)
        self.save_button = primary(QPushButton(t("ui.retention.save")))
        self.save_button.clicked.connect(self.save_years)
        self.years.valueChanged.connect(self._years_edited)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.years)
        row_layout.addWidget(self.save_button)
        row_layout.addStretch(1)
        form = new_form()
        form.addRow(t("ui.retention.years"), row)
        self.years_error = ErrorLabel()
        self.heading = mark(QLabel(), SECTION)
        self.table = table([t("ui.retention.column_code"), t("ui.retention.column_last"),
                            t("ui.retention.column_years")])
        self.table.setMinimumHeight(180)
        self.table.itemChanged.connect(lambda _item: self._chosen_changed())
        self.empty = _wrapped(t("ui.retention.none_due"), MUTED)
        self.select_all = QPushButton(t("ui.retention.select_all"))
        self.select_all.clicked.connect(self.choose_all)
        self.anonymise_button = danger(QPushButton(t("ui.retention.anonymise")))
        self.anonymise_button.clicked.connect(self.confirm_chosen)
        self.error = ErrorLabel()
        self.outcome = _wrapped("", OK)
        self.outcome.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            t("ui.retention.close"))
        self.buttons.addButton(self.select_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.years_error)
        layout.addWidget(activity)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.resize(680, 560)
        self._set_enabled(False)
        self.refresh()

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        retention, day = self.services.retention, self.today
        self.runner.run(lambda: (retention.years(), retention.due(day)), self._show,
                        self._failed)

    def _show(self, found: tuple[int, list[DueRecord]]) -> None:
        if not isValid(self):
            return
        self.stored_years, self.due = found
        self.years.blockSignals(True)
        self.years.setValue(self.stored_years)
        self.years.blockSignals(False)
        self._show_intro(self.stored_years)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.due))
        for row, record in enumerate(self.due):
            code = QTableWidgetItem(record.code)
            code.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            code.setCheckState(Qt.CheckState.Unchecked)
            code.setData(Qt.ItemDataRole.UserRole, record.participant_id)
            self.table.setItem(row, 0, code)
            self.table.setItem(row, 1, QTableWidgetItem(format_date(record.last_activity)))
            self.table.setItem(row, 2, QTableWidgetItem(
                t("ui.retention.years_value", years=record.years_since)))
        self.table.blockSignals(False)
        fit_columns(self.table, keep=(0,))
        box = self.style().pixelMetric(self.style().PixelMetric.PM_IndicatorWidth)
        self.table.horizontalHeader().resizeSection(0, self.table.columnWidth(0) + box + 12)
        self.heading.setText(t("ui.retention.due_heading", day=format_date(self.today),
                               count=len(self.due)))
        self.empty.setVisible(not self.due)
        self.table.setVisible(bool(self.due))
        self.is_loaded = True
        self._set_enabled(True)
        self.loaded.emit()

    def _show_intro(self, years: int) -> None:
        self.intro.setText(t("ui.retention.intro", years=years) if years
                           else t("ui.retention.intro_off"))
        self.intro.setMinimumHeight(self.intro.heightForWidth(max(self.width() - 40, 560)))

    def _set_enabled(self, enabled: bool) -> None:
        self.years.setEnabled(enabled and self.may_edit)
        self.save_button.setEnabled(enabled and self.may_edit
                                    and self.years.value() != self.stored_years)
        self.select_all.setEnabled(enabled and bool(self.due))
        self.anonymise_button.setEnabled(enabled and bool(self.chosen()))

    # -- the years ---------------------------------------------------------------------------
    def _years_edited(self, years: int) -> None:
        self.years_error.show_message("")
        self._show_intro(years)
        self.save_button.setEnabled(self.is_loaded and self.may_edit
                                    and years != self.stored_years)

    def save_years(self) -> None:
        if not self.is_loaded or not self.may_edit:
            return
        retention, years, day = self.services.retention, self.years.value(), self.today

        def save() -> tuple[int, list[DueRecord]]:
            retention.set_years(years)
            return retention.years(), retention.due(day)

        self._set_enabled(False)
        self.runner.run(save, self._saved, self._failed)

    def _saved(self, found: tuple[int, list[DueRecord]]) -> None:
        if not isValid(self):
            return
        self._show(found)
        self.outcome.setText(t("ui.retention.saved"))
        self.outcome.show()

    # -- choosing and anonymising ------------------------------------------------------------
    def chosen(self) -> list[DueRecord]:
        items = [self.table.item(r, 0) for r in range(self.table.rowCount())]
        ticked = {int(i.data(Qt.ItemDataRole.UserRole)) for i in items
                  if i is not None and i.checkState() == Qt.CheckState.Checked}
        return [r for r in self.due if r.participant_id in ticked]

    def _chosen_changed(self) -> None:
        self.anonymise_button.setEnabled(self.is_loaded and bool(self.chosen()))

    def choose_all(self) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None:
                item.setCheckState(Qt.CheckState.Checked)

    def confirm_chosen(self) -> RetentionConfirmDialog | None:
        chosen = self.chosen()
        if not chosen:
            return None
        dialog = RetentionConfirmDialog(self.services, self.runner, chosen, self.stored_years,
                                        self.today, self)
        dialog.saved.connect(self._anonymised)
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    def _anonymised(self, codes: object) -> None:
        if not isValid(self):
            return
        done = list(codes) if isinstance(codes, list) else []
        self.outcome.setText(t("ui.retention.done", count=len(done)))
        self.outcome.show()
        self.anonymised.emit(done)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._set_enabled(self.is_loaded)
        if isinstance(exc, UserError):
            target = self.years_error if exc.field == "years" else self.error
            target.show_message(exc.message)
            return
        show_error(self, exc)


__all__ = ["RetentionConfirmDialog", "RetentionDialog"]
