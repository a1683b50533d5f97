"""When a facilitator can come and when a venue is open: hours per weekday and dates away or
closed, with the text form they are stored in (``{"0": ["08:00", "16:00"], ...}`` and a JSON
list of ISO dates)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time

MAX_DATES = 366  # away or closed dates kept per facilitator or venue


@dataclass(frozen=True)
class Hours:
    """From ``start`` to ``end`` on one weekday."""

    start: time
    end: time

    def holds(self, start: time, end: time) -> bool:
        return self.start <= start and end <= self.end


WeeklyHours = Mapping[int, Hours]  # weekday (Monday 0) -> hours; a weekday absent: not then


def hours_text(hours: WeeklyHours) -> str:
    """"" for "no limits set" (the facilitator comes any day, the venue keeps the centre's day)."""
    if not hours:
        return ""
    return json.dumps({str(day): [h.start.strftime("%H:%M"), h.end.strftime("%H:%M")]
                       for day, h in sorted(hours.items())}, separators=(",", ":"))


def parse_hours(text: str) -> dict[int, Hours]:
    if not text:
        return {}
    return {int(day): Hours(time.fromisoformat(s), time.fromisoformat(e))
            for day, (s, e) in json.loads(text).items()}


def dates_text(days: Iterable[date]) -> str:
    found = sorted(set(days))
    return json.dumps([d.isoformat() for d in found]) if found else ""


def parse_dates(text: str) -> set[date]:
    return {date.fromisoformat(d) for d in json.loads(text)} if text else set()
