"""A participant's timeline: registration, consent, screening, decisions and services by date."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kdrt_desk.domain.care import TimelineEvent
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import format_date, t
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.widgets.errors import ErrorLabel, show_error
from kdrt_desk.ui.widgets.look import TIMELINE_KINDS, TIMELINE_OTHER
from kdrt_desk.ui.widgets.tables import read_only
from kdrt_desk.wiring import Services

COLUMNS = ("date", "kind", "title", "detail")
# A pale band per kind of event: the marker is a coloured, labelled cell (no icons or emoji).
KIND_COLOURS = TIMELINE_KINDS
OTHER_COLOUR = TIMELINE_OTHER
COLUMN_LIMITS = (160, 180, 300)  # date, kind, title; the details stretch


def kind_label(kind: str) -> str:
    key = f"ui.care.timeline.kind.{kind}"
    text = t(key)
    return t("ui.care.timeline.kind.other") if text == key else text


class TimelineView(QWidget):
    """Read-only; the oldest event first so her path through the programme reads downwards."""

    loaded = Signal(int)  # events shown

    def __init__(self, services: Services, runner: TaskRunner, participant_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.participant_id = participant_id
        self.events: list[TimelineEvent] = []

        self.refresh_button = QPushButton(t("ui.care.timeline.refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.refresh_button)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([t(f"ui.care.timeline.col_{c}") for c in COLUMNS])
        read_only(self.table, stretch_last=False)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMNS.index("detail"), QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((135, 130, 250)):
            self.table.setColumnWidth(column, width)
        # wrapped details need new row heights whenever a column changes width
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.message = ErrorLabel()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        """Ask for her timeline again; answers to older requests are dropped."""
        timeline, pid = self.services.timeline, self.participant_id
        self.runner.run(lambda: timeline.timeline(pid),
                        self._show, self._failed, latest=(self, "list"))

    def clear(self) -> None:
        """Forget every event (used when the app locks)."""
        self.runner.drop((self, "list"))
        self.events = []
        self.table.setRowCount(0)
        self.count_label.clear()

    def _show(self, events: list[TimelineEvent]) -> None:
        # a stable sort keeps the service's order for events on the same day
        self.events = sorted(events, key=lambda e: e.on)
        self.table.setRowCount(len(self.events))
        bold = QFont(self.font())
        bold.setBold(True)
        for row, event in enumerate(self.events):
            marker = QTableWidgetItem(kind_label(event.kind))
            marker.setBackground(QBrush(KIND_COLOURS.get(event.kind, OTHER_COLOUR)))
            marker.setData(Qt.ItemDataRole.UserRole, event.kind)
            title = QTableWidgetItem(event.title)
            title.setFont(bold)
            cells = (QTableWidgetItem(format_date(event.on)), marker, title,
                     QTableWidgetItem(event.detail))
            for column, item in enumerate(cells):
                item.setToolTip(item.text())
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(row, column, item)
        self._fit_columns()
        self.table.resizeRowsToContents()
        self.count_label.setText(t("ui.care.timeline.count", count=len(self.events))
                                 if self.events else t("ui.care.timeline.none"))
        self.message.show_message("")
        self.loaded.emit(len(self.events))

    def _fit_columns(self) -> None:
        """Date, kind and title as wide as their texts (within limits); details take the rest."""
        header = self.table.horizontalHeader()
        for column, limit in enumerate(COLUMN_LIMITS):
            self.table.resizeColumnToContents(column)
            header.resizeSection(column, min(header.sectionSize(column) + 8, limit))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.message.show_message(exc.message)
        else:
            show_error(self, exc)

    def rows_text(self) -> list[tuple[str, str, str, str]]:
        """What each row shows (date, kind, title, detail), for tests and copying."""
        rows: list[tuple[str, str, str, str]] = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, column) for column in range(len(COLUMNS))]
            date_text, kind, title, detail = (c.text() if c is not None else "" for c in cells)
            rows.append((date_text, kind, title, detail))
        return rows
