"""Read-only lists: the one table set-up every screen uses, and columns sized to their text."""

from __future__ import annotations

from collections.abc import Collection
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QToolTip,
)

from kdrt_desk.ui.widgets.forms import as_typed

V = TypeVar("V", bound=QTableView)


class PlainTips(QStyledItemDelegate):
    """Qt's own cells, each cell's tool tip shown as typed: Qt would take a name written
    ``<b>Siti</b>`` (or with a link, an image) for rich text there."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt API
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        tip = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        if event is not None and event.type() == QEvent.Type.ToolTip and isinstance(tip, str) \
                and tip:
            QToolTip.showText(event.globalPos(), as_typed(tip), view, view.visualRect(index))
            return True
        return super().helpEvent(event, view, option, index)


def read_only(view: V, row_height: int = 26, stretch_last: bool = True) -> V:
    """Whole rows selected one at a time, nothing editable, striped, no row numbers, tool tips
    as typed."""
    if not isinstance(view.itemDelegate(), PlainTips):
        view.setItemDelegate(PlainTips(view))
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


NARROWEST = 70
SHRINKS_FROM = 140  # columns narrower than this keep their width when the table is too wide


def fit_columns(widget: QTableWidget, air: int = 24, widest: int = 320,
                keep: Collection[int] = ()) -> None:
    """Each column as wide as its longest text, within reason; when that is wider than the
    table, the wide columns give up width (their text elided, whole in the tool tip) so that
    the short ones (a status, a count) and those in ``keep`` stay whole, without scrolling
    sideways."""
    metrics = widget.fontMetrics()
    header = widget.horizontalHeader()
    widths = []
    for column in range(widget.columnCount()):
        items = [widget.horizontalHeaderItem(column)]
        items += [widget.item(row, column) for row in range(widget.rowCount())]
        width = max((metrics.horizontalAdvance(i.text()) for i in items if i is not None),
                    default=60) + air
        widths.append(min(max(width, NARROWEST), widest))
    room = widget.viewport().width()
    excess = sum(widths) - room
    wide = [c for c, w in enumerate(widths) if w > SHRINKS_FROM and c not in keep]
    if widget.isVisible() and room > 200 and excess > 0 and wide:
        spare = sum(widths[c] - SHRINKS_FROM for c in wide)
        for c in wide:
            share = (widths[c] - SHRINKS_FROM) / spare if spare else 0
            widths[c] = max(SHRINKS_FROM, widths[c] - int(excess * share + 1))
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
