"""Sessions of a group's modules: the one place sessions are created, changed and listed.

``create`` (one, by hand) and ``create_many`` (a whole plan, e.g. from the scheduler) share
every rule: inside the group's period, ending after it starts, a module the group follows, a
facilitator who may teach it, a venue with what the module needs, and no venue, facilitator or
group booked twice at the same time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.domain.training import (
    SessionInput,
    SessionQuery,
    SessionStatus,
    SessionView,
    VenueFeature,
)
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError
from kdrt_desk.i18n import format_date, format_time, label
from kdrt_desk.models import (
    Facilitator,
    GroupModule,
    Module,
    TrainingGroup,
    TrainingSession,
    Venue,
    facilitator_module,
)
from kdrt_desk.repositories import sessions as session_rows
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.programme_access import own_facilitator_id, sees_all
from kdrt_desk.services.programme_validation import one_line, split_enum

TOPIC_LIMIT = 200
REASON_LIMIT = 500


class SessionService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    # -- creating and changing -----------------------------------------------------------------
    def create(self, data: SessionInput) -> SessionView:
        """One session, by hand."""
        return self.create_many([data])[0]

    def create_many(self, plan: Sequence[SessionInput], *, replacing: Sequence[int] = (),
                    reason: str = "", action: str = "sessions_created") -> list[SessionView]:
        """A whole plan of sessions: all are saved, or (on any problem) none.

        ``replacing``: sessions cancelled with ``reason`` in the same transaction, first (a
        re-plan: if the new plan fails they stay as they were). A problem names the plan's row
        in ``field`` ("row 3: ...") when there is more than one.
        """
        self.actor.require(Permission.MANAGE_GROUPS)
        if not plan and not replacing:
            return []
        now = datetime.now(UTC)
        with self.db.transaction() as session:
            for session_id in replacing:
                old = self._session(session, session_id)
                if old.status == SessionStatus.CANCELLED.value:
                    raise UserError("error.session_cancelled")
                if session_rows.mark_count(session, old.id):
                    raise UserError("error.session_has_attendance")
                if old.locked:
                    raise UserError("error.session_locked")
                old.status, old.cancel_reason = SessionStatus.CANCELLED.value, reason
                audit_log.append(session, self.actor.username, "session_cancelled",
                                 f"session:{old.id}")
            session.flush()
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
            if rows:
                details: dict[str, object] = {"count": len(rows)}
                if replacing:
                    details["replaced"] = len(replacing)
                audit_log.append(session, self.actor.username, action,
                                 f"group:{rows[0].group_id}", details)
            return session_rows.views_by_ids(session, [r.id for r in rows])

    def update(self, data: SessionInput) -> SessionView:
        """Change a session not yet held; a new date marks it as moved (the old date is kept)."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            row = self._session(session, data.id)
            if row.status == SessionStatus.CANCELLED.value:
                raise UserError("error.session_cancelled")
            if session_rows.mark_count(session, row.id):
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
            return session_rows.views_by_ids(session, [row.id])[0]

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
            if session_rows.mark_count(session, row.id):
                raise UserError("error.session_has_attendance")
            row.status, row.cancel_reason = SessionStatus.CANCELLED.value, clean
            audit_log.append(session, self.actor.username, "session_cancelled",
                             f"session:{row.id}")
            session.flush()
            return session_rows.views_by_ids(session, [row.id])[0]

    def set_locked(self, session_id: int, locked: bool) -> SessionView:
        """Lock a session where it is (the scheduler then plans around it), or unlock it."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            row = self._session(session, session_id)
            if row.status == SessionStatus.CANCELLED.value:
                raise UserError("error.session_cancelled")
            if row.locked != locked:
                row.locked = locked
                audit_log.append(session, self.actor.username,
                                 "session_locked" if locked else "session_unlocked",
                                 f"session:{row.id}")
                session.flush()
            return session_rows.views_by_ids(session, [row.id])[0]

    def delete(self, session_id: int) -> None:
        """Only a session nobody's attendance was taken for; otherwise cancel it."""
        self.actor.require(Permission.MANAGE_GROUPS)
        with self.db.transaction() as session:
            row = self._session(session, session_id)
            if session_rows.mark_count(session, row.id):
                raise UserError("error.session_has_attendance")
            session.delete(row)
            audit_log.append(session, self.actor.username, "session_deleted",
                             f"session:{session_id}")

    # -- reading ------------------------------------------------------------------------------
    def sessions(self, query: SessionQuery = SessionQuery()) -> list[SessionView]:
        """Sessions by date and time (a facilitator: only those she leads)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            group = None
            if query.group_name:
                group = session_rows.group_id_named(session, one_line(query.group_name))
                if group is None:
                    raise UserError("error.group_unknown")
            return session_rows.list_views(session, query, group, self._own_facilitator(session))

    def get(self, session_id: int) -> SessionView:
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            self._session(session, session_id)
            return session_rows.views_by_ids(session, [session_id])[0]

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
        clashes = session_rows.clashes(session, day, start, end, exclude_id)
        for kind, column, wanted in (("venue", 0, venue.id), ("facilitator", 1, facilitator.id),
                                     ("group", 2, group.id)):
            for clash in clashes:
                if clash[column] == wanted:
                    errors.append(UserError(
                        f"error.{kind}_double_booked", field=f"{kind}_id",
                        start=format_time(clash[3]), end=format_time(clash[4]),
                        group=clash[5]))
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
