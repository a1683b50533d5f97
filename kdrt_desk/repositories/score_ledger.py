"""The sealed score ledger (``models.ScoreLedger``): kept in step with the assessments, read
by the indicators a bucket at a time, rebuilt from the assessments when it is not in step."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kdrt_desk.models import Assessment, ScoreLedger

BUCKET = 512  # participants per ledger row


def _row(session: Session, code: str, round_: str, bucket: int) -> ScoreLedger:
    row = session.scalar(select(ScoreLedger).where(
        ScoreLedger.instrument_code == code, ScoreLedger.round == round_,
        ScoreLedger.bucket == bucket))
    if row is None:
        row = ScoreLedger(instrument_code=code, round=round_, bucket=bucket, entries=0,
                          data={})
        session.add(row)
    return row


def _value(score: object) -> float | None:
    value = score.get("value") if isinstance(score, dict) else None
    return float(value) if isinstance(value, int | float) else None


def add(session: Session, assessment: Assessment) -> None:
    """Enter (or replace) one assessment's score in its bucket."""
    row = _row(session, assessment.instrument_code, assessment.round,
               assessment.participant_id // BUCKET)
    data = dict(row.data) if isinstance(row.data, dict) else {}
    data[str(assessment.id)] = [assessment.participant_id, assessment.assessed_on.isoformat(),
                                _value(assessment.score)]
    row.data, row.entries = data, len(data)


def remove(session: Session, assessments: Iterable[Assessment]) -> None:
    for assessment in assessments:
        row = _row(session, assessment.instrument_code, assessment.round,
                   assessment.participant_id // BUCKET)
        data = dict(row.data) if isinstance(row.data, dict) else {}
        data.pop(str(assessment.id), None)
        row.data, row.entries = data, len(data)


def in_step(session: Session, codes: Iterable[str], rounds: Iterable[str]) -> bool:
    """Whether the ledger holds exactly as many entries as there are assessments, per
    instrument and round (counted on unsealed columns)."""
    codes, rounds = list(codes), list(rounds)
    stored = dict(((c, r), n) for c, r, n in session.execute(
        select(Assessment.instrument_code, Assessment.round, func.count(Assessment.id))
        .where(Assessment.instrument_code.in_(codes), Assessment.round.in_(rounds))
        .group_by(Assessment.instrument_code, Assessment.round)))
    ledger = dict(((c, r), int(n or 0)) for c, r, n in session.execute(
        select(ScoreLedger.instrument_code, ScoreLedger.round, func.sum(ScoreLedger.entries))
        .where(ScoreLedger.instrument_code.in_(codes), ScoreLedger.round.in_(rounds))
        .group_by(ScoreLedger.instrument_code, ScoreLedger.round)))
    return {k: v for k, v in stored.items() if v} == {k: v for k, v in ledger.items() if v}


def entries(session: Session, codes: Iterable[str], rounds: Iterable[str]
            ) -> Iterator[tuple[str, str, dict[str, list[object]]]]:
    """Each bucket of these instruments and rounds: (instrument, round, {assessment id:
    [participant id, "YYYY-MM-DD", value]}); a bucket that does not open reads as empty."""
    for row in session.scalars(select(ScoreLedger).where(
            ScoreLedger.instrument_code.in_(list(codes)), ScoreLedger.round.in_(list(rounds)))):
        yield row.instrument_code, row.round, row.data if isinstance(row.data, dict) else {}


def rebuild(session: Session) -> int:
    """The whole ledger again from the assessments (after a bulk import); the entry count."""
    session.execute(delete(ScoreLedger))
    buckets: dict[tuple[str, str, int], dict[str, list[object]]] = {}
    for row in session.scalars(select(Assessment)):
        key = (row.instrument_code, row.round, row.participant_id // BUCKET)
        buckets.setdefault(key, {})[str(row.id)] = [
            row.participant_id, row.assessed_on.isoformat(), _value(row.score)]
    for (code, round_, bucket), data in buckets.items():
        session.add(ScoreLedger(instrument_code=code, round=round_, bucket=bucket,
                                entries=len(data), data=data))
    return sum(len(d) for d in buckets.values())
