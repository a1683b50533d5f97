"""Every sealed value of the vault at once: count the ones that do not open, or seal them all
again under the newest generation of their tier's key (a key rotation)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from kdrt_desk.errors import UserError
from kdrt_desk.models import SEALED_MODELS
from kdrt_desk.models.sealed import Bound, Sealed, SealedBlob
from kdrt_desk.security.field_crypto import (
    FieldKeys,
    TierWithheldError,
    UnreadableValueError,
    identity,
)
from kdrt_desk.security.tiers import Tier

CHUNK = 2000


@dataclass(frozen=True)
class SealedTable:
    table: Table
    primary: tuple[str, ...]
    identity: tuple[str, ...]
    columns: tuple[str, ...]  # its sealed columns of the tiers asked for
    required: frozenset[str] = frozenset()  # the ones the app always writes

    def rows(self, session: Session) -> Iterator[tuple[tuple[Any, ...], str, dict[str, Any]]]:
        """(primary key, row identity, {column: SealedBlob or None}) for every row."""
        names = list(dict.fromkeys((*self.primary, *self.identity, *self.columns)))
        query = select(*(self.table.c[n] for n in names)).execution_options(yield_per=CHUNK)
        for row in session.connection().execute(query):
            values = dict(zip(names, row, strict=True))
            yield (tuple(values[p] for p in self.primary),
                   identity(*(values[i] for i in self.identity)),
                   {c: values[c] for c in self.columns})


def sealed_tables(tiers: frozenset[Tier]) -> list[SealedTable]:
    found = []
    for model in SEALED_MODELS:
        table: Table = model.__table__  # type: ignore[attr-defined,assignment]
        columns = tuple(c.name for c in table.columns
                        if isinstance(c.type, Sealed) and c.type.tier in tiers)
        required = frozenset(c for c in columns if table.c[c].type.required)  # type: ignore[attr-defined]
        if columns:
            found.append(SealedTable(table, tuple(c.name for c in table.primary_key.columns),
                                     model.__seal_identity__, columns,  # type: ignore[attr-defined]
                                     required))
    return found


def unreadable_values(session: Session, keys: FieldKeys) -> Counter[str]:
    """How many values of each sealed column do not open with their row's identity (changed
    outside the app, or copied from another row), or are missing from a column the app always
    writes. Only tiers ``keys`` holds are checked."""
    found: Counter[str] = Counter()
    for sealed in sealed_tables(keys.tiers()):
        for _, row_identity, blobs in sealed.rows(session):
            for name, blob in blobs.items():
                if blob is None:
                    if name in sealed.required:
                        found[f"{sealed.table.name}.{name}"] += 1
                    continue
                try:
                    keys.open(blob.column_key, row_identity, blob.data)
                except UnreadableValueError:
                    found[blob.column_key] += 1
                except TierWithheldError:
                    pass
    return found


def reseal_values(session: Session, keys: FieldKeys, tiers: frozenset[Tier],
                  progress: Callable[[int], bool] | None = None) -> int:
    """Seal every value of ``tiers`` again under the newest generation ``keys`` holds; returns
    how many rows were written. A value that does not open (changed outside the app) is kept as
    it is: ``vault check`` names it, and it must not stop a rotation. ``progress(rows)``
    returning False raises ``UserError("error.cancelled")`` (the caller's transaction rolls
    back: nothing is left half sealed)."""
    done = 0
    for sealed in sealed_tables(tiers):
        if progress is not None and not progress(done):
            raise UserError("error.cancelled")
        updates: list[dict[str, Any]] = []
        for key, row_identity, blobs in sealed.rows(session):
            params: dict[str, Any] = {f"k_{p}": v for p, v in zip(sealed.primary, key,
                                                                   strict=True)}
            for name, blob in blobs.items():
                params[f"v_{name}"] = None if blob is None else _resealed(keys, row_identity,
                                                                          blob)
            updates.append(params)
            done += 1
            if progress is not None and done % 500 == 0 and not progress(done):
                raise UserError("error.cancelled")
        if updates:
            table = sealed.table
            statement = update(table).where(
                *(table.c[p] == bindparam(f"k_{p}") for p in sealed.primary)).values(
                {name: bindparam(f"v_{name}", type_=table.c[name].type)
                 for name in sealed.columns})
            session.execute(statement, updates)
    return done


def _resealed(keys: FieldKeys, row_identity: str, blob: SealedBlob) -> Bound | SealedBlob:
    try:
        return Bound(keys, row_identity, keys.open(blob.column_key, row_identity, blob.data))
    except UnreadableValueError:
        return blob
