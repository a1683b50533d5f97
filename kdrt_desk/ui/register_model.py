"""The register's lazy item model: every matching id up front, rows fetched a page at a time.

50,000 ids cost a few milliseconds; only the pages the user scrolls to are read and formatted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from kdrt_desk.domain.enums import RiskLevel
from kdrt_desk.domain.nik import mask_nik
from kdrt_desk.domain.participant import ParticipantRow
from kdrt_desk.domain.phone import mask_phone
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.ui.widgets.look import HIGH_RISK_ROW, HIGH_RISK_ROW_TEXT

Index = QModelIndex | QPersistentModelIndex
HIGH_RISK_BACKGROUND = HIGH_RISK_ROW  # rows of high-risk participants, for roles that see risk
HIGH_RISK_TEXT = HIGH_RISK_ROW_TEXT
PAGE = 200
PageFetcher = Callable[[list[int], Callable[[list[ParticipantRow]], None]], None]


class RegisterModel(QAbstractTableModel):
    """Rows come from the service already filtered and sorted; header clicks ask for a new query."""

    sort_requested = Signal(str, bool)  # column name, descending

    def __init__(self, columns: Sequence[str], fetch_page: PageFetcher, parent: Any = None
                 ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.fetch_page = fetch_page
        self.ids: list[int] = []
        self.cache: dict[int, ParticipantRow] = {}
        self.pending: set[int] = set()
        self.generation = 0

    def set_result(self, ids: list[int], first_rows: list[ParticipantRow]) -> None:
        self.beginResetModel()
        self.generation += 1
        self.ids = ids
        self.cache = {row.id: row for row in first_rows}
        self.pending = set()
        self.endResetModel()

    def clear(self) -> None:
        self.set_result([], [])

    def row_at(self, row: int) -> ParticipantRow | None:
        if not 0 <= row < len(self.ids):
            return None
        return self.cache.get(self.ids[row])

    def id_at(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            cached = self.cache.get(self.ids[index.row()])
            if cached is not None and cached.risk_level == RiskLevel.HIGH:
                return HIGH_RISK_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole \
                    else HIGH_RISK_TEXT
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.cache.get(self.ids[index.row()])
        if row is None:
            self._request(index.row() // PAGE)
            return "…" if index.column() == 0 else None
        column = self.columns[index.column()]
        value = getattr(row, column)
        if column == "risk_level":
            if value is None:
                return ""
            return f"⚠ {label(value)}" if value == RiskLevel.HIGH else label(value)
        if column == "status":
            return label(value)
        if column == "registered_on":
            return format_date(value)
        if column == "phone":  # lists show less than records: the full value is on her form
            return mask_phone(value) if value else ""
        if column == "nik":
            return mask_nik(value)
        return value

    def _request(self, page: int) -> None:
        if page in self.pending:
            return
        self.pending.add(page)
        generation = self.generation
        ids = self.ids[page * PAGE:(page + 1) * PAGE]

        def arrived(rows: list[ParticipantRow]) -> None:
            if generation != self.generation:
                return
            self.cache.update((row.id, row) for row in rows)
            first = page * PAGE
            last = min(first + PAGE, len(self.ids)) - 1
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, len(self.columns) - 1))

        self.fetch_page(ids, arrived)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return t(f"ui.register.col_{self.columns[section]}")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_requested.emit(self.columns[column], order == Qt.SortOrder.DescendingOrder)
