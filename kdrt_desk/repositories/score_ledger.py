"""The sealed score ledger (``models.ScoreLedger``): kept in step with the assessments, read
by the indicators a bucket at a time, rebuilt from the assessments when it is not in step.

A bucket is stored packed (``pack``): its entries as four columns of fixed-size numbers in one
base64 text, so opening the 400 buckets of 200,000 assessments takes a few C calls per bucket
instead of parsing 200,000 small JSON lists (most of the indicators' time before). A bucket
still in the first layout (``{"<assessment id>": [participant id, "YYYY-MM-DD", value]}``)
reads the same and is packed the next time it is written."""

from __future__ import annotations

import base64
import binascii
import math
import sys
from array import array
from collections.abc import Iterable, Iterator
from datetime import date
from typing import NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kdrt_desk.models import Assessment, ScoreLedger
from kdrt_desk.models.sealed import field_keys, open_blob

BUCKET = 512  # participants per ledger row
PACKED = "packed-v1"  # the key of a packed bucket (entries of the first layout are digits)
_INT64, _INT32, _FLOAT64 = "q", "i", "d"
_WIDTH = 8 + 8 + 4 + 8  # bytes per entry: assessment id, participant id, day, value
_BIG_ENDIAN = sys.byteorder == "big"  # stored little-endian whatever the machine

Entries = dict[str, list[object]]


class Columns(NamedTuple):
    """A bucket's entries as columns: assessment ids, participant ids, days (date ordinals)
    and values (NaN where the score has none: too many items left out)."""

    ids: list[int]
    pids: list[int]
    days: list[int]
    values: list[float]


EMPTY = Columns([], [], [], [])  # what a bucket that does not open compares equal to


def _value(score: object) -> float | None:
    value = score.get("value") if isinstance(score, dict) else None
    return float(value) if isinstance(value, int | float) else None


def pack(entries: Entries) -> dict[str, list[object]]:
    """A bucket's entries (``{"<assessment id>": [participant id, "YYYY-MM-DD", value or
    None]}``) as they are stored: ``{PACKED: ["<base64>"]}``, the four columns one after the
    other, little-endian (64-bit ids, 32-bit date ordinals, 64-bit floats with NaN for none)."""
    ids = array(_INT64, (int(key) for key in entries))
    pids = array(_INT64, (int(str(item[0])) for item in entries.values()))
    days = array(_INT32, (date.fromisoformat(str(item[1])).toordinal()
                          for item in entries.values()))
    values = array(_FLOAT64, (math.nan if item[2] is None else float(str(item[2]))
                              for item in entries.values()))
    raw = b""
    for column in (ids, pids, days, values):
        if _BIG_ENDIAN:
            column.byteswap()
        raw += column.tobytes()
    return {PACKED: [base64.b64encode(raw).decode("ascii")]}


def _unpack(text: object) -> Columns | None:
    if not isinstance(text, str) or not text.isascii():
        return None
    try:  # not validated character by character (twice the time): the value was sealed, and
        raw = binascii.a2b_base64(text)  # a wrong length is refused below
    except (binascii.Error, ValueError):
        return None
    n, rest = divmod(len(raw), _WIDTH)
    if rest:
        return None
    columns: list[list[int] | list[float]] = []
    at = 0
    for code, width in ((_INT64, 8), (_INT64, 8), (_INT32, 4), (_FLOAT64, 8)):
        column = array(code)
        column.frombytes(raw[at:at + n * width])
        if _BIG_ENDIAN:
            column.byteswap()
        columns.append(column.tolist())
        at += n * width
    ids, pids, days, values = columns
    return Columns(ids, pids, days, values)  # type: ignore[arg-type]


def columns_of(data: object) -> Columns:
    """A bucket as read (either layout) as columns (new lists, the caller's to keep); one that
    does not open, or is not in either layout, reads as empty."""
    if not isinstance(data, dict):
        return Columns([], [], [], [])
    packed = data.get(PACKED)
    if packed is not None:
        found = _unpack(packed[0]) if isinstance(packed, list) and len(packed) == 1 else None
        return Columns([], [], [], []) if found is None else found
    ids, pids, days, values = [], [], [], []
    try:
        for key, item in data.items():  # the first layout
            ids.append(int(key))
            pids.append(int(item[0]))
            days.append(date.fromisoformat(item[1]).toordinal())
            values.append(math.nan if item[2] is None else float(item[2]))
    except (TypeError, ValueError, IndexError, KeyError):
        return Columns([], [], [], [])
    return Columns(ids, pids, days, values)


def entries_of(data: object) -> Entries:
    """A bucket as read (either layout) as ``{"<assessment id>": [participant id,
    "YYYY-MM-DD", value or None]}``."""
    got = columns_of(data)
    return {str(aid): [pid, date.fromordinal(day).isoformat(), None if value != value
                       else value]
            for aid, pid, day, value in zip(got.ids, got.pids, got.days, got.values,
                                            strict=True)}


def _row(session: Session, code: str, round_: str, bucket: int) -> ScoreLedger:
    row = session.scalar(select(ScoreLedger).where(
        ScoreLedger.instrument_code == code, ScoreLedger.round == round_,
        ScoreLedger.bucket == bucket))
    if row is None:
        row = ScoreLedger(instrument_code=code, round=round_, bucket=bucket, entries=0,
                          data={})
        session.add(row)
    return row


def add(session: Session, assessment: Assessment) -> None:
    """Enter (or replace) one assessment's score in its bucket."""
    row = _row(session, assessment.instrument_code, assessment.round,
               assessment.participant_id // BUCKET)
    data = entries_of(row.data)
    data[str(assessment.id)] = [assessment.participant_id, assessment.assessed_on.isoformat(),
                                _value(assessment.score)]
    row.data, row.entries = pack(data), len(data)


def remove(session: Session, assessments: Iterable[Assessment]) -> None:
    for assessment in assessments:
        row = _row(session, assessment.instrument_code, assessment.round,
                   assessment.participant_id // BUCKET)
        data = entries_of(row.data)
        data.pop(str(assessment.id), None)
        row.data, row.entries = pack(data), len(data)


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


def _opened(session: Session, codes: Iterable[str], rounds: Iterable[str]
            ) -> Iterator[tuple[str, str, object]]:
    """(instrument, round, the opened value) of each bucket: read as plain rows and opened
    here (as the mapper would open them), not loaded as ORM objects that stay in the
    session."""
    keys = field_keys(session)
    for code, round_, bucket, blob in session.execute(
            select(ScoreLedger.instrument_code, ScoreLedger.round, ScoreLedger.bucket,
                   ScoreLedger.data).where(ScoreLedger.instrument_code.in_(list(codes)),
                                           ScoreLedger.round.in_(list(rounds)))):
        yield code, round_, open_blob(keys, blob, code, round_, bucket)


def columns(session: Session, codes: Iterable[str], rounds: Iterable[str]
            ) -> Iterator[tuple[str, str, Columns]]:
    """Each bucket of these instruments and rounds as (instrument, round, columns); a bucket
    that does not open reads as empty. What the indicators read."""
    for code, round_, data in _opened(session, codes, rounds):
        yield code, round_, columns_of(data)


def entries(session: Session, codes: Iterable[str], rounds: Iterable[str]
            ) -> Iterator[tuple[str, str, Entries]]:
    """Each bucket of these instruments and rounds: (instrument, round, {assessment id:
    [participant id, "YYYY-MM-DD", value]}); a bucket that does not open reads as empty."""
    for code, round_, data in _opened(session, codes, rounds):
        yield code, round_, entries_of(data)


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
                                entries=len(data), data=pack(data)))
    return sum(len(d) for d in buckets.values())
