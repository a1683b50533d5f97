"""Every sealed value of the vault at once: count the ones that do not open, or seal them all
again under the newest generation of their tier's key (a key rotation)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from kdrt_desk.models import SEALED_MODELS
from kdrt_desk.models.sealed import Bound, Sealed
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
        if columns:
            found.append(SealedTable(table, tuple(c.name for c in table.primary_key.columns),
                                     model.__seal_identity__, columns))  # type: ignore[attr-defined]
    return found


def unreadable_values(session: Session, keys: FieldKeys) -> Counter[str]:
    """How many values of each sealed column do not open with their row's identity (changed
    outside the app, or copied from another row). Only tiers ``keys`` holds are checked."""
    found: Counter[str] = Counter()
    for sealed in sealed_tables(keys.tiers()):
        for _, row_identity, blobs in sealed.rows(session):
            for blob in blobs.values():
                if blob is None:
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
    how many rows were written. ``progress(rows)`` returning False raises ``InterruptedError``
    (the caller's transaction rolls back: nothing is left half sealed)."""
    done = 0
    for sealed in sealed_tables(tiers):
        if progress is not None and not progress(done):
            raise InterruptedError
        updates: list[dict[str, Any]] = []
        for key, row_identity, blobs in sealed.rows(session):
            params: dict[str, Any] = {f"k_{p}": v for p, v in zip(sealed.primary, key,
                                                                   strict=True)}
            for name, blob in blobs.items():
                params[f"v_{name}"] = None if blob is None else Bound(
                    keys, row_identity, keys.open(blob.column_key, row_identity, blob.data))
            updates.append(params)
            done += 1
            if progress is not None and done % 500 == 0 and not progress(done):
                raise InterruptedError
        if updates:
            table = sealed.table
            statement = update(table).where(
                *(table.c[p] == bindparam(f"k_{p}") for p in sealed.primary)).values(
                {name: bindparam(f"v_{name}", type_=table.c[name].type)
                 for name in sealed.columns})
            session.execute(statement, updates)
    return done
