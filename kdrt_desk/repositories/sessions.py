"""Session queries: the session list with its names and attendance tallies, and double bookings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from kdrt_desk.db.values import as_date, as_time
from kdrt_desk.domain.training import ATTENDED, SessionQuery, SessionStatus, SessionView
from kdrt_desk.models import Attendance, Facilitator, Module, TrainingGroup, TrainingSession, Venue

ID_CHUNK = 500
LIVE = (SessionStatus.PLANNED.value, SessionStatus.HELD.value, SessionStatus.MOVED.value)
ATTENDED_VALUES = tuple(m.value for m in ATTENDED)
STATUS_BY_VALUE = {s.value: s for s in SessionStatus}


def group_id_named(session: Session, name: str) -> int | None:
    """The group of that name (any case), or None."""
    return session.scalar(select(TrainingGroup.id).where(
        func.lower(TrainingGroup.name) == name.lower()))


def list_views(session: Session, query: SessionQuery, group_id: int | None = None,
               facilitator_id: int | None = None) -> list[SessionView]:
    """Sessions by date and time; ``group_id`` (e.g. found by its name) and ``facilitator_id``
    (e.g. her own, for a facilitator) narrow the query further."""
    conditions: list[Any] = []
    for group in (query.group_id, group_id):
        if group is not None:
            conditions.append(TrainingSession.group_id == group)
    if query.start is not None:
        conditions.append(TrainingSession.session_date >= query.start)
    if query.end is not None:
        conditions.append(TrainingSession.session_date <= query.end)
    facilitator = facilitator_id if facilitator_id is not None else query.facilitator_id
    if facilitator is not None:
        conditions.append(TrainingSession.facilitator_id == facilitator)
    return select_views(session, conditions, query.limit)


def views_by_ids(session: Session, ids: Sequence[int]) -> list[SessionView]:
    """The sessions of ``ids``, in the order given."""
    by_id = {v.id: v for v in select_views(session, [TrainingSession.id.in_(ids)])}
    return [by_id[i] for i in ids]


def mark_count(session: Session, session_id: int) -> int:
    """How many attendance marks the session has."""
    return int(session.scalar(select(func.count(Attendance.id)).where(
        Attendance.session_id == session_id)) or 0)


def clashes(session: Session, day: date, start: time, end: time,
            exclude_id: int) -> list[tuple[int, int, int, time, time, str]]:
    """Live sessions on ``day`` overlapping [start, end): venue, facilitator, group, times and
    the group's name."""
    return [(venue, facilitator, group, as_time(starts), as_time(ends), name)
            for venue, facilitator, group, starts, ends, name in session.execute(
        select(TrainingSession.venue_id, TrainingSession.facilitator_id,
               TrainingSession.group_id, TrainingSession.start_time,
               TrainingSession.end_time, TrainingGroup.name)
        .join(TrainingGroup, TrainingGroup.id == TrainingSession.group_id)
        .where(TrainingSession.session_date == day,
               TrainingSession.status.in_(LIVE), TrainingSession.id != exclude_id,
               TrainingSession.start_time < end, TrainingSession.end_time > start))]


def tallies(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """{session: (marks taken, of them present or late)} for the sessions of ``ids`` (the unique
    index leads with session_id)."""
    found: dict[int, tuple[int, int]] = {}
    for first in range(0, len(ids), ID_CHUNK):
        for sid, marked, attended in session.execute(
                select(Attendance.session_id, func.count(Attendance.id),
                       func.sum(case((Attendance.mark.in_(ATTENDED_VALUES), 1), else_=0)))
                .where(Attendance.session_id.in_(ids[first:first + ID_CHUNK]))
                .group_by(Attendance.session_id)):
            found[sid] = (marked, int(attended or 0))
    return found


def select_views(session: Session, conditions: Sequence[Any],
                 limit: int | None = None) -> list[SessionView]:
    query = (select(TrainingSession.id, TrainingSession.group_id, TrainingSession.module_id,
                    type_coerce(TrainingSession.session_date, String),
                    type_coerce(TrainingSession.start_time, String),
                    type_coerce(TrainingSession.end_time, String),
                    TrainingSession.venue_id, TrainingSession.facilitator_id,
                    TrainingSession.topic, TrainingSession.status,
                    TrainingSession.cancel_reason,
                    type_coerce(TrainingSession.moved_from, String),
                    TrainingGroup.name, Module.code, Module.title, Venue.name,
                    Facilitator.name, TrainingSession.locked)
             .join(TrainingGroup, TrainingGroup.id == TrainingSession.group_id)
             .join(Module, Module.id == TrainingSession.module_id)
             .join(Venue, Venue.id == TrainingSession.venue_id)
             .join(Facilitator, Facilitator.id == TrainingSession.facilitator_id)
             .where(*conditions)
             .order_by(TrainingSession.session_date, TrainingSession.start_time,
                       TrainingGroup.name))
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    marks = tallies(session, [r[0] for r in rows])
    statuses = STATUS_BY_VALUE
    return [SessionView(
        id=r[0], group_id=r[1], module_id=r[2], session_date=as_date(r[3]),
        start_time=as_time(r[4]), end_time=as_time(r[5]), venue_id=r[6],
        facilitator_id=r[7], topic=r[8], status=statuses[r[9]], cancel_reason=r[10],
        moved_from=as_date(r[11]) if r[11] else None, group_name=r[12], module_code=r[13],
        module_title=r[14], venue_name=r[15], facilitator_name=r[16],
        marked=marks.get(r[0], (0, 0))[0], attended=marks.get(r[0], (0, 0))[1],
        locked=bool(r[17]))
        for r in rows]
