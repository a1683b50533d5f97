"""Fill a vault with synthetic services, signed consent forms and a few withdrawals, in bulk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, insert, select, update

from kdrt_desk.db.session import Database
from kdrt_desk.domain.care import ServiceInput
from kdrt_desk.domain.enums import Need, ParticipantStatus, PartnerKind
from kdrt_desk.models import (
    Participant,
    ParticipantConsent,
    Partner,
    Screening,
    ScreeningDecision,
    ServiceRecord,
)
from kdrt_desk.models.sealed import bind, field_keys, new_seal_id, open_blob
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.care import CareService, validate_service
from kdrt_desk.services.consent import ConsentService
from kdrt_desk.synthetic.services import (
    DEMO_PARTNERS,
    DEMO_REJECTION_REASON,
    CareCandidate,
    generate_services,
    signed_forms,
    withdrawal_requests,
    withdrawals,
)

CHUNK = 5000


@dataclass(frozen=True)
class DemoCare:
    services: int
    signed_forms: int
    withdrawn: int


def care_candidates(db: Database) -> list[CareCandidate]:
    """Every participant not anonymised, with her needs from her latest screening and the day
    services can start: her latest decision, else that screening, else her registration."""
    latest = (select(func.max(Screening.id).label("id"))
              .group_by(Screening.participant_id)).subquery()
    with db.reading() as session:
        keys = field_keys(session)
        screened = {pid: (on, open_blob(keys, needs, seal, pid) or "")
                    for pid, on, seal, needs in session.execute(
            select(Screening.participant_id, Screening.screened_on, Screening.seal_id,
                   Screening.needs)
            .join(latest, latest.c.id == Screening.id))}
        decided = dict(session.execute(
            select(ScreeningDecision.participant_id, func.max(ScreeningDecision.decided_on))
            .where(ScreeningDecision.current.is_(True))
            .group_by(ScreeningDecision.participant_id)).all())
        people = session.execute(
            select(Participant.id, Participant.status, Participant.registered_on)
            .where(Participant.anonymised_on.is_(None)).order_by(Participant.id)).all()
    made = []
    for pid, status, registered_on in people:
        on, needs = screened.get(pid, (registered_on, ""))
        start = max(decided.get(pid, on), on, registered_on)
        made.append(CareCandidate(pid, ParticipantStatus(status), registered_on, start,
                                  frozenset(Need(n) for n in needs.split(",") if n)))
    return made


def insert_demo_care(db: Database, actor: Actor, seed: int, today: date) -> DemoCare:
    """Demo partners, services and referrals, signed consent forms, then a few withdrawals
    through ``ConsentService`` (so those records are anonymised exactly as in real use)."""
    actor.require(Permission.RECORD_SERVICE)
    actor.require(Permission.MANAGE_CONSENT)
    care = CareService(db, actor)
    known = {p.name for p in care.partners(active_only=False)}
    for name, kind, contact in DEMO_PARTNERS:
        if name not in known:
            care.add_partner(name, PartnerKind(kind), contact_person=contact)
    people = care_candidates(db)
    with db.reading() as session:
        partner_ids = dict(session.execute(select(Partner.name, Partner.id)).all())
    services = insert_services(db, actor, generate_services(people, partner_ids, seed, today),
                               today)
    signed = signed_forms(people, seed, today)
    if signed:
        with db.transaction() as session:
            table = cast(Table, ParticipantConsent.__table__)
            session.execute(update(table).where(table.c.participant_id == bindparam("pid"))
                            .values(form_signed_on=bindparam("signed")),
                            [{"pid": pid, "signed": on} for pid, on in signed])
            audit_log.append(session, actor.username, "consent_forms_imported",
                             details={"count": len(signed), "source": "synthetic demo"})
    consent = ConsentService(db, actor)
    leaving = withdrawals(people, seed, today)
    for pid, on in leaving:
        consent.withdraw_data_use(pid, on, confirm=True, today=today)
    return DemoCare(services, len(signed), len(leaving))


def insert_withdrawal_requests(db: Database, actor: Actor, seed: int, today: date
                               ) -> list[int]:
    """Withdrawals recorded by ``actor`` (a staff member, who may not anonymise): they wait
    for an Admin or Konselor. Returns the participant ids."""
    with db.reading() as session:
        consenting = list(session.scalars(
            select(Participant.id).join(ParticipantConsent)
            .where(Participant.anonymised_on.is_(None),
                   ParticipantConsent.consent_date.is_not(None),
                   ParticipantConsent.withdrawn_on.is_(None)).order_by(Participant.id)))
    chosen = withdrawal_requests(consenting, seed)
    consent = ConsentService(db, actor)
    for pid in chosen:
        consent.withdraw_data_use(pid, today, confirm=True, today=today)
    return chosen


def reject_demo_withdrawal(db: Database, actor: Actor, participant_id: int) -> None:
    """The demo's admin takes one recorded withdrawal back (with a reason)."""
    ConsentService(db, actor).reject_withdrawal(participant_id, DEMO_REJECTION_REASON)


def insert_services(db: Database, actor: Actor, items: Sequence[ServiceInput],
                    today: date) -> int:
    """Validate each service by the rules of ``CareService`` and insert them in chunks."""
    actor.require(Permission.RECORD_SERVICE)
    now = datetime.now(UTC)
    with db.reading() as session:
        partners = dict(session.execute(select(Partner.id, Partner.active)).all())
        registered = dict(session.execute(
            select(Participant.id, Participant.registered_on)
            .where(Participant.anonymised_on.is_(None))).all())
    done = 0
    for start in range(0, len(items), CHUNK):
        rows: list[dict[str, Any]] = []
        for data in items[start:start + CHUNK]:
            clean = validate_service(data, registered_on=registered[data.participant_id],
                                     today=today, partners=partners)
            seal = new_seal_id()
            rows.append({"participant_id": data.participant_id, "seal_id": seal,
                         "kind": clean.kind.value,
                         "service_date": clean.service_date, "partner_id": clean.partner_id,
                         "provider_note": clean.provider_note, "status": clean.status.value,
                         "outcome_note": bind(db.keys, clean.outcome_note, seal,
                                              data.participant_id),
                         "created_by": actor.username, "created_at": now, "updated_at": now})
        with db.transaction() as session:
            session.execute(insert(ServiceRecord), rows)
            audit_log.append(session, actor.username, "services_imported",
                             details={"count": len(rows), "source": "synthetic demo"})
        done += len(rows)
    return done
