"""A row of buttons and fields that wraps onto a second line instead of cutting them off.

A screen's row of actions is as wide as its texts: with Windows' "Make text bigger" (or a long
translation) it no longer fits a 1100 px window, and a ``QHBoxLayout`` would make the whole
window wider than the screen or squeeze the buttons' texts. ``WrapRow`` is laid out like a
``QHBoxLayout`` with one ``addStretch()`` (what comes after it sits at the right end), as long
as the row fits; when it does not, the rest of the row continues on the next line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QSpacerItem,
    QStyle,
    QWidget,
)


class WrapRow(QLayout):
    """Left to right, wrapping; the items after ``addStretch()`` pushed to the right end of
    their line. The layout's height follows its width (``heightForWidth``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right_from: int | None = None  # index of the first item after the stretch
        self.setContentsMargins(0, 0, 0, 0)

    # -- building -----------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def addStretch(self, _stretch: int = 1) -> None:  # noqa: N802 - like QBoxLayout
        """What is added after this sits at the right end of its line."""
        self._right_from = len(self._items)

    def addSpacing(self, size: int) -> None:  # noqa: N802 - like QBoxLayout
        """A gap (left out at the start of a line)."""
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed,
                                 QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        if not 0 <= index < len(self._items):
            return None
        if self._right_from is not None and index < self._right_from:
            self._right_from -= 1
        return self._items.pop(index)

    # -- sizes --------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Everything on one line."""
        shown = [item for item in self._items if not item.isEmpty()]
        width = sum(item.sizeHint().width() for item in shown) \
            + self._gap() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """As narrow as its widest item (each on a line of its own)."""
        shown = [item for item in self._items if not item.isEmpty()]
        width = max((item.minimumSize().width() for item in shown), default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # -- placing ------------------------------------------------------------------------------
    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        if style is None:
            return 6
        return max(style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing), 6)

    def _with_margins(self, size: QSize) -> QSize:
        margins: QMargins = self.contentsMargins()
        return QSize(size.width() + margins.left() + margins.right(),
                     size.height() + margins.top() + margins.bottom())

    def _lines(self, width: int) -> list[list[int]]:
        """The indexes of the shown items on each line, at this inner width."""
        gap = self._gap()
        lines: list[list[int]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            spacer = item.spacerItem() is not None
            needed = item.sizeHint().width()
            if lines[-1] and used + gap + needed > width:
                if spacer:  # a gap never starts a line
                    continue
                lines.append([])
                used = 0
            elif not lines[-1] and spacer:
                continue
            used += (gap if lines[-1] else 0) + needed
            lines[-1].append(index)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        y = inner.y()
        lines = self._lines(inner.width())
        for number, line in enumerate(lines):
            height = max(self._items[i].sizeHint().height() for i in line)
            widths = {i: min(self._items[i].sizeHint().width(), inner.width()) for i in line}
            used = sum(widths.values()) + gap * (len(line) - 1)
            pushed = False
            x = inner.x()
            for i in line:
                if self._right_from is not None and i >= self._right_from and not pushed:
                    pushed = True  # the rest of this line goes to its right end
                    x += max(inner.width() - used, 0)
                if move:
                    item = self._items[i]
                    item_height = min(item.sizeHint().height(), height) \
                        if item.spacerItem() is None else height
                    if item.expandingDirections() & Qt.Orientation.Vertical:
                        item_height = height
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(widths[i], item_height)))
                x += widths[i] + gap
            y += height + (gap if number < len(lines) - 1 else 0)
        return y - inner.y() + margins.top() + margins.bottom()


def together(*widgets: QWidget) -> QWidget:
    """``widgets`` side by side as one item of a ``WrapRow`` (a field and its label stay on
    the same line)."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    return box
