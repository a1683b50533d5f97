"""Routines on disk: the blocks as one JSON text in the sealed ``participant_routine.blocks``,
read back into ``Routine`` (a block that no longer parses reads as "cannot", all day: the
scheduler then plans around her rather than into her working hours)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.routine import OneOffBlock, Routine, RoutineBlock
from kdrt_desk.models import ParticipantRoutine

FORMAT = 1


def _clock(value: time) -> str:
    return value.strftime("%H:%M")


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def routine_text(routine: Routine) -> str:
    """The documented format: ``{"v": 1, "weekly": [[weekday, "HH:MM", "HH:MM", kind,
    strength, from, to], ...], "one_off": [["YYYY-MM-DD", "HH:MM", "HH:MM", kind, strength],
    ...]}``."""
    return json.dumps({
        "v": FORMAT,
        "weekly": [[b.weekday, _clock(b.start), _clock(b.end), b.kind.value, b.strength.value,
                    _day(b.valid_from), _day(b.valid_to)] for b in routine.weekly],
        "one_off": [[b.day.isoformat(), _clock(b.start), _clock(b.end), b.kind.value,
                     b.strength.value] for b in routine.one_off],
    }, separators=(",", ":"))


def _optional_day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def parse_routine(text: str) -> Routine:
    data = json.loads(text)
    weekly = tuple(RoutineBlock(int(w), time.fromisoformat(s), time.fromisoformat(e),
                                RoutineKind(k), BlockStrength(g), _optional_day(f),
                                _optional_day(u))
                   for w, s, e, k, g, f, u in data.get("weekly", []))
    one_off = tuple(OneOffBlock(date.fromisoformat(d), time.fromisoformat(s),
                                time.fromisoformat(e), RoutineKind(k), BlockStrength(g))
                    for d, s, e, k, g in data.get("one_off", []))
    return Routine(weekly, one_off)


UNREADABLE = Routine(tuple(RoutineBlock(d, time(0, 0), time(23, 59), RoutineKind.OTHER)
                           for d in range(7)))


def _read(text: object) -> Routine:
    """A stored routine; one emptied or changed outside the app reads as ``UNREADABLE``."""
    if not isinstance(text, str) or not text:
        return UNREADABLE
    try:
        return parse_routine(text)
    except (ValueError, TypeError, KeyError):
        return UNREADABLE


def load(session: Session, participant_id: int) -> Routine | None:
    """Her routine, or None when none was ever entered."""
    row = session.get(ParticipantRoutine, participant_id)
    return None if row is None else _read(row.blocks)


def load_many(session: Session, participant_ids: Iterable[int]) -> dict[int, Routine]:
    """The routines of those who have one (ORM rows: the sealed values open on load)."""
    wanted = sorted(set(participant_ids))
    found: dict[int, Routine] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for row in session.scalars(select(ParticipantRoutine).where(
                ParticipantRoutine.participant_id.in_(chunk))):
            found[row.participant_id] = _read(row.blocks)
    return found


def save(session: Session, participant_id: int, routine: Routine, by: str,
         now: datetime) -> bool:
    """Store her routine; True when it changed."""
    text = routine_text(routine)
    row = session.get(ParticipantRoutine, participant_id)
    if row is None:
        session.add(ParticipantRoutine(participant_id=participant_id, blocks=text, updated_by=by,
                                       updated_at=now))
        return True
    if row.blocks == text:
        return False
    row.blocks, row.updated_by, row.updated_at = text, by, now
    return True
