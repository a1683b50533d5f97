"""The register's item model: a list of ``ParticipantRow`` tuples, formatted only when painted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from kdrt_desk.domain.participant import ParticipantRow
from kdrt_desk.domain.phone import format_phone
from kdrt_desk.i18n import format_date, label, t

Index = QModelIndex | QPersistentModelIndex


class RegisterModel(QAbstractTableModel):
    """Rows come from the service already filtered and sorted; header clicks ask for a new query."""

    sort_requested = Signal(str, bool)  # column name, descending

    def __init__(self, columns: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.rows: list[ParticipantRow] = []

    def set_rows(self, rows: list[ParticipantRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_at(self, row: int) -> ParticipantRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        value = getattr(row, column)
        if column == "status":
            return label(value)
        if column == "registered_on":
            return format_date(value)
        if column == "phone":
            return format_phone(value) if value else ""
        return value

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(f"ui.register.col_{self.columns[section]}")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(self.columns[column], order == Qt.SortOrder.DescendingOrder)
