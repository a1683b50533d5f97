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
from kdrt_desk.models.sealed import Bound, new_seal_id, sealed_columns
from kdrt_desk.repositories.participants import (
    case_values,
    consent_values,
    next_code,
    participant_values,
)
from kdrt_desk.repositories.search_tokens import participant_tokens
from kdrt_desk.security.field_crypto import FieldKeys, identity
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.participant_validation import validate_participant

CHUNK = 5000


# Her sealed register columns that an input fills (her risk level comes with a screening).
SEALED_REGISTER = tuple(c for c in sealed_columns(Participant) if c != "risk_level")


def participant_rows(keys: FieldKeys, pid: int, code: str, data: ParticipantInput,
                     now: datetime) -> tuple[dict[str, Any], dict[str, Any] | None,
                                             dict[str, Any]]:
    """Her register, case and consent rows for a bulk insert, sealed values bound to their
    row's identity (computed once per row, not once per value)."""
    seal_id = new_seal_id()
    own_identity, her_identity = identity(seal_id), identity(pid)
    participant = participant_values(data, code)
    for name in SEALED_REGISTER:  # a sealed value of her register row
        participant[name] = Bound(keys, own_identity, participant[name])
    participant.update(id=pid, seal_id=seal_id, code=code, risk_level=None, created_at=now,
                       updated_at=now, version=1)
    case: dict[str, Any] | None = None
    if data.case is not None:  # every value of her case row is sealed
        case = {name: Bound(keys, her_identity, value)
                for name, value in case_values(data.case).items()}
        case["participant_id"] = pid
    consent = consent_values(data.consent)
    consent["scopes"] = Bound(keys, her_identity, consent["scopes"])
    consent["participant_id"] = pid
    return participant, case, consent


def search_token_rows(keys: FieldKeys, pid: int, data: ParticipantInput) -> list[dict[str, Any]]:
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
                person, case, consent = participant_rows(db.keys, start_id + offset, code, data,
                                                         now)
                people.append(person)
                consents.append(consent)
                tokens.extend(search_token_rows(db.keys, start_id + offset, data))
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
