"""What the catalogue's edit dialogs share: one service call on save, errors under the fields."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.i18n import label
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.account_dialogs import dialog_buttons, fit_height, focus_first_error, hint_label
from kdrt_desk.ui.common import ErrorLabel, FieldErrors, failure_messages
from kdrt_desk.wiring import Services

E = TypeVar("E", bound=StrEnum)


class CatalogueDialog(QDialog):
    """Add or edit one catalogue entry; the service validates, messages go beside the fields.

    On an error the dialog stays open with what was typed; on success it emits ``saved`` with
    what the service returned and closes.
    """

    saved = Signal(object)
    ready = Signal()  # the choices the form needs have loaded

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.busy = False
        self.errors = FieldErrors()
        self.summary = ErrorLabel()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)

    def finish_layout(self, ok_text: str, intro: str = "", width: int = 600) -> None:
        self.buttons = dialog_buttons(ok_text)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(hint_label(intro))
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(width, self.sizeHint().height())
        fit_height(self, shrink=True)

    def run(self, call: Callable[[], object]) -> None:
        """Save through the service off the GUI thread; the form is locked meanwhile."""
        if self.busy:
            return
        self.busy = True
        self.setEnabled(False)
        self.runner.run(call, self._saved, self._failed)

    def _saved(self, result: object) -> None:
        if not isValid(self):
            return
        self.busy = False
        self.setEnabled(True)
        self.errors.clear()
        self.summary.show_message("")
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return  # closed while the service was busy
        self.busy = False
        self.setEnabled(True)
        errors = failure_messages(self, exc)
        if errors is not None:
            self.show_errors(errors)

    def show_errors(self, errors: dict[str, str]) -> None:
        unplaced = self.errors.show(errors)
        self.summary.show_message("\n".join(unplaced))
        focus_first_error(self.errors)
        fit_height(self)

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when none): for tests and screen readers."""
        error = self.errors.labels.get(field)
        return "" if error is None or error.isHidden() else error.text()

    def submit(self) -> None:  # pragma: no cover - every dialog defines its own
        raise NotImplementedError


def line_edit(limit: int, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(limit)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_box(text: str = "", height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def spin_box(low: int, high: int, value: int, suffix: str = "", step: int = 1) -> QSpinBox:
    """A wide range on purpose: the service names the allowed range when a value is outside."""
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setValue(value)
    if suffix:
        spin.setSuffix(suffix)
    spin.setMinimumWidth(110)
    return spin


class EnumChecks(QWidget):
    """One check box per member of an enum, in two columns."""

    def __init__(self, enum: type[E], chosen: Iterable[StrEnum] = (), columns: int = 2,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[StrEnum, QCheckBox] = {}
        chosen_set = set(chosen)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        for index, member in enumerate(enum):
            box = QCheckBox(label(member))
            box.setChecked(member in chosen_set)
            self.boxes[member] = box
            grid.addWidget(box, index // columns, index % columns)
        grid.setColumnStretch(columns, 1)

    def values(self) -> set[StrEnum]:
        return {member for member, box in self.boxes.items() if box.isChecked()}


def add_checkable(widget: QListWidget, text: str, value: int, checked: bool,
                  tooltip: str = "") -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    if tooltip:
        item.setToolTip(tooltip)
    widget.addItem(item)
    return item


def checked_values(widget: QListWidget) -> set[int]:
    return {int(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked}
