"""Column widths sized to their text, one column stretching, and the user's own widths kept.

Widths are stored in QSettings under a hash of the username: no name or other personal data.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

AIR = 24  # padding beside the text
WIDEST = 260  # no fitted column grows past this; the stretching one takes what is left
SAMPLED_ROWS = 200


def user_key(username: str) -> str:
    """A short, stable stand-in for the username (the settings file holds no names)."""
    return hashlib.sha256(username.encode("utf-8")).hexdigest()[:16]


class ColumnWidths:
    """Fits ``table``'s columns once rows arrive, unless this user set widths before."""

    def __init__(self, table: QTableView, screen: str, username: str, stretch: int) -> None:
        self.table = table
        self.stretch = stretch
        self.key = f"columns/{screen}/{user_key(username)}"
        self.applying = False
        self.fitted = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if 0 <= stretch < header.count():
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        saved = self._saved()
        if saved is not None:
            self._apply(saved)
            self.fitted = True
        header.sectionResized.connect(self._resized)

    def _saved(self) -> list[int] | None:
        value = QSettings("KDRT Desk", "KDRT Desk").value(self.key)
        if not isinstance(value, list) or len(value) != self.table.horizontalHeader().count():
            return None
        try:
            return [int(width) for width in value]
        except (TypeError, ValueError):
            return None

    def _apply(self, widths: list[int]) -> None:
        self.applying = True
        try:
            for column, width in enumerate(widths):
                if column != self.stretch and width > 0:
                    self.table.setColumnWidth(column, width)
        finally:
            self.applying = False

    def fit(self) -> None:
        """Size every column but the stretching one to its header and the first rows' text."""
        model = self.table.model()
        if self.fitted or model is None or model.rowCount() == 0:
            return
        self.fitted = True
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        rows = min(model.rowCount(), SAMPLED_ROWS)
        widths = []
        for column in range(model.columnCount()):
            texts = [model.data(model.index(row, column, QModelIndex()),
                                Qt.ItemDataRole.DisplayRole) for row in range(rows)]
            text_width = max((metrics.horizontalAdvance(str(text)) for text in texts
                              if text is not None), default=0) + AIR
            widths.append(min(max(header.sectionSizeFromContents(column).width(), text_width),
                              WIDEST))
        self._apply(widths)

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self.applying or column == self.stretch:
            return
        header = self.table.horizontalHeader()
        QSettings("KDRT Desk", "KDRT Desk").setValue(
            self.key, [header.sectionSize(i) for i in range(header.count())])
