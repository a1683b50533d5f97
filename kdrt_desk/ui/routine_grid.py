"""Her week as a grid (Monday to Sunday, 05.00–22.00 in half hours): weekly blocks drawn by
kind, drawn with the mouse, moved and resized with the keyboard, named in words for tool tips
and screen readers."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.routine import OneOffBlock, RoutineBlock
from kdrt_desk.i18n import format_date, label, t
from kdrt_desk.ui.widgets.look import ROUTINE_DRAFT, ROUTINE_EDGE, ROUTINE_KINDS

FIRST_HOUR, LAST_HOUR = 5, 22
STEP = 30  # minutes: what the mouse snaps to and one key press moves
FIRST, LAST = FIRST_HOUR * 60, LAST_HOUR * 60
ROWS = (LAST - FIRST) // STEP
HOUR_COLUMN = 46  # px: the hour labels on the left (at least; wider with large text)
HEADER = 24  # px: the weekday names on top (at least)
FOOTER = 8  # px: room for the last hour's label below its line (at least)


def hour_column(widget: QWidget) -> int:
    """The hour labels' column, "05.00" in ``widget``'s font (wider with large text)."""
    return max(HOUR_COLUMN, widget.fontMetrics().horizontalAdvance("00.00") + 12)


def header_height(widget: QWidget) -> int:
    return max(HEADER, widget.fontMetrics().height() + 6)


def footer_height(widget: QWidget) -> int:
    return max(FOOTER, widget.fontMetrics().height() // 2 + 1)


def minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def clock(total: int) -> time:
    return time(total // 60, total % 60)


def hours_text(start: time, end: time) -> str:
    return f"{start.strftime('%H.%M')}–{end.strftime('%H.%M')}"


def block_words(block: RoutineBlock | OneOffBlock) -> str:
    """"Senin 04.30–11.00, Kerja/berdagang, tidak bisa" (and its validity when it has one)."""
    day = (t(f"calendar.weekday.{block.weekday}") if isinstance(block, RoutineBlock)
           else format_date(block.day))
    words = t("ui.routine.block_words", day=day, hours=hours_text(block.start, block.end),
              kind=label(block.kind), strength=label(block.strength).lower())
    if isinstance(block, RoutineBlock) and (block.valid_from or block.valid_to):
        words += ", " + validity_words(block)
    return words


def validity_words(block: RoutineBlock) -> str:
    if block.valid_from and block.valid_to:
        return t("ui.routine.valid_between", start=format_date(block.valid_from),
                 end=format_date(block.valid_to))
    if block.valid_from:
        return t("ui.routine.valid_since", start=format_date(block.valid_from))
    return t("ui.routine.valid_until", end=format_date(block.valid_to))


def paint_fill(painter: QPainter, rect: QRectF, kind: RoutineKind,
               strength: BlockStrength) -> QPen:
    """A block's colour (its kind's; lighter and hatched for "prefers not"); returns the pen
    for its outline (dashed for "prefers not")."""
    fill = QColor(ROUTINE_KINDS.get(str(kind), ROUTINE_KINDS["other"]))
    if strength == BlockStrength.PREFERS_NOT:
        painter.fillRect(rect, fill.lighter(125))
        painter.fillRect(rect, QBrush(fill.darker(125), Qt.BrushStyle.BDiagPattern))
        return QPen(ROUTINE_EDGE, 1, Qt.PenStyle.DashLine)
    painter.fillRect(rect, fill)
    return QPen(ROUTINE_EDGE, 1)


class KindLegend(QWidget):
    """What the grid's colours mean: one swatch per kind, and the hatching of "prefers not"."""

    SWATCH = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(t("ui.routine.legend"))
        self.setAccessibleDescription(", ".join(text for text, _k, _s in self.entries()))

    @staticmethod
    def entries() -> list[tuple[str, RoutineKind, BlockStrength]]:
        shown = [(label(kind), kind, BlockStrength.CANNOT) for kind in RoutineKind]
        shown.append((label(BlockStrength.PREFERS_NOT), RoutineKind.OTHER,
                      BlockStrength.PREFERS_NOT))
        return shown

    def _places(self, width: int) -> list[tuple[int, int, str, RoutineKind, BlockStrength]]:
        """Where each entry goes (x, row): on one line when it fits, else wrapped (a narrow
        window, large text or 150 % scaling), never cut off."""
        metrics = self.fontMetrics()
        x, row, places = hour_column(self), 0, []
        for text, kind, strength in self.entries():
            needed = self.SWATCH + 6 + metrics.horizontalAdvance(text) + 16
            if x > hour_column(self) and x + needed > width:
                x, row = hour_column(self), row + 1
            places.append((x, row, text, kind, strength))
            x += needed
        return places

    def _line(self) -> int:
        return self.fontMetrics().height() + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        metrics = self.fontMetrics()
        width = hour_column(self) + sum(self.SWATCH + 6 + metrics.horizontalAdvance(text) + 16
                                  for text, _k, _s in self.entries())
        return QSize(width, self._line())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(hour_column(self) + 120, self._line())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return (max(row for _x, row, *_rest in self._places(width)) + 1) * self._line()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.setFixedHeight(self.heightForWidth(self.width()))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        line = self._line()
        for x, row, text, kind, strength in self._places(self.width()):
            middle = row * line + line // 2
            swatch = QRectF(x, middle - self.SWATCH / 2, self.SWATCH, self.SWATCH)
            painter.setPen(paint_fill(painter, swatch, kind, strength))
            painter.drawRect(swatch)
            painter.setPen(self.palette().text().color())
            advance = metrics.horizontalAdvance(text)
            painter.drawText(QRect(x + self.SWATCH + 6, row * line, advance + 2, line),
                             Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class RoutineGrid(QWidget):
    """The weekly blocks of one routine; ``changed`` on every edit, ``selection_changed`` with
    the selected block's index (or None), ``edit_requested`` on Enter or a double click."""

    changed = Signal()
    selection_changed = Signal(object)
    edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks: list[RoutineBlock] = []
        self.selected: int | None = None
        self.editable = True
        self.kind = RoutineKind.WORK  # what a block drawn with the mouse gets
        self.strength = BlockStrength.CANNOT
        self._anchor: tuple[int, int] | None = None  # weekday, minute where the drag began
        self._draft: tuple[int, int, int] | None = None  # weekday, start, end while drawing
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(t("ui.routine.grid_name"))
        self._describe()

    # -- the blocks ---------------------------------------------------------------------------
    def set_blocks(self, blocks: list[RoutineBlock] | tuple[RoutineBlock, ...]) -> None:
        self.blocks = list(blocks)
        self.select(None)
        self.update()

    def select(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self.blocks):
            index = None
        self.selected = index
        self._describe()
        self.update()
        self.selection_changed.emit(index)

    def selected_block(self) -> RoutineBlock | None:
        return None if self.selected is None else self.blocks[self.selected]

    def replace_selected(self, block: RoutineBlock) -> None:
        if self.selected is None:
            return
        self.blocks[self.selected] = block
        self._edited()

    def add(self, block: RoutineBlock) -> None:
        self.blocks.append(block)
        self.selected = len(self.blocks) - 1
        self._edited()
        self.selection_changed.emit(self.selected)

    def remove_selected(self) -> None:
        if self.selected is None or not self.editable:
            return
        del self.blocks[self.selected]
        self.selected = None
        self._edited()
        self.selection_changed.emit(None)

    def _edited(self) -> None:
        self._describe()
        self.update()
        self.changed.emit()

    def _describe(self) -> None:
        chosen = self.selected_block()
        what = block_words(chosen) if chosen is not None else t("ui.routine.grid_none_selected")
        keys = t("ui.routine.keys") if self.editable else t("ui.routine.keys_read_only")
        self.setAccessibleDescription(f"{what}. {keys}")

    # -- geometry -----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(hour_column(self) + 7 * 96,
                     header_height(self) + ROWS * 14 + footer_height(self))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(hour_column(self) + 7 * 64,
                     header_height(self) + ROWS * 11 + footer_height(self))

    def _column_width(self) -> float:
        return (self.width() - hour_column(self) - 1) / 7

    def _row_height(self) -> float:
        return (self.height() - header_height(self) - footer_height(self) - 1) / ROWS

    def _y(self, minute: int) -> float:
        minute = min(max(minute, FIRST), LAST)
        return header_height(self) + (minute - FIRST) / STEP * self._row_height()

    def _x(self, weekday: int) -> float:
        return hour_column(self) + weekday * self._column_width()

    def block_rect(self, block: RoutineBlock) -> QRectF:
        """Where ``block`` is drawn (clipped to the grid's hours)."""
        top, bottom = self._y(minutes(block.start)), self._y(minutes(block.end))
        return QRectF(self._x(block.weekday) + 2, top, self._column_width() - 4,
                      max(bottom - top, 3.0))

    def point_of(self, weekday: int, minute: int) -> QPoint:
        """The pixel of ``weekday`` at ``minute`` (a half-hour line), for drawing with a mouse
        (and for tests that do)."""
        return QPoint(int(self._x(weekday) + self._column_width() / 2), round(self._y(minute)))

    def _weekday_at(self, x: float) -> int | None:
        if x < hour_column(self):
            return None
        day = int((x - hour_column(self)) // self._column_width())
        return day if 0 <= day < 7 else None

    def _snap(self, y: float) -> int:
        """The half-hour line nearest to ``y``."""
        steps = round((y - header_height(self)) / self._row_height())
        return FIRST + min(max(steps, 0), ROWS) * STEP

    def block_at(self, pos: QPoint) -> int | None:
        """The topmost block under ``pos`` (the last drawn)."""
        for index in reversed(range(len(self.blocks))):
            if self.block_rect(self.blocks[index]).contains(pos.toPointF()):
                return index
        return None

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        colours = self.palette()
        painter.fillRect(self.rect(), colours.base())
        column, row = self._column_width(), self._row_height()
        light = QPen(colours.midlight().color())
        dark = QPen(colours.mid().color())
        bottom = round(self._y(LAST))
        for step in range(ROWS + 1):
            y = round(header_height(self) + step * row)
            painter.setPen(dark if step % 2 == 0 else light)
            painter.drawLine(hour_column(self), y, self.width() - 1, y)
        painter.setPen(colours.text().color())
        metrics = painter.fontMetrics()
        every = 1 if 2 * row >= metrics.height() else 2  # labels never overlap
        for hour in range(FIRST_HOUR, LAST_HOUR + 1, every):
            y = round(header_height(self) + (hour - FIRST_HOUR) * 2 * row)
            text_rect = QRect(0, y - metrics.height() // 2, hour_column(self) - 6, metrics.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, f"{hour:02d}.00")
        for day in range(7):
            x = round(self._x(day))
            painter.setPen(dark)
            painter.drawLine(x, 0, x, bottom)
            painter.setPen(colours.text().color())
            name = metrics.elidedText(t(f"calendar.weekday.{day}"), Qt.TextElideMode.ElideRight,
                                      int(column) - 4)
            painter.drawText(QRect(x, 0, int(column), header_height(self)),
                             Qt.AlignmentFlag.AlignCenter, name)
        painter.setPen(dark)
        right = self.width() - 1
        painter.drawLine(right, 0, right, bottom)
        for index, block in enumerate(self.blocks):
            self._paint_block(painter, block, index == self.selected)
        if self._draft is not None:
            day, start, end = self._draft
            rect = QRectF(self._x(day) + 2, self._y(start), column - 4,
                          max(self._y(end) - self._y(start), 2.0))
            draft = QColor(ROUTINE_DRAFT)
            draft.setAlpha(70)
            painter.fillRect(rect, draft)
            painter.setPen(QPen(ROUTINE_DRAFT, 2, Qt.PenStyle.DashLine))
            painter.drawRect(rect)
        if self.hasFocus():
            painter.setPen(QPen(colours.highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _paint_block(self, painter: QPainter, block: RoutineBlock, selected: bool) -> None:
        rect = self.block_rect(block)
        edge = paint_fill(painter, rect, block.kind, block.strength)
        if selected:
            edge = QPen(self.palette().highlight().color(), 3)
        painter.setPen(edge)
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        painter.setPen(self.palette().text().color())
        metrics = painter.fontMetrics()
        inner = rect.adjusted(3, 1, -3, -1).toRect()
        lines = [hours_text(block.start, block.end), label(block.kind)]
        if block.strength == BlockStrength.PREFERS_NOT:
            lines.append(label(block.strength))
        room = max(inner.height() // metrics.height(), 1)
        if room == 1:  # an hour's block: its kind says more than the hours beside it
            lines = [label(block.kind)]
        shown = [metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
                 for line in lines[:room]]
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         "\n".join(shown))

    # -- the mouse ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position().toPoint()
        hit = self.block_at(pos)
        if hit is not None:
            self.select(hit)
            return
        day = self._weekday_at(pos.x())
        if day is None or pos.y() < header_height(self):
            return
        self.select(None)
        if self.editable:
            minute = self._snap(pos.y())
            self._anchor = (day, minute)
            self._draft = (day, minute, minute)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._anchor is None:
            return
        day, anchor = self._anchor
        minute = self._snap(event.position().y())
        self._draft = (day, min(anchor, minute), max(anchor, minute))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        if self._anchor is None:
            return
        self.mouseMoveEvent(event)
        draft, self._anchor, self._draft = self._draft, None, None
        self.update()
        if draft is None or draft[1] == draft[2]:
            return  # a click on empty space: nothing drawn
        day, start, end = draft
        self.add(RoutineBlock(day, clock(start), clock(end), self.kind, self.strength))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        hit = self.block_at(event.position().toPoint())
        if hit is not None:
            self.select(hit)
            self.edit_requested.emit(hit)

    # -- the keyboard -------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and self.blocks:
            self._select_next(1 if key == Qt.Key.Key_PageDown else -1)
            return
        block = self.selected_block()
        if block is None:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            assert self.selected is not None
            self.edit_requested.emit(self.selected)
            return
        if not self.editable:
            super().keyPressEvent(event)
            return
        moved: RoutineBlock | None = None
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            delta = STEP if key == Qt.Key.Key_Down else -STEP
            moved = self._resized(block, delta) if shift else self._shifted(block, delta)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not shift:
            day = block.weekday + (1 if key == Qt.Key.Key_Right else -1)
            moved = replace(block, weekday=day) if 0 <= day < 7 else block
        else:
            super().keyPressEvent(event)
            return
        if moved is not None and moved != block:
            self.replace_selected(moved)

    def _select_next(self, direction: int) -> None:
        order = sorted(range(len(self.blocks)),
                       key=lambda i: (self.blocks[i].weekday, self.blocks[i].start))
        if self.selected is None:
            self.select(order[0] if direction > 0 else order[-1])
            return
        place = order.index(self.selected) + direction
        self.select(order[place % len(order)])

    @staticmethod
    def _shifted(block: RoutineBlock, delta: int) -> RoutineBlock:
        start, end = minutes(block.start) + delta, minutes(block.end) + delta
        if start < min(FIRST, minutes(block.start)) or end > max(LAST, minutes(block.end)):
            return block
        return replace(block, start=clock(start), end=clock(end))

    @staticmethod
    def _resized(block: RoutineBlock, delta: int) -> RoutineBlock:
        end = minutes(block.end) + delta
        if end <= minutes(block.start) or end > max(LAST, minutes(block.end)):
            return block
        return replace(block, end=clock(end))

    # -- words --------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.block_at(event.pos())
            self.setToolTip("" if hit is None else block_words(self.blocks[hit]))
            if hit is None:
                QToolTip.hideText()
                return True
        return super().event(event)

    def tool_tip_at(self, pos: QPoint) -> str:
        """What the tool tip at ``pos`` says ("" over empty space)."""
        hit = self.block_at(pos)
        return "" if hit is None else block_words(self.blocks[hit])

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        self.update()
        super().focusOutEvent(event)
