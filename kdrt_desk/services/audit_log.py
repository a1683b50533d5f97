"""The audit log: append entries chained by SHA-256, verify the chain, list and filter entries.

Entries name fields, never the values of restricted or personal fields.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kdrt_desk.db.session import Database
from kdrt_desk.models import AuditEntry
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services.actor import Actor

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    details: dict[str, object]


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    first_broken_id: int | None

    @property
    def ok(self) -> bool:
        return self.first_broken_id is None


def entry_hash(prev_hash: str, at: datetime, actor: str, action: str, target: str,
               details: str) -> str:
    stamp = at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
    payload = json.dumps([prev_hash, stamp, actor, action, target, details], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(session: Session, actor: str, action: str, target: str = "",
           details: dict[str, object] | None = None, at: datetime | None = None) -> None:
    """Add one entry in the caller's transaction, so it commits with the change it records."""
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    prev = last or GENESIS
    when = datetime.now(UTC) if at is None else at.astimezone(UTC)
    text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True)
    digest = entry_hash(prev, when, actor, action, target, text)
    session.add(AuditEntry(at=when, actor=actor, action=action, target=target, details=text,
                           prev_hash=prev, hash=digest))
    session.flush()


class AuditService:
    def __init__(self, db: Database, actor: Actor) -> None:
        self.db = db
        self.actor = actor

    def verify(self) -> ChainCheck:
        self.actor.require(Permission.VIEW_AUDIT)
        prev = GENESIS
        count = 0
        with self.db.reading() as session:
            rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
            for row in rows:
                count += 1
                expected = entry_hash(prev, row.at.replace(tzinfo=UTC), row.actor, row.action,
                                      row.target, row.details)
                if row.prev_hash != prev or row.hash != expected:
                    return ChainCheck(count, row.id)
                prev = row.hash
        return ChainCheck(count, None)

    def entries(self, *, actor: str = "", action: str = "", text: str = "",
                since: datetime | None = None, until: datetime | None = None,
                limit: int = 2000) -> list[AuditRecord]:
        self.actor.require(Permission.VIEW_AUDIT)
        query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if actor:
            query = query.where(AuditEntry.actor == actor)
        if action:
            query = query.where(AuditEntry.action == action)
        if text:
            like = f"%{text.lower()}%"
            query = query.where(func.lower(AuditEntry.target + " " + AuditEntry.details).like(like))
        if since is not None:
            query = query.where(AuditEntry.at >= since)
        if until is not None:
            query = query.where(AuditEntry.at < until)
        with self.db.reading() as session:
            return [AuditRecord(r.id, r.at.replace(tzinfo=UTC), r.actor, r.action, r.target,
                                json.loads(r.details))
                    for r in session.execute(query).scalars()]

    def actions(self) -> list[str]:
        self.actor.require(Permission.VIEW_AUDIT)
        with self.db.reading() as session:
            return list(session.scalars(select(AuditEntry.action).distinct()
                                        .order_by(AuditEntry.action)))
