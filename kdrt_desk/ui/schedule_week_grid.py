"""The scheduler's week grid: weekdays across, half-hours down, each session a block (module
code, venue, expected attendance) that can be dragged to another day or time (30-minute snap).

The grid only draws and reports: ``selected(key)`` when a block is clicked, ``moved(key, day,
start)`` when one is dropped on another slot, ``menu_requested(key, global position)`` when a
block is right-clicked (its "Pindahkan ke…" and "Kunci" menu); the Penjadwalan tab changes its
proposal and hands the grid new blocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kdrt_desk.i18n import language, t
from kdrt_desk.ui.widgets.forms import as_typed
from kdrt_desk.ui.widgets.look import (
    CONFLICT_BLOCK,
    CONFLICT_EDGE,
    FIXED_BLOCK,
    GRID_HEADER,
    GRID_LINE,
    GRID_TEXT,
    LOCKED_BLOCK,
    PROPOSED_BLOCK,
    ROUTINE_DRAFT,
    ROUTINE_EDGE,
)

FIRST_HOUR, LAST_HOUR = 7, 18
SLOT_MINUTES = 30
SLOTS = (LAST_HOUR - FIRST_HOUR) * 60 // SLOT_MINUTES
SLOT_HEIGHT = 22
HEADER = 30
TIME_COLUMN = 54
NEW, FIXED, LOCKED, CONFLICT = "new", "fixed", "locked", "conflict"
FILL = {NEW: PROPOSED_BLOCK, FIXED: FIXED_BLOCK, LOCKED: LOCKED_BLOCK, CONFLICT: CONFLICT_BLOCK}


@dataclass(frozen=True)
class GridBlock:
    key: int  # the tab's index of the session
    day: date
    start: time
    end: time
    text: str
    tip: str
    state: str = NEW  # NEW, FIXED, LOCKED or CONFLICT

    @property
    def draggable(self) -> bool:
        return self.state in (NEW, CONFLICT)


def minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def at_minutes(total: int) -> time:
    return time(total // 60, total % 60)


def short_date(day: date) -> str:
    """``14 Des`` (a column header has little room)."""
    from babel.dates import format_date as babel_date

    return str(babel_date(day, "d MMM", locale=language()))


def lanes(blocks: list[GridBlock]) -> dict[int, tuple[int, int]]:
    """Side by side where blocks of a day overlap: key -> (lane, lanes of its cluster)."""
    found: dict[int, tuple[int, int]] = {}
    by_day: dict[date, list[GridBlock]] = {}
    for block in blocks:
        by_day.setdefault(block.day, []).append(block)
    for items in by_day.values():
        items.sort(key=lambda b: (b.start, b.end))
        clusters: list[tuple[list[tuple[GridBlock, int]], list[time]]] = []
        latest = time(0)
        for block in items:
            if not clusters or block.start >= latest:
                clusters.append(([], []))  # blocks with their lane; when each lane is free
            members, ends = clusters[-1]
            lane = next((n for n, end in enumerate(ends) if end <= block.start), len(ends))
            if lane == len(ends):
                ends.append(block.end)
            else:
                ends[lane] = block.end
            members.append((block, lane))
            latest = max(latest, block.end)
        for members, ends in clusters:
            for member, lane in members:
                found[member.key] = (lane, len(ends))
    return found


class ScheduleWeekGrid(QWidget):
    selected = Signal(int)
    moved = Signal(int, object, object)  # key, day (date), start (time)
    menu_requested = Signal(int, QPoint)  # key, where (global)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[date] = []
        self.titles: list[str] = []  # "Kam 10 Des" for each day shown
        self.blocks: list[GridBlock] = []
        self.current: int | None = None
        self._drag: GridBlock | None = None
        self._offset = 0
        self._ghost: QPoint | None = None
        self.lanes: dict[int, tuple[int, int]] = {}
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its session keys (Ctrl+M, Ctrl+K)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(self._time_column() + 6 * 130, self._header() + SLOTS * SLOT_HEIGHT)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Half the hint's height: an hour's label every other hour when that is tight."""
        return QSize(self._time_column() + 6 * 40, self._header() + SLOTS * SLOT_HEIGHT // 2)

    def _time_column(self) -> int:
        """The hours' column: "07.00" in the widget's font (larger with large text)."""
        return max(TIME_COLUMN, self.fontMetrics().horizontalAdvance("00.00") + 12)

    def _header(self) -> int:
        """The day names' row: two lines high when a column is too narrow for "Kam 10 Des"
        on one (large text)."""
        return max(HEADER, (2 if self._titles_wrap() else 1) * self.fontMetrics().lineSpacing()
                   + 10)

    def _titles_wrap(self) -> bool:
        room = int(self._column_width()) - 6
        metrics = self.fontMetrics()
        return any(metrics.horizontalAdvance(title) > room for title in self.titles)

    def show_week(self, days: list[date], blocks: list[GridBlock],
                  current: int | None = None) -> None:
        self.days = days
        self.titles = [f"{t(f'ui.schedule.day.{day.weekday()}')} {short_date(day)}"
                       for day in days]
        self.blocks = blocks
        self.current = current
        self.lanes = lanes(blocks)
        self.update()

    # -- geometry -------------------------------------------------------------------------
    def _column_width(self) -> float:
        return max(self.width() - self._time_column() - 1, 1) / max(len(self.days), 1)

    def _slot_height(self) -> float:
        return max(self.height() - self._header() - 1, 1) / SLOTS

    def _rect(self, day: date, start: time, end: time, lane: tuple[int, int] = (0, 1)
              ) -> QRect:
        column = self.days.index(day)
        width, height = self._column_width(), self._slot_height()
        top = self._header() + (minutes(start) - FIRST_HOUR * 60) / SLOT_MINUTES * height
        bottom = self._header() + (minutes(end) - FIRST_HOUR * 60) / SLOT_MINUTES * height
        share = width / lane[1]
        left = self._time_column() + column * width + lane[0] * share
        return QRect(int(left) + 2, int(top) + 1, int(share) - 4, max(int(bottom - top) - 2, 6))

    def block_rect(self, key: int) -> QRect:
        """Where the block of session ``key`` is drawn (an empty rect when not this week)."""
        block = next((b for b in self.blocks if b.key == key), None)
        if block is None or block.day not in self.days:
            return QRect()
        return self._rect(block.day, block.start, block.end, self.lanes.get(key, (0, 1)))

    def point_at(self, day: date, start: time) -> QPoint:
        """A point inside the half-hour at ``day`` ``start`` (a slot's top left, plus a bit)."""
        width, height = self._column_width(), self._slot_height()
        x = self._time_column() + self.days.index(day) * width + width / 2
        y = self._header() + (minutes(start) - FIRST_HOUR * 60) / SLOT_MINUTES * height + 3
        return QPoint(int(x), int(y))

    def _block_at(self, pos: QPoint) -> GridBlock | None:
        for block in reversed(self.blocks):
            if block.day in self.days and self.block_rect(block.key).contains(pos):
                return block
        return None

    def _drop(self, block: GridBlock, pos: QPoint) -> tuple[date, time] | None:
        """The day and start (snapped to the half-hour) a block dropped at ``pos`` goes to."""
        if not self.days:
            return None
        column = int((pos.x() - self._time_column()) // self._column_width())
        column = min(max(column, 0), len(self.days) - 1)
        length = minutes(block.end) - minutes(block.start)
        top = pos.y() - self._offset - self._header()
        slot = round(top / self._slot_height())
        first = FIRST_HOUR * 60 + slot * SLOT_MINUTES
        first = min(max(first, FIRST_HOUR * 60), LAST_HOUR * 60 - length)
        return self.days[column], at_minutes(first - first % SLOT_MINUTES)

    # -- the mouse ------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        block = self._block_at(pos)
        if block is None:
            return
        self.current = block.key
        self.selected.emit(block.key)
        if block.draggable:
            self._drag = block
            self._offset = pos.y() - self.block_rect(block.key).top()
            self._ghost = None
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._drag is not None:
            self._ghost = event.position().toPoint()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        block, self._drag, self._ghost = self._drag, None, None
        self.update()
        if block is None or event.button() != Qt.MouseButton.LeftButton:
            return
        target = self._drop(block, event.position().toPoint())
        if target is not None and target != (block.day, block.start):
            self.moved.emit(block.key, target[0], target[1])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        """Right-click on a block: it is chosen, and its menu asked for."""
        block = self._block_at(event.pos())
        if block is None:
            return
        self._drag, self._ghost = None, None
        self.current = block.key
        self.selected.emit(block.key)
        self.update()
        self.menu_requested.emit(block.key, event.globalPos())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self._block_at(event.pos())
            if block is not None:
                QToolTip.showText(event.globalPos(), as_typed(block.tip), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    # -- drawing --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self._column_width(), self._slot_height()
        painter.fillRect(QRect(0, 0, self.width(), self._header()), GRID_HEADER)
        painter.setPen(QPen(GRID_LINE))
        for slot in range(SLOTS + 1):
            y = int(self._header() + slot * height)
            painter.drawLine(self._time_column() if slot % 2 else 0, y, self.width(), y)
        for column in range(len(self.days) + 1):
            x = int(self._time_column() + column * width)
            painter.drawLine(x, 0, x, self.height())
        painter.setPen(QPen(GRID_TEXT))
        line = painter.fontMetrics().height()
        every = 1 if 2 * height >= line else 2  # the labels never overlap: every other hour
        for hour in range(FIRST_HOUR, LAST_HOUR, every):
            y = int(self._header() + (hour - FIRST_HOUR) * 2 * height)
            painter.drawText(QRect(2, y + 1, self._time_column() - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                             f"{hour:02d}.00")
        wrap = self._titles_wrap()
        for column, title in enumerate(self.titles):
            box = QRect(int(self._time_column() + column * width) + 2, 0, int(width) - 4,
                        self._header())
            if wrap:  # "Kam 10" above "Des"
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                                 title)
            else:
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, painter.fontMetrics()
                                 .elidedText(title, Qt.TextElideMode.ElideRight, int(width) - 6))
        for block in self.blocks:
            if block.day in self.days:
                self._draw_block(painter, block)
        if self._drag is not None and self._ghost is not None:
            target = self._drop(self._drag, self._ghost)
            if target is not None:
                end = at_minutes(minutes(target[1]) + minutes(self._drag.end)
                                 - minutes(self._drag.start))
                painter.setPen(QPen(ROUTINE_DRAFT, 2, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(self._rect(target[0], target[1], end), 4, 4)
        painter.end()

    def _draw_block(self, painter: QPainter, block: GridBlock) -> None:
        rect = self.block_rect(block.key)
        painter.setBrush(QColor(FILL.get(block.state, PROPOSED_BLOCK)))
        chosen = block.key == self.current
        edge = CONFLICT_EDGE if block.state == CONFLICT else (
            ROUTINE_DRAFT if chosen else ROUTINE_EDGE)
        painter.setPen(QPen(edge, 2.5 if chosen or block.state == CONFLICT else 1))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QPen(GRID_TEXT))
        inner = rect.adjusted(4, 2, -4, -2)
        metrics = painter.fontMetrics()
        lines = block.text.splitlines()
        room = max(inner.height() // max(metrics.height(), 1), 1)
        shown = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
                 for line in lines[:room]]
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         "\n".join(shown))
