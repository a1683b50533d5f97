"""Column widths sized to their text, one column stretching, and the user's own widths kept.

When the fitted columns leave the stretching one (the name) too little room (a narrow window,
Windows' "Make text bigger"), the wide ones give up width (their text elided, whole in the
tool tip) so that the name stays readable; this is done again when the table's width changes,
until she sets a width herself.

Widths are stored in QSettings under a hash of the username: no name or other personal data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt
from PySide6.QtWidgets import QHeaderView, QTableView
from shiboken6 import isValid

from kdrt_desk.ui.widgets.tables import share_out

AIR = 24  # padding beside the text
WIDEST = 260  # no fitted column grows past this; the stretching one takes what is left
SAMPLED_ROWS = 200
NAME_CHARACTERS = 18  # the stretching column keeps room for about this many characters


def user_key(username: str) -> str:
    """A short, stable stand-in for the username (the settings file holds no names)."""
    return hashlib.sha256(username.encode("utf-8")).hexdigest()[:16]


class ColumnWidths(QObject):
    """Fits ``table``'s columns once rows arrive, unless this user set widths before."""

    def __init__(self, table: QTableView, screen: str, username: str, stretch: int,
                 keep: Collection[int] = ()) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self.keep = set(keep)  # never narrower than their text (a code, a risk level)
        self.key = f"columns/{screen}/{user_key(username)}"
        self.applying = False
        self.fitted = False
        self.natural: list[int] = []  # the fitted widths, before sharing out the room
        self.floors: list[int] = []
        self.hers = False  # her own widths (saved, or set now): never shared out again
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        if 0 <= stretch < header.count():
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        saved = self._saved()
        if saved is not None:
            self._apply(saved)
            self.fitted = self.hers = True
        header.sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and self.natural \
                and not self.hers and not self.applying and isValid(self.table):
            self._share()
        return False

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
        widths, floors = [], []
        for column in range(model.columnCount()):
            texts = [model.data(model.index(row, column, QModelIndex()),
                                Qt.ItemDataRole.DisplayRole) for row in range(rows)]
            text_width = max((metrics.horizontalAdvance(str(text)) for text in texts
                              if text is not None), default=0) + AIR
            title = header.sectionSizeFromContents(column).width()
            widths.append(min(max(title, text_width), WIDEST))
            floors.append(min(title, widths[-1]))
        if 0 <= self.stretch < len(widths):  # the name: its title and a good part of it
            floors[self.stretch] = max(floors[self.stretch], min(
                widths[self.stretch], metrics.averageCharWidth() * NAME_CHARACTERS + AIR))
        self.natural, self.floors = widths, floors
        self._share()

    def _share(self) -> None:
        """The fitted widths within the table's width, the stretching column's floor kept
        free for it (it takes what is left)."""
        room = self.table.viewport().width() if self.table.isVisible() else 0
        others = [0 if c == self.stretch else w for c, w in enumerate(self.natural)]
        floors = [0 if c == self.stretch else f for c, f in enumerate(self.floors)]
        if not 0 <= self.stretch < len(self.floors):
            self._apply(share_out(others, floors, self.keep, room))
            return
        least = self.floors[self.stretch]
        widths = share_out(others, floors, self.keep, room - least if room > 200 else room)
        self._apply(widths)
        # even the titles do not fit (large text, a narrow window): the list scrolls sideways
        # and the name keeps its room instead of stretching down to nothing
        header = self.table.horizontalHeader()
        squeezed = room > 200 and sum(widths) + least > room
        mode = QHeaderView.ResizeMode.Interactive if squeezed else QHeaderView.ResizeMode.Stretch
        self.applying = True
        try:
            if header.sectionResizeMode(self.stretch) != mode:
                header.setSectionResizeMode(self.stretch, mode)
            if squeezed:
                header.resizeSection(self.stretch, least)
        finally:
            self.applying = False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self.applying or column == self.stretch:
            return
        self.hers = True
        header = self.table.horizontalHeader()
        QSettings("KDRT Desk", "KDRT Desk").setValue(
            self.key, [header.sectionSize(i) for i in range(header.count())])
