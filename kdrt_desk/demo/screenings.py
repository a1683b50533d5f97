"""Fill a vault with synthetic screenings and decisions fast: checked by the same rules, in bulk."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import DecisionOutcome, ParticipantStatus, Role
from kdrt_desk.models import Participant, Partner, Screening, ScreeningDecision, StaffAccount
from kdrt_desk.models.sealed import bind, new_seal_id
from kdrt_desk.repositories.screenings import join_codes, load_criteria
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.decisions import validate_decision
from kdrt_desk.services.screening import evaluate_criteria, validate_screening
from kdrt_desk.synthetic.screenings import SyntheticScreening, generate_screenings

CHUNK = 5000


def insert_demo_screenings(db: Database, actor: Actor, seed: int, today: date,
                           total: int | None = None) -> tuple[int, int]:
    """Screenings and decisions for every participant in the vault, agreeing with her status
    (``generate_screenings``); returns (screenings, decisions) inserted."""
    with db.reading() as session:
        people = [(pid, ParticipantStatus(status), registered_on) for pid, status, registered_on
                  in session.execute(select(Participant.id, Participant.status,
                                            Participant.registered_on)
                                     .where(Participant.anonymised_on.is_(None))
                                     .order_by(Participant.id))]
        partners = list(session.scalars(select(Partner.id).where(Partner.active.is_(True))
                                        .order_by(Partner.id)))
    items = generate_screenings(people, seed=seed, today=today, partner_ids=partners,
                                total=total)
    done = insert_screenings(db, actor, items, today)
    assign_demo_case_workers(db, actor, seed)
    return done


CASE_WORKER_SHARE = 0.85  # the rest have none: their alerts go to every konselor and admin


def assign_demo_case_workers(db: Database, actor: Actor, seed: int) -> int:
    """Most screened participants get one of the vault's active Konselor accounts as case
    worker (none when there is no such account); returns how many. Audited once."""
    actor.require(Permission.SCREEN)
    rng = random.Random(f"case-workers-{seed}")
    with db.transaction() as session:
        workers = list(session.scalars(
            select(StaffAccount.username).where(StaffAccount.role == Role.KONSELOR.value,
                                                StaffAccount.active.is_(True))
            .order_by(StaffAccount.username)))
        if not workers:
            return 0
        screened = session.scalars(
            select(Participant.id).where(Participant.anonymised_on.is_(None),
                                         Participant.id.in_(select(Screening.participant_id)))
            .order_by(Participant.id)).all()
        chosen = [{"pid": pid, "worker": rng.choice(workers)} for pid in screened
                  if rng.random() < CASE_WORKER_SHARE]
        if not chosen:
            return 0
        people: Table = Participant.__table__  # type: ignore[assignment]
        session.execute(update(people).where(people.c.id == bindparam("pid"))
                        .values(case_worker=bindparam("worker")), chosen)
        audit_log.append(session, actor.username, "case_workers_imported",
                         details={"count": len(chosen), "source": "synthetic demo"})
    return len(chosen)


def insert_screenings(db: Database, actor: Actor, items: Sequence[SyntheticScreening],
                      today: date) -> tuple[int, int]:
    """Validate and insert in chunks; each participant's risk level follows her latest one."""
    actor.require(Permission.SCREEN)
    actor.require(Permission.DECIDE)
    now = datetime.now(UTC)
    with db.reading() as session:
        criteria = load_criteria(session, active_only=False)
        partners = set(session.scalars(select(Partner.id).where(Partner.active.is_(True))))
        registered = {pid: day for pid, day in session.execute(
            select(Participant.id, Participant.registered_on)
            .where(Participant.anonymised_on.is_(None)))}
    codes = {c.code for c in criteria}
    keys = db.keys
    screenings_done = decisions_done = 0
    latest: dict[int, tuple[date, int, str]] = {}  # participant -> (screened on, id, risk)

    for start in range(0, len(items), CHUNK):
        chunk = items[start:start + CHUNK]
        with db.transaction() as session:
            next_screening = (session.scalar(select(func.max(Screening.id))) or 0) + 1
            next_decision = (session.scalar(select(func.max(ScreeningDecision.id))) or 0) + 1
            screening_rows: list[dict[str, Any]] = []
            decision_rows: list[dict[str, Any]] = []
            for offset, item in enumerate(chunk):
                sid = next_screening + offset
                seal = new_seal_id()
                pid = item.participant_id

                def own(value: Any, seal: bytes = seal, pid: int = pid) -> Any:
                    return bind(keys, value, seal, pid)

                data = validate_screening(item.input, registered_on=registered[item.participant_id],
                                          today=today, known_codes=codes)
                assert data.screened_on is not None
                result = evaluate_criteria(criteria, data.criteria_met)
                decided = False
                for decision in item.decisions:
                    clean = validate_decision(decision.input, screened_on=data.screened_on,
                                              today=today, active_partner_ids=partners)
                    if decision.confirmed_by is not None and decision.current:
                        decided = True
                    if (clean.outcome is DecisionOutcome.NOT_ELIGIBLE
                            and decision.confirmed_by == decision.decided_by):
                        raise ValueError("a rejection needs a second person")
                    decision_seal = new_seal_id()
                    decision_rows.append({
                        "id": next_decision + len(decision_rows), "seal_id": decision_seal,
                        "screening_id": sid,
                        "participant_id": item.participant_id, "outcome": clean.outcome.value,
                        "priority": clean.priority,
                        "reason_code": clean.reason_code.value if clean.reason_code else None,
                        "reason_text": bind(keys, clean.reason_text, decision_seal,
                                            item.participant_id),
                        "referred_partner_id": clean.referred_partner_id,
                        "decided_by": decision.decided_by, "decided_on": clean.decided_on,
                        "confirmed_by": decision.confirmed_by,
                        "confirmed_on": decision.confirmed_on, "current": decision.current})
                screening_rows.append({
                    "id": sid, "seal_id": seal, "participant_id": item.participant_id,
                    "screened_on": data.screened_on, "assessor": item.assessor,
                    "interview_notes": own(data.interview_notes),
                    "needs": own(join_codes(data.needs)),
                    "skills": join_codes(data.skills), "skills_other": data.skills_other,
                    "experience": own(data.experience), "risk_level": own(data.risk_level.value),
                    "risk_reasons": own(join_codes(data.risk_reasons)),
                    "safety_plan": own(data.safety_plan),
                    "barriers": own(join_codes(data.barriers)),
                    "criteria_met": own(join_codes(data.criteria_met)),
                    "score": own(result.score),
                    "unmet_required": own(",".join(result.unmet_required)), "decided": decided,
                    "created_by": item.assessor, "created_at": now, "updated_at": now,
                    "version": 1})
                key = (data.screened_on, sid, data.risk_level.value)
                if item.participant_id not in latest or latest[item.participant_id] < key:
                    latest[item.participant_id] = key
            session.execute(insert(Screening), screening_rows)
            if decision_rows:
                session.execute(insert(ScreeningDecision), decision_rows)
            audit_log.append(session, actor.username, "screenings_imported",
                             details={"count": len(screening_rows),
                                      "decisions": len(decision_rows),
                                      "source": "synthetic demo"})
        screenings_done += len(screening_rows)
        decisions_done += len(decision_rows)

    if latest:
        with db.transaction() as session:
            seals = dict(session.execute(select(Participant.id, Participant.seal_id)).all())
            people: Table = Participant.__table__  # type: ignore[assignment]
            session.execute(update(people).where(people.c.id == bindparam("pid"))
                            .values(risk_level=bindparam("risk", type_=people.c.risk_level.type)),
                            [{"pid": pid, "risk": bind(keys, risk, seals[pid])}
                             for pid, (_, _, risk) in latest.items()])
    return screenings_done, decisions_done
