"""Check boxes for the members of an enum (needs, skills, barriers, risk reasons)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from kdrt_desk.i18n import label

E = TypeVar("E", bound=StrEnum)


class CheckGrid(QWidget, Generic[E]):
    """One check box per member of an enum, in a grid; reads and writes a set of members."""

    def __init__(self, enum: type[E], columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        self.boxes: dict[E, QCheckBox] = {}
        for i, member in enumerate(enum):
            box = QCheckBox(label(member))
            self.boxes[member] = box
            grid.addWidget(box, i // columns, i % columns)

    def value(self) -> set[E]:
        return {member for member, box in self.boxes.items() if box.isChecked()}

    def set_value(self, members: Iterable[E]) -> None:
        chosen = {str(m) for m in members}
        for member, box in self.boxes.items():
            box.setChecked(str(member) in chosen)

    def set_editable(self, editable: bool) -> None:
        for box in self.boxes.values():
            make_read_only(box, not editable)


def make_read_only(box: QCheckBox, read_only: bool) -> None:
    """Ignore clicks and keys but stay crisp (a disabled box is hard to read)."""
    box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
