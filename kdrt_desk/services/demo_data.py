"""Fill a vault with synthetic participants fast: validated by the same rules, inserted in bulk."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert

from kdrt_desk.db.session import Database
from kdrt_desk.domain.participant import ParticipantInput
from kdrt_desk.models import (
    Participant,
    ParticipantCase,
    ParticipantConsent,
    ParticipantSearchToken,
)
from kdrt_desk.models.sealed import Bound, new_seal_id
from kdrt_desk.repositories.participants import next_code, search_text
from kdrt_desk.repositories.search_tokens import participant_tokens
from kdrt_desk.security.field_crypto import FieldKeys, identity
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.participant_validation import validate_participant

CHUNK = 5000


def _rows(keys: FieldKeys, pid: int, code: str, data: ParticipantInput, now: datetime
          ) -> tuple[dict[str, Any], dict[str, Any] | None, dict[str, Any]]:
    seal_id = new_seal_id()
    own_identity, her_identity = identity(seal_id), identity(pid)  # once per row, not per value

    def own(value: Any) -> Any:  # a sealed value of her register row
        return Bound(keys, own_identity, value)

    def hers(value: Any) -> Any:  # a sealed value of her case or consent row
        return Bound(keys, her_identity, value)

    participant = {
        "id": pid, "seal_id": seal_id, "code": code, "full_name": data.full_name,
        "preferred_name": data.preferred_name, "nik": own(data.nik or None),
        "birth_date": data.birth_date, "estimated_age": data.estimated_age,
        "birth_place": own(data.birth_place), "phone": own(data.phone or None),
        "safe_to_call": own(data.safe_to_call.value),
        "safe_call_times": own(data.safe_call_times),
        "trusted_contact_name": own(data.trusted_contact_name),
        "trusted_contact_phone": own(data.trusted_contact_phone or None),
        "never_contact_at_home": own(data.never_contact_at_home),
        "living_situation": own(data.living_situation.value), "kecamatan": data.kecamatan,
        "kelurahan": own(data.kelurahan), "marital_status": data.marital_status.value,
        "children_count": data.children_count,
        "children_ages": ",".join(str(a) for a in data.children_ages),
        "dependants": data.dependants, "education": data.education.value,
        "occupation": data.occupation, "monthly_income": own(data.monthly_income),
        "economic_dependence": own(data.economic_dependence.value),
        "status": data.status.value, "registered_on": data.registered_on,
        "search_text": search_text(data, code), "risk_level": None,
        "created_at": now, "updated_at": now, "version": 1,
    }
    case = None
    if data.case is not None:
        c = data.case
        case = {
            "participant_id": pid,
            "violence_forms": hers(",".join(sorted(f.value for f in c.violence_forms))),
            "perpetrator_relation": hers(c.perpetrator_relation.value
                                         if c.perpetrator_relation else None),
            "duration_months": hers(c.duration_months),
            "reported_to_police": hers(c.reported_to_police),
            "legal_proceedings": hers(c.legal_proceedings.value),
            "referral_source": hers(c.referral_source.value if c.referral_source else None),
            "referral_other": hers(c.referral_other), "safety_notes": hers(c.safety_notes),
        }
    consent = {
        "participant_id": pid, "consent_date": data.consent.consent_date,
        "scopes": hers(",".join(sorted(s.value for s in data.consent.scopes))),
        "recorded_by": data.consent.recorded_by, "withdrawn_on": data.consent.withdrawn_on,
    }
    return participant, case, consent


def _tokens(keys: FieldKeys, pid: int, data: ParticipantInput) -> list[dict[str, Any]]:
    contact = (data.consent.withdrawn_on is None
               and any(s.value == "contact" for s in data.consent.scopes))
    return [{"participant_id": pid, "token": token}
            for token in sorted(participant_tokens(keys, data.nik or None, data.phone or None,
                                                   contact))]


def insert_participants(db: Database, actor: Actor, inputs: Iterable[ParticipantInput],
                        today: date, progress: Callable[[int], bool] | None = None) -> int:
    """Validate and insert; ``progress(done)`` returning False cancels (committed chunks stay)."""
    actor.require(Permission.EDIT_PARTICIPANT)
    actor.require(Permission.EDIT_RESTRICTED)
    now = datetime.now(UTC)
    done = 0
    batch: list[ParticipantInput] = []

    def flush() -> None:
        nonlocal done
        with db.transaction() as session:
            start_id = (session.execute(
                Participant.__table__.select().with_only_columns(
                    Participant.id).order_by(Participant.id.desc()).limit(1)).scalar() or 0) + 1
            counters: dict[int, int] = {}
            people, cases, consents, tokens = [], [], [], []
            for offset, data in enumerate(batch):
                assert data.registered_on is not None
                year = data.registered_on.year
                if year not in counters:
                    counters[year] = int(next_code(session, year).rsplit("-", 1)[1])
                code = f"KD-{year}-{counters[year]:04d}"
                counters[year] += 1
                person, case, consent = _rows(db.keys, start_id + offset, code, data, now)
                people.append(person)
                consents.append(consent)
                tokens.extend(_tokens(db.keys, start_id + offset, data))
                if case is not None:
                    cases.append(case)
            session.execute(insert(Participant), people)
            if cases:
                session.execute(insert(ParticipantCase), cases)
            session.execute(insert(ParticipantConsent), consents)
            if tokens:
                session.execute(insert(ParticipantSearchToken), tokens)
            audit_log.append(session, actor.username, "participants_imported",
                             details={"count": len(batch), "source": "synthetic demo"})
        done += len(batch)
        batch.clear()

    for data in inputs:
        clean = validate_participant(data, today)
        clean.consent.recorded_by = clean.consent.recorded_by or actor.username
        batch.append(clean)
        if len(batch) >= CHUNK:
            flush()
            if progress is not None and not progress(done):
                return done
    if batch:
        flush()
        if progress is not None:
            progress(done)
    return done
