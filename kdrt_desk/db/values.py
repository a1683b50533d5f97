"""Dates and times as the database hands them back: ISO text (SQLite) or objects (PostgreSQL)."""

from __future__ import annotations

from datetime import date, time


def as_date(value: object) -> date:
    """A date from a column read as text (SQLite) or as a date (PostgreSQL)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def as_time(value: object) -> time:
    """A time of day from a column read as text (SQLite) or as a time (PostgreSQL)."""
    return value if isinstance(value, time) else time.fromisoformat(str(value))


class DayCache(dict[object, date]):
    """``as_date`` for long lists: each distinct day is parsed once."""

    def __call__(self, value: object) -> date:
        day = self.get(value)
        if day is None:
            day = self[value] = as_date(value)
        return day
