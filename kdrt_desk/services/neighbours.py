"""The centre's table of neighbouring kecamatan: the shipped table with the admin's edits.

The edited table is kept whole, as a settings row (``KEY``); without one, the shipped table
(``domain.kecamatan_neighbours.SHIPPED_PAIRS``) applies. Everyone who plans reads it (the
scheduler's venue preference, the groups' high-risk warning: ``read_map``); only whoever may
change the centre's settings changes it, and every change is audited.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.domain.kecamatan_neighbours import (
    SHIPPED_PAIRS,
    NeighbourPair,
    neighbours_map,
    normalised,
    problems,
)
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.models import Setting
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor

KEY = "kecamatan_neighbours"
MAX_PAIRS = 200  # 18 kecamatan have at most 153 pairs


def _decoded(text: str) -> tuple[NeighbourPair, ...]:
    """The stored table; a damaged row (or one naming a kecamatan no longer known) falls back
    to the shipped table for what cannot be read, rather than to no neighbours at all."""
    try:
        raw = json.loads(text)
    except ValueError:
        return normalised(SHIPPED_PAIRS)
    if not isinstance(raw, list):
        return normalised(SHIPPED_PAIRS)
    pairs = [(str(item[0]), str(item[1])) for item in raw
             if isinstance(item, list) and len(item) == 2]
    known = set(KECAMATAN)
    return normalised((a, b) for a, b in pairs if a in known and b in known and a != b)


def stored_pairs(session: Session) -> tuple[NeighbourPair, ...]:
    """The current table, read in ``session`` (shipped when the centre has not edited it)."""
    row = session.get(Setting, KEY)
    return normalised(SHIPPED_PAIRS) if row is None else _decoded(row.value)


def read_map(session: Session) -> dict[str, frozenset[str]]:
    """kecamatan -> its neighbours, for services that already hold a session."""
    return neighbours_map(stored_pairs(session))


def _encoded(pairs: Iterable[NeighbourPair]) -> str:
    return json.dumps([[p.a, p.b] for p in pairs], ensure_ascii=False)


class NeighbourService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def pairs(self) -> tuple[NeighbourPair, ...]:
        """The current table, each pair once (a before b), bridge pairs flagged."""
        with self.db.reading() as session:
            return stored_pairs(session)

    def current(self) -> dict[str, frozenset[str]]:
        """kecamatan -> its neighbours, both ways, every kecamatan a key."""
        return neighbours_map(self.pairs())

    def is_shipped(self) -> bool:
        """True while the centre has not changed the table."""
        with self.db.reading() as session:
            return session.get(Setting, KEY) is None

    def save(self, pairs: Iterable[tuple[str, str] | NeighbourPair]) -> tuple[NeighbourPair, ...]:
        """Store the whole edited table; refused (nothing stored) with a message per bad pair:
        an unknown kecamatan, a kecamatan paired with itself, the same pair twice."""
        self.actor.require(Permission.SETTINGS)
        given = [(p.a, p.b) if isinstance(p, NeighbourPair) else (p[0], p[1]) for p in pairs]
        errors = [UserError(f"error.neighbours.{bad.kind}", field="pairs", a=bad.a, b=bad.b)
                  for bad in problems(given)]
        if len(given) > MAX_PAIRS:
            errors.append(UserError("error.neighbours.too_many", field="pairs",
                                    limit=MAX_PAIRS))
        if errors:
            raise ValidationError(errors)
        clean = normalised(given)
        with self.db.transaction() as session:
            before = set(stored_pairs(session))
            row = session.get(Setting, KEY)
            if row is not None and set(clean) == before:
                return clean
            text = _encoded(clean)
            if row is None:
                session.add(Setting(key=KEY, value=text))
            else:
                row.value = text
            audit_log.append(session, self.actor.username, "kecamatan_neighbours_changed",
                             details={"added": len(set(clean) - before),
                                      "removed": len(before - set(clean)),
                                      "pairs": len(clean)})
        return clean

    def reset_to_shipped(self) -> tuple[NeighbourPair, ...]:
        """Forget the centre's edits: the shipped table applies again (audited when it was
        edited)."""
        self.actor.require(Permission.SETTINGS)
        with self.db.transaction() as session:
            row = session.get(Setting, KEY)
            if row is not None:
                session.delete(row)
                audit_log.append(session, self.actor.username, "kecamatan_neighbours_reset")
        return normalised(SHIPPED_PAIRS)
