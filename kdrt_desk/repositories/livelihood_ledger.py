"""The sealed livelihood ledger (``models.LivelihoodLedger``): what the indicators need of each
livelihood record, a bucket of participants per sealed value, kept in step by the livelihood
service; rebuilt from the records after a bulk import."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kdrt_desk.models import LivelihoodLedger, LivelihoodRecord

BUCKET = 512


def _entry(record: LivelihoodRecord) -> list[object]:
    data = record.details if isinstance(record.details, dict) else {}
    income, depends = data.get("monthly_income"), data.get("depends_on_abuser")
    return [record.participant_id, record.recorded_on.isoformat(), str(data.get("status", "")),
            income if isinstance(income, int) else None,
            depends if isinstance(depends, bool) else None]


def _row(session: Session, bucket: int) -> LivelihoodLedger:
    row = session.scalar(select(LivelihoodLedger).where(LivelihoodLedger.bucket == bucket))
    if row is None:
        row = LivelihoodLedger(bucket=bucket, entries=0, data={})
        session.add(row)
    return row


def put(session: Session, record: LivelihoodRecord) -> None:
    """Enter (or replace) one record."""
    row = _row(session, record.participant_id // BUCKET)
    data = dict(row.data) if isinstance(row.data, dict) else {}
    data[str(record.id)] = _entry(record)
    row.data, row.entries = data, len(data)


def remove(session: Session, records: Iterable[tuple[int, int]]) -> None:
    """Take out these (record id, participant id)."""
    for record_id, participant_id in records:
        row = _row(session, participant_id // BUCKET)
        data = dict(row.data) if isinstance(row.data, dict) else {}
        data.pop(str(record_id), None)
        row.data, row.entries = data, len(data)


def in_step(session: Session) -> bool:
    stored = session.scalar(select(func.count(LivelihoodRecord.id))) or 0
    ledger = session.scalar(select(func.sum(LivelihoodLedger.entries))) or 0
    return int(stored) == int(ledger)


def buckets(session: Session) -> Iterator[dict[str, list[object]]]:
    for row in session.scalars(select(LivelihoodLedger)):
        yield row.data if isinstance(row.data, dict) else {}


def rebuild(session: Session) -> int:
    session.execute(delete(LivelihoodLedger))
    found: dict[int, dict[str, list[object]]] = {}
    for record in session.scalars(select(LivelihoodRecord)):
        found.setdefault(record.participant_id // BUCKET, {})[str(record.id)] = _entry(record)
    for bucket, data in found.items():
        session.add(LivelihoodLedger(bucket=bucket, entries=len(data), data=data))
    return sum(len(d) for d in found.values())
