"""A span of clock time on one day that a session must not overlap, with why it is blocked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta


@dataclass(frozen=True)
class TimeWindow:
    """``start`` to ``end`` on one day; ``reason`` is a catalogue key (``calendar.window.*``)."""

    start: time
    end: time
    reason: str

    def overlaps(self, start: time, end: time) -> bool:
        """True when ``start``-``end`` shares any minute with this window (touching is fine)."""
        return start < self.end and self.start < end


def shifted(clock: time, minutes: int) -> time:
    """``clock`` moved by ``minutes``, held within the day (00:00 to 23:59)."""
    moved = datetime.combine(datetime.min.date() + timedelta(days=1), clock) + timedelta(
        minutes=minutes)
    if moved.day != 2:  # ran past midnight one way or the other
        return time(0, 0) if minutes < 0 else time(23, 59)
    return moved.time()


def first_overlap(windows: list[TimeWindow], start: time, end: time) -> TimeWindow | None:
    """The first window ``start``-``end`` runs into, or None when it is clear of them all."""
    return next((w for w in windows if w.overlaps(start, end)), None)
