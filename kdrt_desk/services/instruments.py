"""The assessment instruments the centre can use: the shipped ones (WHO-5, self-efficacy,
self-esteem), the versions the admin added (a validated Indonesian wording, an instrument of the
centre's own), and which ones the programme uses. A stored version is never changed: an edit adds
the next one, so a score already recorded keeps the instrument it was scored with."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.instruments import STANDARD, Instrument
from kdrt_desk.errors import UserError
from kdrt_desk.models import InstrumentVersion, Setting
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.instrument_validation import check_instrument, check_wording

IN_USE_KEY = "instruments_in_use"
DEFAULT_IN_USE = ("WHO5", "GSE", "RSE")


def load_instrument(session: Session, code: str, version: int | None = None) -> Instrument:
    """An instrument as stored (its newest version when ``version`` is None)."""
    query = select(InstrumentVersion).where(InstrumentVersion.code == code)
    if version is not None:
        query = query.where(InstrumentVersion.version == version)
    row = session.scalar(query.order_by(InstrumentVersion.version.desc()).limit(1))
    if row is not None:
        return Instrument.from_json(row.definition)
    shipped = STANDARD.get(code)
    if shipped is not None and (version is None or version == shipped.version):
        return shipped
    raise UserError("error.instrument_unknown", code=code)


def newest_instruments(session: Session) -> dict[str, Instrument]:
    """Every instrument's newest version, shipped ones first, by code."""
    found = dict(STANDARD)
    newest = select(InstrumentVersion.code, func.max(InstrumentVersion.version)).group_by(
        InstrumentVersion.code).subquery()
    rows = session.scalars(select(InstrumentVersion).join(
        newest, (InstrumentVersion.code == newest.c.code)
        & (InstrumentVersion.version == newest.c[1])))
    for row in rows:
        if row.retired:
            found.pop(row.code, None)
        else:
            found[row.code] = Instrument.from_json(row.definition)
    return found


def instruments_in_use(session: Session) -> tuple[str, ...]:
    row = session.get(Setting, IN_USE_KEY)
    if row is None:
        return DEFAULT_IN_USE
    return tuple(str(c) for c in json.loads(row.value))


class InstrumentService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def available(self) -> list[Instrument]:
        """The newest version of every instrument (blank instruments hold no personal data)."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            return list(newest_instruments(session).values())

    def get(self, code: str, version: int | None = None) -> Instrument:
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            return load_instrument(session, code, version)

    def in_use(self) -> list[Instrument]:
        """The instruments the programme uses, in the admin's order."""
        self.actor.require(Permission.VIEW_PROGRAMME)
        with self.db.reading() as session:
            known = newest_instruments(session)
            return [known[c] for c in instruments_in_use(session) if c in known]

    def set_in_use(self, codes: Iterable[str]) -> tuple[str, ...]:
        self.actor.require(Permission.SETTINGS)
        chosen = tuple(dict.fromkeys(codes))
        with self.db.transaction() as session:
            known = newest_instruments(session)
            unknown = [c for c in chosen if c not in known]
            if unknown:
                raise UserError("error.instrument_unknown", code=unknown[0])
            row = session.get(Setting, IN_USE_KEY)
            text = json.dumps(list(chosen))
            if row is None:
                session.add(Setting(key=IN_USE_KEY, value=text))
            else:
                row.value = text
            audit_log.append(session, self.actor.username, "instruments_in_use", "",
                             {"codes": list(chosen)})
        return chosen

    def save_custom(self, instrument: Instrument) -> Instrument:
        """Store the centre's own instrument as its next version (a new code starts at 1)."""
        self.actor.require(Permission.SETTINGS)
        check_instrument(instrument)
        if instrument.code in STANDARD:
            raise UserError("error.instrument_code_taken", field="code", code=instrument.code)
        with self.db.transaction() as session:
            version = _next_version(session, instrument.code)
            stored = _store(session, self.actor, _as_custom(instrument, version))
            audit_log.append(session, self.actor.username, "instrument_saved", stored.code,
                             {"version": stored.version, "items": len(stored.items)})
        return stored

    def set_wording(self, code: str, items_id: tuple[str, ...], instructions_id: str,
                    labels_id: tuple[str, ...]) -> Instrument:
        """A validated Indonesian wording pasted from its published source: the next version,
        no longer marked as a working translation. Scoring does not change."""
        self.actor.require(Permission.SETTINGS)
        with self.db.transaction() as session:
            current = load_instrument(session, code)
            check_wording(current, items_id, instructions_id, labels_id)
            version = _next_version(session, code)
            stored = _store(session, self.actor, current.with_wording(
                version, tuple(" ".join(t.split()) for t in items_id),
                " ".join(instructions_id.split()), tuple(" ".join(t.split())
                                                          for t in labels_id)))
            audit_log.append(session, self.actor.username, "instrument_wording", code,
                             {"version": version})
        return stored


def _as_custom(instrument: Instrument, version: int) -> Instrument:
    from dataclasses import replace
    return replace(instrument, version=version, standard=False)


def _next_version(session: Session, code: str) -> int:
    stored = session.scalar(select(func.max(InstrumentVersion.version)).where(
        InstrumentVersion.code == code))
    shipped = STANDARD[code].version if code in STANDARD else 0
    return max(stored or 0, shipped) + 1


def _store(session: Session, actor: Actor, instrument: Instrument) -> Instrument:
    session.add(InstrumentVersion(code=instrument.code, version=instrument.version,
                                  definition=instrument.to_json(), created_by=actor.username,
                                  created_at=datetime.now(UTC)))
    return instrument
