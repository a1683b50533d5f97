"""The scheduler's seam to the vault: the problem read for chosen groups and a term (members'
routines, modules, venues, facilitators, the centre's calendar, sessions that must not move),
and a proposed schedule applied through ``SessionService.create_many`` (the same rules as
sessions made by hand). Nothing is written until ``apply``.

Needs programme management and the contact key (routines are contact data): Admin, Konselor,
Staf. A facilitator neither reads routines nor plans.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.db.values import as_date, as_time
from kdrt_desk.domain.availability import parse_dates, parse_hours
from kdrt_desk.domain.routine import Routine
from kdrt_desk.domain.training import (
    EnrolmentStatus,
    SessionInput,
    SessionStatus,
    SessionView,
    VenueFeature,
)
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import (
    Attendance,
    Enrolment,
    Facilitator,
    GroupModule,
    Module,
    Participant,
    TrainingGroup,
    TrainingSession,
    Venue,
    facilitator_module,
    group_facilitator,
)
from kdrt_desk.repositories import routines as routine_rows
from kdrt_desk.scheduling.calendar import check_term
from kdrt_desk.scheduling.problem import (
    FacilitatorInfo,
    FixedSession,
    GroupNeed,
    Member,
    ModuleNeed,
    Problem,
    ScheduleResult,
    VenueInfo,
    Weights,
)
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.calendar import CalendarService
from kdrt_desk.services.clock import local_today
from kdrt_desk.services.neighbours import read_map
from kdrt_desk.services.programme_validation import split_enum
from kdrt_desk.services.sessions import SessionService

LIVE = (SessionStatus.PLANNED.value, SessionStatus.MOVED.value, SessionStatus.HELD.value)
YOUNG_CHILD = 6  # under this age a child needs minding during a session
MAX_GROUPS = 40
REPLANNED = "Dijadwal ulang oleh penjadwal"


def _young_children(ages: str) -> bool:
    return any(a.strip().isdigit() and int(a) < YOUNG_CHILD for a in (ages or "").split(","))


class ScheduleService:
    def __init__(self, db: Database, actor: Actor, calendar: CalendarService,
                 sessions: SessionService) -> None:
        self.db = db
        self.actor = actor
        self.calendar = calendar
        self.sessions = sessions

    def _require(self) -> None:
        self.actor.require(Permission.MANAGE_GROUPS)
        self.actor.require(Permission.VIEW_CONTACT)

    def problem(self, group_ids: Sequence[int], start: date, end: date, *,
                weights: Weights | None = None, replan: bool = False,
                today: date | None = None) -> Problem:
        """What the scheduler needs for ``group_ids`` from ``start`` to ``end``.

        Sessions already there stay where they are (``Problem.fixed``); with ``replan``, only
        those held, with attendance, locked or before today stay, and the rest are planned
        again (``apply`` then cancels them).
        """
        self._require()
        check_term(start, end)
        wanted = list(dict.fromkeys(group_ids))
        if not wanted:
            raise ValidationError([UserError("error.schedule.no_group", field="groups")])
        if len(wanted) > MAX_GROUPS:
            raise ValidationError([UserError("error.schedule.too_many_groups", field="groups",
                                             limit=MAX_GROUPS)])
        day = today or local_today()
        calendar = self.calendar.term(start, end)
        with self.db.reading() as session:
            groups = self._groups(session, wanted)
            venues = self._venues(session)
            facilitators = self._facilitators(session)
            fixed = self._fixed(session, set(wanted), start, end, replan, day)
            neighbours = read_map(session)
        return Problem(groups=groups, venues=venues, facilitators=facilitators,
                       calendar=calendar, fixed=fixed, weights=weights or Weights(),
                       neighbours=neighbours,
                       plan_from=max(start, day + timedelta(days=1)) if replan or day >= start
                       else None)

    def _groups(self, session: Session, wanted: list[int]) -> tuple[GroupNeed, ...]:
        rows = {g.id: g for g in session.scalars(select(TrainingGroup).where(
            TrainingGroup.id.in_(wanted)))}
        missing = [g for g in wanted if g not in rows or rows[g].archived]
        if missing:
            raise ValidationError([UserError("error.group_unknown", field="groups")])
        modules = {m.id: m for m in session.scalars(select(Module))}
        order: dict[int, list[int]] = {}
        for gid, mid in session.execute(select(GroupModule.group_id, GroupModule.module_id)
                                        .where(GroupModule.group_id.in_(wanted))
                                        .order_by(GroupModule.position)):
            order.setdefault(gid, []).append(mid)
        assigned: dict[int, set[int]] = {}
        for gid, fid in session.execute(select(group_facilitator).where(
                group_facilitator.c.group_id.in_(wanted))):
            assigned.setdefault(gid, set()).add(fid)
        members: dict[int, list[tuple[int, str, str, str]]] = {}
        for gid, pid, name, kecamatan, ages in session.execute(
                select(Enrolment.group_id, Participant.id, Participant.full_name,
                       Participant.kecamatan, Participant.children_ages)
                .join(Participant, Participant.id == Enrolment.participant_id)
                .where(Enrolment.group_id.in_(wanted),
                       Enrolment.status == EnrolmentStatus.ACTIVE.value,
                       Participant.anonymised_on.is_(None))
                .order_by(Participant.full_name)):
            members.setdefault(gid, []).append((pid, name, kecamatan, ages))
        routines = routine_rows.load_many(session, (m[0] for ms in members.values() for m in ms))
        found = []
        for gid in wanted:
            g = rows[gid]
            needs = []
            for mid in order.get(gid, []):
                m = modules[mid]
                features = frozenset(f.value for f in split_enum(VenueFeature, m.venue_features))
                needs.append(ModuleNeed(m.id, m.code, m.title, m.session_count,
                                        m.minutes_per_session, features,
                                        m.min_attendance_pct,
                                        VenueFeature.KITCHEN.value in features))
            found.append(GroupNeed(
                g.id, g.name,
                tuple(Member(pid, name, routines.get(pid, Routine()), kecamatan,
                             _young_children(ages))
                      for pid, name, kecamatan, ages in members.get(gid, [])),
                tuple(needs), g.kecamatan, g.venue_id, frozenset(assigned.get(gid, set())),
                g.start_date, g.end_date))  # SessionService refuses a date outside it
        return tuple(found)

    @staticmethod
    def _venues(session: Session) -> tuple[VenueInfo, ...]:
        return tuple(VenueInfo(v.id, v.name, v.kecamatan, v.capacity,
                               frozenset(f.value for f in split_enum(VenueFeature, v.features)),
                               v.childcare, parse_hours(v.hours) or None,
                               frozenset(parse_dates(v.closed_dates)))
                     for v in session.scalars(select(Venue).where(Venue.archived.is_(False))
                                              .order_by(Venue.id)))

    @staticmethod
    def _facilitators(session: Session) -> tuple[FacilitatorInfo, ...]:
        teaches: dict[int, set[int]] = {}
        for fid, mid in session.execute(select(facilitator_module)):
            teaches.setdefault(fid, set()).add(mid)
        return tuple(FacilitatorInfo(f.id, f.name, frozenset(teaches.get(f.id, set())),
                                     parse_hours(f.hours) or None,
                                     frozenset(parse_dates(f.away_dates)), f.max_per_day,
                                     f.max_per_week)
                     for f in session.scalars(select(Facilitator).where(
                         Facilitator.archived.is_(False)).order_by(Facilitator.id)))

    @staticmethod
    def _fixed(session: Session, groups: set[int], start: date, end: date, replan: bool,
               today: date) -> tuple[FixedSession, ...]:
        """Every live session in the term: other groups' occupy their venue and facilitator;
        these groups' stay unless re-planned (held, marked, locked or past ones always stay)."""
        marked = set(session.scalars(select(Attendance.session_id).join(
            TrainingSession, TrainingSession.id == Attendance.session_id).where(
            TrainingSession.session_date >= start, TrainingSession.session_date <= end)
            .group_by(Attendance.session_id)))
        fixed = []
        for row in session.execute(
                select(TrainingSession.id, TrainingSession.group_id, TrainingSession.module_id,
                       TrainingSession.session_date, TrainingSession.start_time,
                       TrainingSession.end_time, TrainingSession.venue_id,
                       TrainingSession.facilitator_id, TrainingSession.status,
                       TrainingSession.locked)
                .where(TrainingSession.session_date >= start,
                       TrainingSession.session_date <= end,
                       TrainingSession.status.in_(LIVE))
                .order_by(TrainingSession.session_date, TrainingSession.start_time)):
            day = as_date(row.session_date)
            stays = (row.group_id not in groups or not replan or row.locked or row.id in marked
                     or row.status == SessionStatus.HELD.value or day <= today)
            if stays:
                fixed.append(FixedSession(row.group_id, row.module_id, day,
                                          as_time(row.start_time), as_time(row.end_time),
                                          row.venue_id, row.facilitator_id, row.id))
        return tuple(fixed)

    def replaceable(self, group_ids: Iterable[int], start: date, end: date,
                    today: date | None = None) -> list[int]:
        """The sessions a re-plan would cancel: these groups' planned ones after today, not
        locked, without attendance."""
        self._require()
        day = today or local_today()
        wanted = list(group_ids)
        with self.db.reading() as session:
            marked = select(Attendance.session_id).where(
                Attendance.session_id == TrainingSession.id).exists()
            return list(session.scalars(select(TrainingSession.id).where(
                TrainingSession.group_id.in_(wanted),
                TrainingSession.session_date > day,
                TrainingSession.session_date >= start, TrainingSession.session_date <= end,
                TrainingSession.status.in_((SessionStatus.PLANNED.value,
                                            SessionStatus.MOVED.value)),
                TrainingSession.locked.is_(False), ~marked).order_by(TrainingSession.id)))

    def apply(self, result: ScheduleResult, *, replaced: Sequence[int] = ()) -> list[SessionView]:
        """Save the proposal's new sessions (all or none, by the rules of sessions made by
        hand); ``replaced`` (from ``replaceable``) are cancelled first, as "re-planned"."""
        self._require()
        if result.violations:
            raise UserError("error.schedule.has_violations", count=len(result.violations))
        plan = [SessionInput(group_id=s.group_id, module_id=s.module_id, session_date=s.day,
                             start_time=s.start, end_time=s.end, venue_id=s.venue_id,
                             facilitator_id=s.facilitator_id)
                for s in result.sessions if not s.fixed]
        return self.sessions.create_many(plan, replacing=replaced, reason=REPLANNED,
                                         action="schedule_applied")

