"""Attendance and progress queries: roll-calls, sign-in sheet details, progress per module."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from kdrt_desk.domain.training import (
    ATTENDED,
    AttendanceMark,
    EnrolmentStatus,
    ModuleProgress,
    RollCallRow,
    SessionStatus,
)
from kdrt_desk.models import (
    Attendance,
    Enrolment,
    Facilitator,
    GroupModule,
    Module,
    Participant,
    Setting,
    SkillAssessment,
    TrainingGroup,
    TrainingSession,
    Venue,
)
from kdrt_desk.repositories.names import anonymised_names

ATTENDED_VALUES = tuple(m.value for m in ATTENDED)
MARKS = {m.value: m for m in AttendanceMark}


def members_on(group_id: int, day: date) -> ColumnElement[bool]:
    """Memberships of ``group_id`` that cover ``day`` (the last day of one that ended counts)."""
    return and_(Enrolment.group_id == group_id, Enrolment.enrolled_on <= day,
                or_(Enrolment.ended_on.is_(None), Enrolment.ended_on >= day))


def roll_call(session: Session, session_id: int, group_id: int, day: date,
              preferred_names: bool = False) -> list[RollCallRow]:
    """The members on the session's day (and anyone already marked), by name."""
    marks = {pid: (mark, reason) for pid, mark, reason in session.execute(
        select(Attendance.participant_id, Attendance.mark, Attendance.reason)
        .where(Attendance.session_id == session_id))}
    members = set(session.scalars(select(Enrolment.participant_id).where(
        members_on(group_id, day))))
    people = session.execute(
        select(Participant.id, Participant.code, Participant.full_name,
               Participant.preferred_name)
        .where(Participant.id.in_(members | set(marks)))).all()
    names = anonymised_names()
    rows = []
    for pid, code, full, preferred in people:
        mark, reason = marks.get(pid, (None, ""))
        name = preferred if preferred_names and preferred else names.get(full, full)
        rows.append(RollCallRow(pid, code, name, MARKS[mark] if mark else None, reason))
    return sorted(rows, key=lambda r: (r.name.lower(), r.code))


def sheet_names(session: Session, session_id: int) -> tuple[str, str, str, str, str]:
    """(group, module code, module title, venue, facilitator) of a session's sign-in sheet."""
    found = session.execute(
        select(TrainingGroup.name, Module.code, Module.title, Venue.name,
               Facilitator.name).select_from(TrainingSession)
        .join(TrainingGroup, TrainingGroup.id == TrainingSession.group_id)
        .join(Module, Module.id == TrainingSession.module_id)
        .join(Venue, Venue.id == TrainingSession.venue_id)
        .join(Facilitator, Facilitator.id == TrainingSession.facilitator_id)
        .where(TrainingSession.id == session_id)).one()
    return found[0], found[1], found[2], found[3], found[4]


def centre(session: Session) -> dict[str, str]:
    """The centre's name and address as the settings hold them (absent: not set)."""
    return dict(session.execute(select(Setting.key, Setting.value).where(
        Setting.key.in_(("centre_name", "centre_address")))).all())


def group_modules(session: Session, group_id: int) -> list[tuple[int, str, str]]:
    """The group's modules in its order: (id, code, title)."""
    return [(m, c, t) for m, c, t in session.execute(
        select(Module.id, Module.code, Module.title)
        .join(GroupModule, GroupModule.module_id == Module.id)
        .where(GroupModule.group_id == group_id).order_by(GroupModule.position))]


def group_people(session: Session, group_id: int) -> list[tuple[int, str, str]]:
    """Everyone in the group (active or completed), by name: (id, code, name)."""
    names = anonymised_names()
    return [(pid, code, names.get(name, name)) for pid, code, name in session.execute(
        select(Participant.id, Participant.code, Participant.full_name)
        .join(Enrolment, Enrolment.participant_id == Participant.id)
        .where(Enrolment.group_id == group_id, Enrolment.status.in_(
            (EnrolmentStatus.ACTIVE.value, EnrolmentStatus.COMPLETED.value)))
        .order_by(func.lower(Participant.full_name)))]


def participant_modules(session: Session, participant_id: int) -> list[int]:
    """The modules of every group she was in."""
    return list(session.scalars(
        select(GroupModule.module_id).join(
            Enrolment, Enrolment.group_id == GroupModule.group_id)
        .where(Enrolment.participant_id == participant_id).distinct()))


def progress(session: Session, people: Iterable[int],
             modules: Iterable[int]) -> dict[int, dict[int, ModuleProgress]]:
    """Per participant and module: sessions held while she was a member, and hers."""
    people, modules = list(people), list(modules)
    if not people or not modules:
        return {}
    # a module with a skill rubric is completed only with the rubric's assessment passed
    rules = {m: (code, pct, required or bool(rubric))
             for m, code, pct, required, rubric in session.execute(
        select(Module.id, Module.code, Module.min_attendance_pct,
               Module.assessment_required, Module.skill_rubric).where(Module.id.in_(modules)))}
    passed = {(p, m): ok for p, m, ok in session.execute(
        select(SkillAssessment.participant_id, SkillAssessment.module_id,
               SkillAssessment.passed)
        .where(SkillAssessment.participant_id.in_(people),
               SkillAssessment.module_id.in_(modules)))}
    counts = session.execute(
        select(Enrolment.participant_id, TrainingSession.module_id,
               func.count(TrainingSession.id),
               func.sum(case((Attendance.mark.in_(ATTENDED_VALUES), 1), else_=0)),
               func.sum(case((Attendance.mark == AttendanceMark.EXCUSED.value, 1),
                             else_=0)))
        .join(TrainingSession, and_(
            TrainingSession.group_id == Enrolment.group_id,
            TrainingSession.session_date >= Enrolment.enrolled_on,
            or_(Enrolment.ended_on.is_(None),
                TrainingSession.session_date <= Enrolment.ended_on)))
        .outerjoin(Attendance, and_(Attendance.session_id == TrainingSession.id,
                                    Attendance.participant_id == Enrolment.participant_id))
        .where(Enrolment.participant_id.in_(people), TrainingSession.module_id.in_(modules),
               TrainingSession.status == SessionStatus.HELD.value)
        .group_by(Enrolment.participant_id, TrainingSession.module_id))
    found: dict[int, dict[int, ModuleProgress]] = {p: {} for p in people}
    tallies = {(p, m): (held, int(attended or 0), int(excused or 0))
               for p, m, held, attended, excused in counts}
    for person in people:
        for module in modules:
            code, pct, required = rules[module]
            held, attended, excused = tallies.get((person, module), (0, 0, 0))
            found[person][module] = ModuleProgress(
                module, code, held, attended, excused, pct, required,
                passed.get((person, module)))
    return found
