"""What the catalogue's edit dialogs share: one service call on save, errors under the fields."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from kdrt_desk.i18n import label
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.form_dialog import FormDialog
from kdrt_desk.ui.widgets.forms import as_typed
from kdrt_desk.wiring import Services

E = TypeVar("E", bound=StrEnum)


class CatalogueDialog(FormDialog):
    """Add or edit one catalogue entry; the service validates, messages go beside the fields."""

    ready = Signal()  # the choices the form needs have loaded

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(services, runner, parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)

    def finish_form(self, ok_text: str, intro: str = "", width: int = 600) -> None:
        self.finish_layout(self.form, ok_text, intro, width)


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
        item.setToolTip(as_typed(tooltip))
    widget.addItem(item)
    return item


def checked_values(widget: QListWidget) -> set[int]:
    return {int(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked}
