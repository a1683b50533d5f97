"""Read-only lists: the one table set-up every screen uses, and columns sized to their text."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget

V = TypeVar("V", bound=QTableView)


def read_only(view: V, row_height: int = 26, stretch_last: bool = True) -> V:
    """Whole rows selected one at a time, nothing editable, striped, no row numbers."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    return view


def table(columns: list[str]) -> QTableWidget:
    """A read-only table with these column titles."""
    widget = QTableWidget(0, len(columns))
    widget.setHorizontalHeaderLabels(columns)
    return read_only(widget)


def fit_columns(widget: QTableWidget, air: int = 24, widest: int = 320) -> None:
    """Each column as wide as its longest text, within reason."""
    metrics = widget.fontMetrics()
    header = widget.horizontalHeader()
    for column in range(widget.columnCount()):
        items = [widget.horizontalHeaderItem(column)]
        items += [widget.item(row, column) for row in range(widget.rowCount())]
        width = max((metrics.horizontalAdvance(i.text()) for i in items if i is not None),
                    default=60) + air
        header.resizeSection(column, min(max(width, 70), widest))
