"""The admin's list of eligibility criteria: add, edit, reorder, switch off, save."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.enums import CriterionKind
from kdrt_desk.domain.screening import Criterion, CriterionInput
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import label, t
from kdrt_desk.security.permissions import Permission
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.form_widgets import enum_combo, enum_value, set_combo
from kdrt_desk.ui.widgets.errors import show_error
from kdrt_desk.ui.widgets.look import ENDED_TEXT, ERROR_TEXT, HINT, mark, text_scale
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

COLUMNS = ("code", "label_id", "label_en", "kind", "weight", "active")
ERROR_ROW_COLOUR = ERROR_TEXT
MAX_WEIGHT = 10
FIELD_PATTERN = re.compile(r"criteria\.(\d+)\.(\w+)")


class CriteriaDialog(FormDialog):
    """Criteria are never deleted (old screenings refer to their codes): switch one off instead.

    Saved codes are fixed for the same reason; new rows get a code the admin types.
    """

    loaded = Signal(int)  # criteria shown

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None = None
                 ) -> None:
        super().__init__(services, runner, parent)  # saved: the saved list of Criterion
        self.items: list[CriterionInput] = []
        self.row_errors: dict[int, dict[str, str]] = {}
        self._filling = False
        self.allowed = services.vault.actor.may(Permission.MANAGE_CRITERIA)
        self.setWindowTitle(t("ui.screening.criteria.title"))

        intro = QLabel(t("ui.screening.criteria.intro"))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(f"ui.screening.criteria.col_{c}") for c in COLUMNS])
        read_only(self.table, stretch_last=False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        scale = text_scale(self.table)  # wider with large text; never narrower than the title
        for column, width in ((0, 150), (3, 190), (4, 60), (5, 60)):
            self.table.setColumnWidth(column, max(round(width * scale),
                                                  header.sectionSizeFromContents(column).width()))
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(t("ui.screening.criteria.add"))
        self.add_button.clicked.connect(self.add_criterion)
        self.up_button = QPushButton(t("ui.screening.criteria.up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(t("ui.screening.criteria.down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        side = QVBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)

        self.editor = QGroupBox(t("ui.screening.criteria.editor"))
        form = QFormLayout(self.editor)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code = QLineEdit()
        self.code.setMaxLength(40)
        self.code.setPlaceholderText(t("ui.screening.criteria.code_hint"))
        self.label_id = QLineEdit()
        self.label_id.setMaxLength(200)
        self.label_en = QLineEdit()
        self.label_en.setMaxLength(200)
        self.kind = enum_combo(CriterionKind)
        self.weight = QSpinBox()
        self.weight.setRange(0, MAX_WEIGHT)
        self.weight.setFixedWidth(80)
        self.active = QCheckBox(t("ui.screening.criteria.active_box"))
        self.kind_hint = QLabel()
        self.kind_hint.setWordWrap(True)
        mark(self.kind_hint, HINT)
        weight_row = QWidget()
        weight_layout = QHBoxLayout(weight_row)
        weight_layout.setContentsMargins(0, 0, 0, 0)
        weight_layout.addWidget(self.weight)
        weight_layout.addWidget(self.kind_hint, 1)
        rows: tuple[tuple[str, str, QWidget, bool], ...] = (
            ("col_code", "code", self.code, True),
            ("col_label_id", "label_id", self.label_id, True),
            ("col_label_en", "label_en", self.label_en, True),
            ("col_kind", "kind", self.kind, True),
            ("col_weight", "weight", weight_row, False))
        for key, field, widget, required in rows:
            self.errors.add_row(form, t(f"ui.screening.criteria.{key}"), field, widget,
                                required)
        form.addRow("", self.active)
        self.code.textEdited.connect(self._edited)
        self.label_id.textEdited.connect(self._edited)
        self.label_en.textEdited.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._edited)
        self.weight.valueChanged.connect(self._edited)
        self.active.toggled.connect(self._edited)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(t("ui.screening.criteria.save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t("ui.form.cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top, 1)
        layout.addWidget(self.editor)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1040, 700)
        controls: tuple[QWidget, ...] = (
            self.add_button, self.up_button, self.down_button, self.editor,
            self.buttons.button(QDialogButtonBox.StandardButton.Save))
        for control in controls:
            control.setEnabled(self.allowed)
        self._selection_changed()

        self.setEnabled(False)
        criteria = services.criteria
        runner.run(criteria.list_all, self._loaded, self._load_failed)

    # -- loading ----------------------------------------------------------------------------
    def _loaded(self, items: list[Criterion]) -> None:
        self.items = [CriterionInput(c.id, c.code, c.label_id, c.label_en, c.kind, c.weight,
                                     c.active)
                      for c in sorted(items, key=lambda c: (c.position, c.id))]
        self._fill_table()
        self.setEnabled(True)
        if self.items:
            self.table.selectRow(0)
        self.loaded.emit(len(self.items))

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.done(QDialog.DialogCode.Rejected)

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.items))
        for row in range(len(self.items)):
            self._fill_row(row)

    def _fill_row(self, row: int) -> None:
        item = self.items[row]
        weight = str(item.weight) if item.kind == CriterionKind.WEIGHTED else "—"
        values = (item.code, item.label_id, item.label_en, label(item.kind), weight,
                  t("ui.screening.criteria.yes") if item.active else t("ui.screening.criteria.no"))
        for column, text in enumerate(values):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            if column in (4, 5):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if row in self.row_errors:
                cell.setForeground(QBrush(ERROR_ROW_COLOUR))
            elif not item.active:
                cell.setForeground(QBrush(ENDED_TEXT))
            self.table.setItem(row, column, cell)

    # -- the editor -------------------------------------------------------------------------
    def select_row(self, row: int) -> None:
        """Select ``row`` and scroll it into view."""
        self.table.selectRow(row)
        # after the layout settled (messages below may shrink the table)
        QTimer.singleShot(0, self, lambda: self.table.scrollTo(self.table.model().index(row, 0)))

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _selection_changed(self) -> None:
        row = self.current_row()
        has = 0 <= row < len(self.items)
        self.editor.setEnabled(has and self.allowed)
        self.up_button.setEnabled(self.allowed and has and row > 0)
        self.down_button.setEnabled(self.allowed and has and row < len(self.items) - 1)
        self._filling = True
        try:
            if has:
                item = self.items[row]
                self.code.setText(item.code)
                self.code.setReadOnly(item.id is not None)
                self.code.setToolTip(t("ui.screening.criteria.code_fixed")
                                     if item.id is not None else "")
                self.label_id.setText(item.label_id)
                self.label_en.setText(item.label_en)
                set_combo(self.kind, item.kind)
                self.weight.setValue(item.weight)
                self.active.setChecked(item.active)
            else:
                for edit in (self.code, self.label_id, self.label_en):
                    edit.clear()
            self._update_kind_hint()
        finally:
            self._filling = False
        self.errors.show(self.row_errors.get(row, {}))

    def _update_kind_hint(self) -> None:
        weighted = enum_value(self.kind, CriterionKind) == CriterionKind.WEIGHTED
        self.weight.setEnabled(weighted)
        self.kind_hint.setText(t("ui.screening.criteria.weighted_hint") if weighted
                               else t("ui.screening.criteria.required_hint"))

    def _edited(self) -> None:
        if self._filling:
            return
        self._update_kind_hint()
        row = self.current_row()
        if not 0 <= row < len(self.items):
            return
        kind = enum_value(self.kind, CriterionKind) or CriterionKind.REQUIRED
        self.items[row] = replace(
            self.items[row], code=self.code.text().strip(), label_id=self.label_id.text(),
            label_en=self.label_en.text(), kind=kind,
            weight=self.weight.value() if kind == CriterionKind.WEIGHTED else 0,
            active=self.active.isChecked())
        self._fill_row(row)

    def add_criterion(self) -> None:
        """A new, active, weighted criterion at the end; the admin fills in code and labels."""
        self.items.append(CriterionInput(None, "", "", "", CriterionKind.WEIGHTED, 1, True))
        self.table.setRowCount(len(self.items))
        self._fill_row(len(self.items) - 1)
        self.select_row(len(self.items) - 1)
        self.code.setFocus()

    def move_selected(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if not (0 <= row < len(self.items) and 0 <= target < len(self.items)):
            return
        self.items[row], self.items[target] = self.items[target], self.items[row]
        mine, theirs = self.row_errors.pop(row, None), self.row_errors.pop(target, None)
        if mine is not None:
            self.row_errors[target] = mine
        if theirs is not None:
            self.row_errors[row] = theirs
        self._fill_row(row)
        self._fill_row(target)
        self.select_row(target)

    # -- saving -----------------------------------------------------------------------------
    def collect(self) -> list[CriterionInput]:
        """The list in the order shown (the service numbers the positions)."""
        return [replace(item) for item in self.items]

    def submit(self) -> None:
        """Save the whole list; problems are shown on their rows (the service checks them)."""
        if self.busy or not self.allowed:
            return
        items = self.collect()
        criteria = self.services.criteria
        self.run(lambda: criteria.save(items))

    def on_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_row_errors(exc.by_field(), exc.message)
        elif isinstance(exc, UserError):
            self.errors.clear()
            if exc.field:
                self.errors.show({exc.field: exc.message})
            self.summary.show_message(exc.message)
        else:
            show_error(self, exc)

    def show_row_errors(self, errors: dict[str, str], summary: str) -> None:
        """``criteria.<row>.<field>`` messages go beside the editor's fields for that row."""
        self.row_errors = {}
        other: list[str] = []
        for field, message in errors.items():
            match = FIELD_PATTERN.fullmatch(field)
            if match is None:
                other.append(message)
                continue
            row, name = int(match.group(1)), match.group(2)
            self.row_errors.setdefault(row, {})[name] = message
        lines = [summary, *other]
        for row in sorted(self.row_errors):
            code = self.items[row].code if row < len(self.items) else ""
            label_text = code or t("ui.screening.criteria.new_row")
            lines.append(t("ui.screening.criteria.row_problem", row=row + 1, code=label_text,
                           problems=" ".join(self.row_errors[row].values())))
        self.summary.show_message("\n".join(lines))
        self._fill_table()
        if self.row_errors:
            first = min(self.row_errors)
            self.select_row(first)
            self.errors.show(self.row_errors[first])

