"""The one encrypting column type: a field sealed under its tier's key, bound to its row.

``Sealed(tier)`` stores ``FieldKeys.seal`` output. It accepts only a ``Bound`` value (a plain
value together with the keys and its row's identity), so a sealed column written without its
row, by any path, fails loudly instead of storing plaintext. ORM rows get this done for them by
the mapper events below; Core ``insert()``/``update().values()`` paths pass ``keys.bind(...)``.
Reading gives a ``SealedBlob``, which opens only with the row's identity: ORM rows are opened on
load, Core rows by the caller (``open_blob``). A value that does not open reads as its
column's ``fail_safe``.

The keys come from the session the vault opens (``session.info["field_keys"]``), never from a
module global, so the later server mode gets the same protection: values are ciphertext before
they leave the PC. Each sealed model names its identity columns in ``__seal_identity__``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from sqlalchemy import LargeBinary, MetaData, event, inspect
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapper, Session, attributes
from sqlalchemy.types import TypeDecorator

from kdrt_desk.security.field_crypto import (
    FieldKeys,
    SealingError,
    UnreadableValueError,
    identity,
)
from kdrt_desk.security.tiers import Tier

SEAL_ID_BYTES = 16
FIELD_KEYS = "field_keys"


def new_seal_id() -> bytes:
    return os.urandom(SEAL_ID_BYTES)


@dataclass(frozen=True)
class Bound:
    """A plain value on its way into a sealed column of the row ``row_identity``."""

    keys: FieldKeys
    row_identity: str
    value: Any


@dataclass(frozen=True)
class SealedBlob:
    """A sealed value as read: opens only with the identity of the row it was read from.
    ``fail_safe`` is what it reads as when it does not open (changed outside the app)."""

    data: bytes
    column_key: str
    fail_safe: Any = None

    def __repr__(self) -> str:  # never the bytes in a log or an assertion message
        return f"SealedBlob({self.column_key})"


class Sealed(TypeDecorator[Any]):
    impl = LargeBinary
    cache_ok = True

    def __init__(self, tier: Tier, *, fail_safe: Any = None, required: bool = False) -> None:
        """``fail_safe``: what a value that does not open reads as (the careful answer: her
        risk high, never call her at home); ``required``: the app always writes the column, so
        an empty one was emptied outside the app (``vault check`` counts it)."""
        super().__init__()
        self.tier = tier
        self.fail_safe = fail_safe
        self.required = required
        self.column_key = ""  # "table.column", set by ``name_sealed_columns``

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if isinstance(value, Bound):
            if value.value is None:
                return None
            return value.keys.seal(self.tier, self.column_key, value.row_identity, value.value)
        if isinstance(value, SealedBlob) and value.column_key == self.column_key:
            return value.data  # ciphertext kept as it was (one that no longer opens)
        raise SealingError(f"{self.column_key or 'a sealed column'}: a value without its row")

    def process_result_value(self, value: Any, dialect: Dialect) -> SealedBlob | None:
        return None if value is None else SealedBlob(bytes(value), self.column_key,
                                                     self.fail_safe)


def field_keys(session: Session | None) -> FieldKeys:
    keys = session.info.get(FIELD_KEYS) if session is not None else None
    return keys if isinstance(keys, FieldKeys) else FieldKeys.none()


def open_blob(keys: FieldKeys, blob: object, *row_identity: object) -> Any:
    """A Core row's sealed value (None when absent, withheld or unreadable). ``blob`` is what
    the select returned for a sealed column (typed by the mapping as the plain value)."""
    if blob is None:
        return None
    if not isinstance(blob, SealedBlob):
        raise SealingError("a sealed column read back without its type")
    return open_sealed(keys, blob, identity(*row_identity))


def open_sealed(keys: FieldKeys, blob: SealedBlob, row_identity: str) -> Any:
    """The value; None when withheld from this role; its column's fail-safe when unreadable."""
    try:
        return keys.open_or_raise(blob.column_key, row_identity, blob.data)
    except UnreadableValueError:
        return blob.fail_safe


def bind(keys: FieldKeys, value: Any, *row_identity: object) -> Bound:
    """A value for a Core ``insert()`` or ``update().values()`` of a sealed column."""
    return Bound(keys, identity(*row_identity), value)


def row_identity_of(target: Any) -> str:
    return identity(*(getattr(target, name) for name in target.__seal_identity__))


def sealed_columns(model: type) -> tuple[str, ...]:
    return tuple(getattr(model, "__sealed_columns__", ()))


def name_sealed_columns(metadata: MetaData) -> None:
    """Tell each ``Sealed`` column type its "table.column" (bound into its values)."""
    for table in metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, Sealed):
                column.type.column_key = f"{table.name}.{column.name}"


# -- the ORM: bind on the way in, open on the way out -----------------------------------------
def register_sealed_model(model: type) -> None:
    """Find ``model``'s sealed columns and hook its mapper events (once, at import)."""
    mapper: Mapper[Any] = inspect(model)
    names = tuple(attr.key for attr in mapper.column_attrs
                  if isinstance(attr.columns[0].type, Sealed))
    model.__sealed_columns__ = names  # type: ignore[attr-defined]
    event.listen(model, "before_insert", _before_insert)
    event.listen(model, "before_update", _before_update)
    event.listen(model, "after_insert", _after_write)
    event.listen(model, "after_update", _after_write)
    event.listen(model, "load", _on_load)
    event.listen(model, "refresh", _on_refresh)


def _before_insert(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    if "seal_id" in mapper.columns and getattr(target, "seal_id", None) is None:
        target.seal_id = new_seal_id()
    keys = field_keys(Session.object_session(target))
    ident = row_identity_of(target)
    state = attributes.instance_state(target)
    for name in sealed_columns(type(target)):
        value = state.dict.get(name)
        if value is not None and not isinstance(value, Bound):
            state.dict[name] = Bound(keys, ident, value)


def _before_update(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    keys = field_keys(Session.object_session(target))
    ident = row_identity_of(target)
    state = attributes.instance_state(target)
    for name in sealed_columns(type(target)):
        if not state.attrs[name].history.has_changes():
            continue  # unchanged: its ciphertext is left exactly as it is
        value = state.dict.get(name)
        if value is not None and not isinstance(value, Bound):
            state.dict[name] = Bound(keys, ident, value)


def _after_write(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    state = attributes.instance_state(target)
    for name in sealed_columns(type(target)):
        value = state.dict.get(name)
        if isinstance(value, Bound):
            attributes.set_committed_value(target, name, value.value)


def _open_attributes(target: Any, session: Session | None, names: Any) -> None:
    keys = field_keys(session)
    state = attributes.instance_state(target)
    ident: str | None = None
    for name in names:
        value = state.dict.get(name)
        if isinstance(value, SealedBlob):
            if ident is None:
                ident = row_identity_of(target)
            attributes.set_committed_value(target, name, open_sealed(keys, value, ident))


def _on_load(target: Any, context: Any) -> None:
    _open_attributes(target, context.session, sealed_columns(type(target)))


def _on_refresh(target: Any, context: Any, attrs: Any) -> None:
    names = sealed_columns(type(target))
    _open_attributes(target, context.session,
                     names if attrs is None else [n for n in names if n in attrs])
