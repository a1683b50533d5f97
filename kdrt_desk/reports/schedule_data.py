"""What the schedule outputs show: plain data in (from ``ScheduleExportService``), so the PDF,
workbook and calendar builders stay free of the database and of Qt.

No participant's name is in a ``Schedule``; only a ``ScheduleCard`` holds one: hers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from kdrt_desk.domain.training import SessionStatus


@dataclass(frozen=True)
class ScheduleRow:
    session_id: int
    day: date
    start: time
    end: time
    group: str
    module_code: str
    module_title: str
    venue: str
    venue_address: str
    facilitator: str
    topic: str = ""
    status: SessionStatus = SessionStatus.PLANNED
    moved_from: date | None = None

    @property
    def cancelled(self) -> bool:
        return self.status is SessionStatus.CANCELLED

    @property
    def module(self) -> str:
        return " ".join(p for p in (self.module_code, self.module_title) if p)


@dataclass(frozen=True)
class Schedule:
    """A group's or a facilitator's sessions in a period, by date and time."""

    kind: str  # "group" or "facilitator"
    subject: str  # the group's or the facilitator's name
    centre_name: str
    centre_address: str
    start: date | None
    end: date | None
    rows: list[ScheduleRow] = field(default_factory=list)


@dataclass(frozen=True)
class ScheduleCard:
    """One participant's own sessions, for the card handed to her.

    ``discreet`` (the default) keeps out everything that tells what the programme is about:
    module titles and codes, the centre's name, the group's and the facilitator's names.
    """

    name: str
    rows: list[ScheduleRow]
    discreet: bool = True
    centre_name: str = ""
    centre_address: str = ""
