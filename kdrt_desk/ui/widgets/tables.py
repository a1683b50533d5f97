"""Read-only lists: the one table set-up every screen uses, and columns sized to their text."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QToolTip,
    QWidget,
)
from shiboken6 import isValid

from kdrt_desk.ui.widgets.forms import as_typed

V = TypeVar("V", bound=QTableView)


class PlainTips(QStyledItemDelegate):
    """Qt's own cells, each cell's tool tip shown as typed: Qt would take a name written
    ``<b>Siti</b>`` (or with a link, an image) for rich text there. A cell without a tool tip
    of its own whose text is cut short ("Angkatan 7 Kert…", a narrow column, large text) shows
    its whole text as the tip."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802 - Qt API
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        tip = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        if not tip and index.isValid() and self.elided(view, option, index):
            tip = index.data(Qt.ItemDataRole.DisplayRole)
        if event is not None and event.type() == QEvent.Type.ToolTip and isinstance(tip, str) \
                and tip:
            QToolTip.showText(event.globalPos(), as_typed(tip), view, view.visualRect(index))
            return True
        return super().helpEvent(event, view, option, index)

    def elided(self, view: QAbstractItemView, option: QStyleOptionViewItem,
               index: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the cell's text is wider than the cell (so it is drawn cut short)."""
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return False
        cell = QStyleOptionViewItem(option)
        cell.rect = view.visualRect(index)
        needed = self.sizeHint(cell, index)
        return needed.width() > cell.rect.width() or needed.height() > cell.rect.height() + 2


def read_only(view: V, row_height: int = 26, stretch_last: bool = True) -> V:
    """Whole rows selected one at a time, nothing editable, striped, no row numbers, tool tips
    as typed; rows ``row_height`` px high, higher when the font is larger (Windows' "Make text
    bigger")."""
    if not isinstance(view.itemDelegate(), PlainTips):
        view.setItemDelegate(PlainTips(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(max(row_height, line_height(view)))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    return view


def line_height(view: QWidget) -> int:
    """A row's height for one line of ``view``'s font, with air above and below."""
    return view.fontMetrics().height() + 10


def rows_high(view: QTableView, rows: int) -> int:
    """The height that shows the column titles and ``rows`` rows of ``view``."""
    header = view.horizontalHeader()
    titles = 0 if header.isHidden() else header.sizeHint().height()
    return titles + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth()


def table(columns: list[str]) -> QTableWidget:
    """A read-only table with these column titles."""
    widget = QTableWidget(0, len(columns))
    widget.setHorizontalHeaderLabels(columns)
    return read_only(widget)


NARROWEST = 70
SHRINKS_FROM = 140  # columns narrower than this keep their width when the table is too wide


class _Fitted(QObject):
    """The widths ``fit_columns`` found for a table, shared out again whenever the table's
    width changes (a window made smaller, a tab shown for the first time) until she drags a
    column's edge herself. When even the kept columns do not fit on one line (large text in a
    narrow window), every row becomes two lines high and the texts wrap, rather than the kept
    columns being cut off."""

    def __init__(self, widget: QTableWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.natural: list[int] = []
        self.floors: list[int] = []
        self.wrap_floors: list[int] = []  # a kept column's width with its text wrapped
        self.keep: set[int] = set()
        self.wrapped = False  # the rows are two lines high, their texts wrapped
        self.word_wrap = widget.wordWrap()  # how the table was before that
        self.row_height = widget.verticalHeader().defaultSectionSize()
        self.applying = False
        self.pressed = False  # the mouse is down on the column titles
        self.hers = False  # she resized a column: her widths stay until the next fit
        header = widget.horizontalHeader()
        self.viewport = widget.viewport()
        self.viewport.installEventFilter(self)
        header.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized)
        header.sectionHandleDoubleClicked.connect(self._her_own)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if watched is self.viewport:
            if kind in (QEvent.Type.Resize, QEvent.Type.Show) and not self.hers \
                    and not self.applying and self.natural and isValid(self.widget):
                self.apply()
        elif kind == QEvent.Type.MouseButtonPress:
            self.pressed = True
        elif kind == QEvent.Type.MouseButtonRelease:
            self.pressed = False
        return False

    def _resized(self, _column: int, _old: int, _new: int) -> None:
        if self.pressed and not self.applying:
            self.hers = True

    def _her_own(self, _column: int) -> None:
        self.hers = True

    def apply(self) -> None:
        widths = share_out(self.natural, self.floors, self.keep,
                           self.widget.viewport().width() if self.widget.isVisible() else 0,
                           self.wrap_floors)
        header = self.widget.horizontalHeader()
        self.applying = True
        try:
            for column, width in enumerate(widths):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
            self._wrap(any(widths[c] < self.natural[c] for c in self.keep if c < len(widths)))
        finally:
            self.applying = False

    def _wrap(self, on: bool) -> None:
        """Rows of two lines, their texts wrapped (on), or of one line again."""
        if on == self.wrapped:
            return
        rows = self.widget.verticalHeader()
        if on:
            self.word_wrap, self.row_height = self.widget.wordWrap(), rows.defaultSectionSize()
            lines = 2 * self.widget.fontMetrics().lineSpacing() + 10
            self.widget.setWordWrap(True)
            rows.setDefaultSectionSize(max(lines, self.row_height))
        else:
            self.widget.setWordWrap(self.word_wrap)
            rows.setDefaultSectionSize(self.row_height)
        self.wrapped = on


def share_out(natural: list[int], floors: list[int], keep: Collection[int],
              room: int, wrap_floors: list[int] | None = None) -> list[int]:
    """Column widths within ``room`` px (0: unknown yet, the natural widths): when the natural
    widths are wider, the wide columns give up width down to ``SHRINKS_FROM``, then every
    column not in ``keep`` down to its floor (its title whole), then (with ``wrap_floors``)
    the kept ones down to the width of their text wrapped; only what still does not fit
    scrolls sideways."""
    widths = list(natural)
    if room <= 200:
        return widths
    wrapped = wrap_floors if wrap_floors is not None else widths
    for lowest, candidates in (
            (lambda c: max(SHRINKS_FROM, floors[c]),
             [c for c, w in enumerate(widths) if w > SHRINKS_FROM and c not in keep]),
            (lambda c: floors[c], [c for c in range(len(widths)) if c not in keep]),
            (lambda c: wrapped[c], [c for c in range(len(widths)) if c in keep])):
        excess = sum(widths) - room
        if excess <= 0:
            break
        spare = {c: widths[c] - lowest(c) for c in candidates if widths[c] > lowest(c)}
        total = sum(spare.values())
        if total <= 0:
            continue
        for c, give in spare.items():
            widths[c] -= min(give, int(excess * give / total) + 1)
    return widths


def fit_columns(widget: QTableWidget, air: int = 24, widest: int = 320,
                keep: Collection[int] = (), samples: Mapping[int, Iterable[str]] | None = None
                ) -> None:
    """Each column as wide as its longest text, within reason; when that is wider than the
    table, the wide columns give up width (their text elided, whole in the tool tip) so that
    the short ones (a status, a count) and those in ``keep`` stay whole, without scrolling
    sideways. Shared out again when the table gets narrower or wider. ``samples``: texts a
    column will show later and must have room for (the marks of a roll-call)."""
    metrics = widget.fontMetrics()
    header = widget.horizontalHeader()
    natural, floors, wrap_floors = [], [], []
    for column in range(widget.columnCount()):
        cells = [widget.item(row, column) for row in range(widget.rowCount())]
        texts = [i.text() for i in [widget.horizontalHeaderItem(column), *cells] if i is not None]
        texts += list((samples or {}).get(column, ()))
        width = max((metrics.horizontalAdvance(text) for text in texts), default=60) + air
        title = header.sectionSizeFromContents(column).width()
        cap = width if column in keep else widest  # a kept column: its whole text
        natural.append(max(min(max(width, NARROWEST), cap), title))
        floors.append(max(min(title, natural[-1]), NARROWEST // 2))
        halves = [wrapped_width(metrics, i.text()) for i in cells if i is not None]
        wrap_floors.append(min(max([title, *[h + air for h in halves]]), natural[-1]))
    fitted = widget.findChild(_Fitted, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if fitted is None:
        fitted = _Fitted(widget)
    fitted.natural, fitted.floors, fitted.keep, fitted.hers = natural, floors, set(keep), False
    fitted.wrap_floors = wrap_floors
    fitted.apply()


def wrapped_width(metrics: QFontMetrics, text: str) -> int:
    """The width ``text`` needs on two lines (broken at the space nearest its middle), or its
    longest word's when that is wider."""
    words = text.split()
    if len(words) < 2:
        return metrics.horizontalAdvance(text)
    best = min(range(1, len(words)), key=lambda cut: max(
        metrics.horizontalAdvance(" ".join(words[:cut])),
        metrics.horizontalAdvance(" ".join(words[cut:]))))
    return max(metrics.horizontalAdvance(" ".join(words[:best])),
               metrics.horizontalAdvance(" ".join(words[best:])))
