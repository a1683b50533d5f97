"""Fill a demo vault with a training programme (``synthetic/training.py``).

Partners, venues, facilitators, groups, enrolments, drop-outs, the transfer, completions, sessions
and cancellations go through the services, so they obey the same rules as in real use (sessions
through ``SessionService.create_many``, the one creation path). The attendance marks and skill
assessments, thousands of them, are checked against the same rules here and written in bulk in
one transaction (one audited entry), with the marked sessions set to "held".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, update

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import DecisionOutcome, ParticipantStatus
from kdrt_desk.domain.skills import (
    DEFAULT_LEVELS,
    DEFAULT_PASS_LEVEL,
    SkillCriterion,
    SkillRubric,
    levels_to_json,
)
from kdrt_desk.domain.training import (
    EnrolmentStatus,
    FacilitatorInput,
    GroupInput,
    SessionInput,
    SessionStatus,
)
from kdrt_desk.models import (
    Attendance,
    Enrolment,
    Participant,
    ScreeningDecision,
    SkillAssessment,
    TrainingSession,
)
from kdrt_desk.repositories.attendance import members_on
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.catalogue import CatalogueService
from kdrt_desk.services.groups import GroupService
from kdrt_desk.services.partners import PartnerService
from kdrt_desk.services.sessions import SessionService
from kdrt_desk.synthetic.training import (
    ModuleSpec,
    TrainingCandidate,
    TrainingPlan,
    generate_training,
)

DEMO_FACILITATOR_LOGIN = "fasilitator"
# who funds the demo's groups: about half one donor's programme, a third a city grant, the rest
# the centre itself (""), in turn so that every period has some of each
DEMO_FUNDERS = ("Program Perempuan Berdaya \u2013 Yayasan Sriwijaya Peduli",
                "Hibah Dinas PPPA Kota Palembang 2026")
_FUNDER_TURNS = (0, 1, 0, 1, 0, None)  # of six groups: 3 the programme, 2 the grant, 1 none


def demo_funder(index: int) -> str:
    """The funder of the demo's ``index``-th group (deterministic: by its place alone)."""
    turn = _FUNDER_TURNS[index % len(_FUNDER_TURNS)]
    return "" if turn is None else DEMO_FUNDERS[turn]


# the skill rubrics of the demo's assessed economic modules (an admin's own rubric is kept)
DEMO_RUBRICS: dict[str, tuple[str, ...]] = {
    "EKO-01": ("Mengoperasikan mesin jahit", "Pola dan memotong kain", "Kerapian jahitan",
               "Hitung harga jual"),
    "EKO-02": ("Kebersihan", "Resep & takaran", "Hitung biaya"),
    "EKO-03": ("Ketelitian dan kerapian", "Mutu bahan", "Hitung harga jual"),
}


def demo_levels(rubric: SkillRubric, participant_id: int, score: int) -> tuple[int, ...]:
    """Plausible levels for a score (40-100): around the score's level, a little uneven."""
    top = rubric.criteria[0].levels
    base = 1 + (score - 40) / 50 * (top - 1)
    return tuple(max(1, min(c.levels, round(base + ((participant_id + n) % 3 - 1) * 0.5)))
                 for n, c in enumerate(rubric.criteria))


@dataclass(frozen=True)
class DemoTraining:
    partners: int
    venues: int
    facilitators: int
    groups: int
    enrolled: int
    sessions: int
    cancelled: int
    marks: int
    drop_outs: int
    transfers: int
    completions: int
    assessments: int


def training_candidates(db: Database) -> list[TrainingCandidate]:
    """Accepted participants (not anonymised): from the later of registration and acceptance."""
    with db.reading() as session:
        accepted = dict(session.execute(
            select(ScreeningDecision.participant_id, func.max(ScreeningDecision.decided_on))
            .where(ScreeningDecision.current.is_(True),
                   ScreeningDecision.outcome == DecisionOutcome.ACCEPTED.value)
            .group_by(ScreeningDecision.participant_id)).all())
        people = session.execute(
            select(Participant.id, Participant.registered_on, Participant.kecamatan)
            .where(Participant.status == ParticipantStatus.ACCEPTED.value,
                   Participant.anonymised_on.is_(None))
            .order_by(Participant.id)).all()
    return [TrainingCandidate(pid, max(registered_on, accepted.get(pid, registered_on)),
                              kecamatan)
            for pid, registered_on, kecamatan in people]


def insert_demo_training(db: Database, actor: Actor, seed: int, today: date) -> DemoTraining:
    """The demo programme for the accepted participants of the vault."""
    actor.require(Permission.MANAGE_PROGRAMME)
    actor.require(Permission.MANAGE_GROUPS)
    actor.require(Permission.TAKE_ATTENDANCE)
    catalogue = CatalogueService(db, actor)
    modules = {m.code: m for m in catalogue.modules()}
    specs = [ModuleSpec(m.code, m.session_count, m.minutes_per_session,
                        frozenset(f.value for f in m.venue_features), m.assessment_required)
             for m in modules.values()]
    plan = generate_training(training_candidates(db), specs, seed=seed, today=today)
    rubrics: dict[str, SkillRubric] = {}
    for code, names in DEMO_RUBRICS.items():
        if code in modules:
            rubric = catalogue.skill_rubric(modules[code].id) or catalogue.set_skill_rubric(
                modules[code].id, SkillRubric(tuple(SkillCriterion(n, DEFAULT_LEVELS)
                                                    for n in names), DEFAULT_PASS_LEVEL))
            if rubric is not None:
                rubrics[code] = rubric

    partners = PartnerService(db, actor)
    known = {p.name.lower() for p in partners.partners()}
    added_partners = 0
    for partner in plan.partners:
        if partner.name.lower() not in known:
            partners.save(partner)
            added_partners += 1
    venue_ids = [catalogue.save_venue(v).id for v in plan.venues]
    accounts = dict((name, aid) for aid, name in catalogue.facilitator_accounts())
    facilitator_ids = []
    for f in plan.facilitators:
        facilitator_ids.append(catalogue.save_facilitator(FacilitatorInput(
            name=f.name, type=f.type, organisation=f.organisation, phone=f.phone,
            email=f.email, module_ids={modules[c].id for c in f.module_codes},
            staff_account_id=accounts.get(DEMO_FACILITATOR_LOGIN) if f.linked else None)).id)

    groups = GroupService(db, actor)
    sessions = SessionService(db, actor)
    group_ids: list[int] = []
    session_ids: list[list[int]] = []
    for number, planned in enumerate(plan.groups):
        group_id = groups.save(GroupInput(
            name=planned.name, kecamatan=planned.kecamatan, kelurahan=planned.kelurahan,
            start_date=planned.start, end_date=planned.end, venue_id=venue_ids[planned.venue],
            module_ids=[modules[c].id for c in planned.modules],
            facilitator_ids={facilitator_ids[i] for i in planned.facilitators},
            funder=demo_funder(number))).id
        group_ids.append(group_id)
        for day, ids in planned.enrolments:
            groups.enrol(group_id, ids, on=day)
        session_ids.append([v.id for v in sessions.create_many([SessionInput(
            group_id=group_id, module_id=modules[s.module].id, session_date=s.day,
            start_time=s.start, end_time=s.end, venue_id=venue_ids[s.venue],
            facilitator_id=facilitator_ids[s.facilitator], topic=s.topic)
            for s in planned.sessions])])

    with db.reading() as session:  # every membership so far is active: one look-up for all
        active = {(gid, pid): eid for eid, gid, pid in session.execute(
            select(Enrolment.id, Enrolment.group_id, Enrolment.participant_id)
            .where(Enrolment.group_id.in_(group_ids),
                   Enrolment.status == EnrolmentStatus.ACTIVE.value))}

    def enrolment(group: int, pid: int) -> int:
        return active[(group_ids[group], pid)]

    for g, pid, day, reason in plan.drop_outs:
        groups.end_membership(enrolment(g, pid), EnrolmentStatus.DROPPED_OUT, on=day,
                              reason=reason)
    for src, dst, pid, day, reason in plan.transfers:
        groups.transfer(enrolment(src, pid), group_ids[dst], on=day, reason=reason)
    for g, pid, day in plan.completions:
        groups.end_membership(enrolment(g, pid), EnrolmentStatus.COMPLETED, on=day)
    for g, index, reason in plan.cancellations:
        sessions.cancel(session_ids[g][index], reason)

    marks = _insert_marks(db, actor, plan, session_ids, modules_by_code={
        c: m.id for c, m in modules.items()}, today=today, rubrics=rubrics)
    return DemoTraining(
        partners=added_partners, venues=len(venue_ids), facilitators=len(facilitator_ids),
        groups=len(group_ids), enrolled=sum(len(ids) for planned in plan.groups
                                            for _, ids in planned.enrolments),
        sessions=sum(len(s) for s in session_ids), cancelled=len(plan.cancellations),
        marks=marks, drop_outs=len(plan.drop_outs), transfers=len(plan.transfers),
        completions=len(plan.completions), assessments=len(plan.assessments))


def _insert_marks(db: Database, actor: Actor, plan: TrainingPlan, session_ids: list[list[int]],
                  modules_by_code: dict[str, int], today: date,
                  rubrics: dict[str, SkillRubric] | None = None) -> int:
    """Attendance and assessments in one transaction, checked by the roll-call's rules: a
    session in the past, not cancelled, and she was a member that day."""
    now = datetime.now(UTC)
    wanted = {session_ids[m.group][m.session] for m in plan.marks}
    with db.transaction() as session:
        rows = {r.id: r for r in session.scalars(
            select(TrainingSession).where(TrainingSession.id.in_(wanted)))}
        members: dict[int, set[int]] = {}
        for sid, row in rows.items():
            if row.status == SessionStatus.CANCELLED.value or row.session_date > today:
                raise ValueError(f"session {sid} cannot take attendance")
            members[sid] = set(session.scalars(select(Enrolment.participant_id).where(
                members_on(row.group_id, row.session_date))))
        attendance: list[dict[str, Any]] = []
        for m in plan.marks:
            sid = session_ids[m.group][m.session]
            if m.participant_id not in members[sid]:
                raise ValueError(f"participant {m.participant_id} not a member of session {sid}")
            attendance.append({"session_id": sid, "participant_id": m.participant_id,
                               "mark": m.mark.value, "reason": m.reason,
                               "marked_by": actor.username, "marked_at": now})
        if attendance:
            session.execute(insert(Attendance), attendance)
            table = cast(Table, TrainingSession.__table__)
            session.execute(update(table).where(table.c.id.in_(sorted(wanted)))
                            .values(status=SessionStatus.HELD.value))
        if plan.assessments:
            results = []
            for pid, code, passed, day, score in plan.assessments:
                rubric, levels = (rubrics or {}).get(code), ""
                if rubric is not None:  # passed follows the rubric, as in real use
                    reached = demo_levels(rubric, pid, score)
                    passed, levels = rubric.passed(reached), levels_to_json(reached)
                results.append({"participant_id": pid, "module_id": modules_by_code[code],
                                "passed": passed, "assessed_on": day,
                                "recorded_by": actor.username, "score": score,
                                "levels": levels})
            session.execute(insert(SkillAssessment), results)
        audit_log.append(session, actor.username, "attendance_imported",
                         details={"marks": len(attendance), "sessions": len(wanted),
                                  "assessments": len(plan.assessments),
                                  "source": "synthetic demo"})
    return len(attendance)
