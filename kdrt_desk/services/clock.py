"""The office's calendar day: the PC's local date (WIB in Palembang), which every rule about
"not in the future" is checked against."""

from __future__ import annotations

from datetime import UTC, date, datetime


def local_today() -> date:
    return datetime.now(UTC).astimezone().date()
