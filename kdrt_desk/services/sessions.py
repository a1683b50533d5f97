"""Sessions of a group's modules: the one place sessions are created, changed and listed.

``create`` (one, by hand) and ``create_many`` (a whole plan, e.g. from the scheduler) share
every rule: inside the group's period, ending after it starts, a module the group follows, a
facilitator who may teach it, a venue with what the module needs, and no venue, facilitator or
group booked twice at the same time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time

from sqlalchemy import String, case, func, select, type_coerce
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.domain.training import (
    ATTENDED,
    SessionInput,
    SessionQuery,
    SessionStatus,
    SessionView,
    VenueFeature,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.i18n import format_date, format_time, label
from kdrt_desk.models import (
    Attendance,
    Facilitator,
    GroupModule,
    Module,
    TrainingGroup,
    TrainingSession,
    Venue,
    facilitator_module,
)
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.programme_access import own_facilitator_id, sees_all
from kdrt_desk.services.programme_validation import one_line, split_enum

TOPIC_LIMIT = 200
REASON_LIMIT = 500
LIVE = (SessionStatus.PLANNED.value, SessionStatus.HELD.value, SessionStatus.MOVED.value)
ATTENDED_VALUES = tuple(m.value for m in ATTENDED)


def _time_of(value: object) -> time:
    return value if isinstance(value, time) else time.fromisoformat(str(value))


def _day_of(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


class SessionService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- creating and changing -----------------------------------------------------------------
    def create(self, data: SessionInput) -> SessionView:
        """One session, by hand."""
        return self.create_many([data])[0]

    def create_many(self, plan: Sequence[SessionInput]) -> list[SessionView]:
        """A whole plan of sessions: all are saved, or (on any problem) none.

        A problem names the plan's row in ``field`` ("row 3: ...") when there is more than one.
        """
        self.actor.require(Permission.MANAGE_GROUPS)
        if not plan:
            return []
        now = datetime.now(UTC)
        with self.db.transaction() as session:
            rows: list[TrainingSession] = []
            for index, data in enumerate(plan, start=1):
                try:
                    clean = self._validated(session, data, exclude_id=0)
                except ValidationError as exc:
                    if len(plan) == 1:
                        raise
                    raise ValidationError([UserError("error.plan_row", field=f"row {index}",
                                                     row=index, problem=e.message)
                                           for e in exc.errors]) from exc
                row = TrainingSession(
                    group_id=clean.group_id, module_id=clean.module_id,
                    session_date=clean.session_date, start_time=clean.start_time,
                    end_time=clean.end_time, venue_id=clean.venue_id,
                    facilitator_id=clean.facilitator_id, topic=clean.topic,
                    status=SessionStatus.PLANNED.value, cancel_reason="",
                    created_by=self.actor.username, created_at=now)
                session.add(row)
                session.flush()  # the next row's double-booking check sees this one
                rows.append(row)
            audit_log.append(session, self.actor.username, "sessions_created",
                             f"group:{rows[0].group_id}", {"count": len(rows)})
            return self._views(session, [r.id for r in rows])

    def update(self, data: SessionInput) -> SessionView:
        """Change a session not yet held; a new date marks it as moved (the old date is kept)."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            row = self._session(session, data.id)
            if row.status == SessionStatus.CANCELLED.value:
                raise UserError("error.session_cancelled")
            if self._mark_count(session, row.id):
                raise UserError("error.session_has_attendance")
            clean = self._validated(session, replace(data, group_id=row.group_id),
                                    exclude_id=row.id)
            assert clean.session_date is not None and clean.start_time is not None
            assert clean.end_time is not None and clean.venue_id is not None
            assert clean.facilitator_id is not None
            if clean.session_date != row.session_date:
                row.moved_from = row.session_date
                row.status = SessionStatus.MOVED.value
            row.module_id, row.session_date = clean.module_id, clean.session_date
            row.start_time, row.end_time = clean.start_time, clean.end_time
            row.venue_id, row.facilitator_id = clean.venue_id, clean.facilitator_id
            row.topic = clean.topic
            audit_log.append(session, self.actor.username, "session_changed",
                             f"session:{row.id}")
            session.flush()
            return self._views(session, [row.id])[0]

    def cancel(self, session_id: int, reason: str) -> SessionView:
        """Cancel with a reason; a session with attendance cannot be cancelled."""
        self.actor.require(Permission.MANAGE_GROUPS)
        clean = (reason or "").strip()
        bad = reject_control_characters("reason", clean, multiline=True)
        if bad:
            raise ValidationError(bad)
        if not clean:
            raise ValidationError([UserError("error.cancel_reason_required", field="reason")])
        if len(clean) > REASON_LIMIT:
            raise ValidationError([UserError("error.too_long", field="reason",
                                             limit=REASON_LIMIT)])
        with self.db.transaction() as session:
            row = self._session(session, session_id)
            if row.status == SessionStatus.CANCELLED.value:
                raise UserError("error.session_cancelled")
            if self._mark_count(session, row.id):
                raise UserError("error.session_has_attendance")
            row.status, row.cancel_reason = SessionStatus.CANCELLED.value, clean
            audit_log.append(session, self.actor.username, "session_cancelled",
                             f"session:{row.id}")
            session.flush()
            return self._views(session, [row.id])[0]

    def delete(self, session_id: int) -> None:
        """Only a session nobody's attendance was taken for; otherwise cancel it."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            row = self._session(session, session_id)
            if self._mark_count(session, row.id):
                raise UserError("error.session_has_attendance")
            session.delete(row)
            audit_log.append(session, self.actor.username, "session_deleted",
                             f"session:{session_id}")

    # -- reading ------------------------------------------------------------------------------
    def sessions(self, query: SessionQuery = SessionQuery()) -> list[SessionView]:
        """Sessions by date and time (a facilitator: only those she leads)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            conditions = []
            if query.group_id is not None:
                conditions.append(TrainingSession.group_id == query.group_id)
            if query.group_name:
                group = session.scalar(select(TrainingGroup.id).where(
                    func.lower(TrainingGroup.name) == one_line(query.group_name).lower()))
                if group is None:
                    raise UserError("error.group_unknown")
                conditions.append(TrainingSession.group_id == group)
            if query.start is not None:
                conditions.append(TrainingSession.session_date >= query.start)
            if query.end is not None:
                conditions.append(TrainingSession.session_date <= query.end)
            mine = self._own_facilitator(session)
            if mine is not None:
                conditions.append(TrainingSession.facilitator_id == mine)
            elif query.facilitator_id is not None:
                conditions.append(TrainingSession.facilitator_id == query.facilitator_id)
            return self._select_views(session, conditions, query.limit)

    def get(self, session_id: int) -> SessionView:
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            self._session(session, session_id)
            return self._views(session, [session_id])[0]

    # -- helpers -------------------------------------------------------------------------------
    def _own_facilitator(self, session: Session) -> int | None:
        """None for staff who see every session; a facilitator's own id (or -1 if unlinked)."""
        if sees_all(self.actor):
            return None
        mine = own_facilitator_id(session, self.actor)
        return -1 if mine is None else mine

    def _session(self, session: Session, session_id: int) -> TrainingSession:
        row = session.get(TrainingSession, session_id)
        if row is None:
            raise UserError("error.session_unknown")
        mine = self._own_facilitator(session)
        if mine is not None and row.facilitator_id != mine:
            raise PermissionDeniedError()
        return row

    @staticmethod
    def _mark_count(session: Session, session_id: int) -> int:
        return int(session.scalar(select(func.count(Attendance.id)).where(
            Attendance.session_id == session_id)) or 0)

    def _validated(self, session: Session, data: SessionInput, exclude_id: int) -> SessionInput:
        errors: list[UserError] = []
        group = session.get(TrainingGroup, data.group_id)
        if group is None:
            raise ValidationError([UserError("error.group_unknown", field="group_id")])
        if group.archived:
            errors.append(UserError("error.group_archived", field="group_id"))
        module = session.get(Module, data.module_id)
        in_group = session.scalar(select(GroupModule.module_id).where(
            GroupModule.group_id == group.id, GroupModule.module_id == data.module_id))
        if module is None or in_group is None:
            errors.append(UserError("error.module_not_in_group", field="module_id"))
        day, start, end = data.session_date, data.start_time, data.end_time
        if day is None:
            errors.append(UserError("error.required", field="session_date"))
        elif not group.start_date <= day <= group.end_date:
            errors.append(UserError("error.date_outside_group_period", field="session_date",
                                    start=format_date(group.start_date),
                                    end=format_date(group.end_date)))
        if start is None:
            errors.append(UserError("error.required", field="start_time"))
        if end is None:
            errors.append(UserError("error.required", field="end_time"))
        elif start is not None and end <= start:
            errors.append(UserError("error.session_ends_before_start", field="end_time"))
        venue_id = data.venue_id if data.venue_id is not None else group.venue_id
        venue = session.get(Venue, venue_id) if venue_id is not None else None
        if venue is None:
            errors.append(UserError("error.venue_required" if venue_id is None
                                    else "error.venue_unknown", field="venue_id"))
        elif venue.archived and not self._kept(session, exclude_id, "venue_id", venue.id):
            errors.append(UserError("error.venue_archived", field="venue_id"))
        elif module is not None:
            missing = (split_enum(VenueFeature, module.venue_features)
                       - split_enum(VenueFeature, venue.features))
            if missing:
                errors.append(UserError("error.venue_lacks_features", field="venue_id",
                                        features=", ".join(sorted(label(f) for f in missing))))
        facilitator = (session.get(Facilitator, data.facilitator_id)
                       if data.facilitator_id is not None else None)
        if facilitator is None:
            errors.append(UserError("error.required" if data.facilitator_id is None
                                    else "error.facilitator_unknown", field="facilitator_id"))
        elif facilitator.archived and not self._kept(session, exclude_id, "facilitator_id",
                                                     facilitator.id):
            errors.append(UserError("error.facilitator_archived", field="facilitator_id"))
        elif module is not None and session.scalar(select(facilitator_module.c.module_id).where(
                facilitator_module.c.facilitator_id == facilitator.id,
                facilitator_module.c.module_id == module.id)) is None:
            errors.append(UserError("error.facilitator_not_qualified", field="facilitator_id"))
        topic = one_line(data.topic)
        errors.extend(reject_control_characters("topic", data.topic or ""))
        if len(topic) > TOPIC_LIMIT:
            errors.append(UserError("error.too_long", field="topic", limit=TOPIC_LIMIT))
        if errors:
            raise ValidationError(errors)
        assert day is not None and start is not None and end is not None
        assert venue is not None and facilitator is not None
        clashes = self._clashes(session, day, start, end, exclude_id)
        for kind, column, wanted in (("venue", 0, venue.id), ("facilitator", 1, facilitator.id),
                                     ("group", 2, group.id)):
            for clash in clashes:
                if clash[column] == wanted:
                    errors.append(UserError(
                        f"error.{kind}_double_booked", field=f"{kind}_id",
                        start=format_time(_time_of(clash[3])),
                        end=format_time(_time_of(clash[4])), group=clash[5]))
                    break
        if errors:
            raise ValidationError(errors)
        return replace(data, venue_id=venue.id, topic=topic)

    @staticmethod
    def _kept(session: Session, session_id: int, column: str, value: int) -> bool:
        """An edit may keep an archived venue or facilitator it already had."""
        if not session_id:
            return False
        return bool(getattr(session.get(TrainingSession, session_id), column) == value)

    @staticmethod
    def _clashes(session: Session, day: date, start: time, end: time,
                 exclude_id: int) -> list[tuple[int, int, int, object, object, str]]:
        """Live sessions on ``day`` overlapping [start, end): venue, facilitator, group, times."""
        return [tuple(r) for r in session.execute(  # type: ignore[misc]
            select(TrainingSession.venue_id, TrainingSession.facilitator_id,
                   TrainingSession.group_id, TrainingSession.start_time,
                   TrainingSession.end_time, TrainingGroup.name)
            .join(TrainingGroup, TrainingGroup.id == TrainingSession.group_id)
            .where(TrainingSession.session_date == day,
                   TrainingSession.status.in_(LIVE), TrainingSession.id != exclude_id,
                   TrainingSession.start_time < end, TrainingSession.end_time > start))]

    def _views(self, session: Session, ids: Sequence[int]) -> list[SessionView]:
        by_id = {v.id: v for v in self._select_views(session, [TrainingSession.id.in_(ids)])}
        return [by_id[i] for i in ids]

    @staticmethod
    def _select_views(session: Session, conditions: Sequence[object],
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
                        Facilitator.name)
                 .join(TrainingGroup, TrainingGroup.id == TrainingSession.group_id)
                 .join(Module, Module.id == TrainingSession.module_id)
                 .join(Venue, Venue.id == TrainingSession.venue_id)
                 .join(Facilitator, Facilitator.id == TrainingSession.facilitator_id)
                 .where(*conditions)  # type: ignore[arg-type]
                 .order_by(TrainingSession.session_date, TrainingSession.start_time,
                           TrainingGroup.name))
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query).all()
        # the marks of just these sessions (the unique index leads with session_id)
        tallies: dict[int, tuple[int, int]] = {}
        ids = [r[0] for r in rows]
        for first in range(0, len(ids), 500):
            for sid, marked, attended in session.execute(
                    select(Attendance.session_id, func.count(Attendance.id),
                           func.sum(case((Attendance.mark.in_(ATTENDED_VALUES), 1), else_=0)))
                    .where(Attendance.session_id.in_(ids[first:first + 500]))
                    .group_by(Attendance.session_id)):
                tallies[sid] = (marked, int(attended or 0))
        statuses = {s.value: s for s in SessionStatus}
        return [SessionView(
            id=r[0], group_id=r[1], module_id=r[2], session_date=_day_of(r[3]),
            start_time=_time_of(r[4]), end_time=_time_of(r[5]), venue_id=r[6],
            facilitator_id=r[7], topic=r[8], status=statuses[r[9]], cancel_reason=r[10],
            moved_from=_day_of(r[11]) if r[11] else None, group_name=r[12], module_code=r[13],
            module_title=r[14], venue_name=r[15], facilitator_name=r[16],
            marked=tallies.get(r[0], (0, 0))[0], attended=tallies.get(r[0], (0, 0))[1])
            for r in rows]
