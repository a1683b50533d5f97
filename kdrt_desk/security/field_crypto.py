"""Sealing one field value under a tier's field key, and the blind index for searching by them.

A sealed value is ``version | tier | generation | nonce | AES-256-GCM(ciphertext + tag)``. The
associated data binds the table, the column and the row's stable identity, so a value copied to
another column or another woman's row no longer opens. The plaintext is the value as JSON, padded
to a multiple of 16 bytes so its length does not tell "low" from "high" or yes from no.

Search by a contact field goes through a keyed blind index: tokens are HMACs under a key derived
from the contact key, so only holders can compute the token of what they type, and nobody can
test a guess against the stored tokens without that key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import struct
from collections.abc import Mapping
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kdrt_desk.security.crypto import NONCE_BYTES, derive
from kdrt_desk.security.tiers import Tier

log = logging.getLogger(__name__)

ENVELOPE_VERSION = 1
PAD_BLOCK = 16
TOKEN_BYTES = 16
_TIER_CODES = {Tier.RESTRICTED: 1, Tier.CONTACT: 2}
_TIERS_BY_CODE = {code: tier for tier, code in _TIER_CODES.items()}
_HEADER = struct.Struct(">BBH")


class SealingError(RuntimeError):
    """A bug: a sealed column written without its row, or by a role without the tier's key."""


class UnreadableValueError(Exception):
    """A sealed value that does not open with its own row's identity: changed or moved."""


class TierWithheldError(Exception):
    """This session holds no key of the value's tier (the role may not read it)."""


def identity(*parts: object) -> str:
    """A row's identity as bound into its sealed values: a per-row random id (hex) and, for a
    row that belongs to a participant or a screening, that owner's id."""
    return "/".join(p.hex() if isinstance(p, bytes) else str(p) for p in parts)


def _aad(column_key: str, row_identity: str) -> bytes:
    return f"kdrt-desk field v1|{column_key}|{row_identity}".encode()


def _pad(data: bytes) -> bytes:
    padded = data + b"\x80"
    return padded + b"\x00" * (-len(padded) % PAD_BLOCK)


def _encode(value: Any) -> bytes:
    """The value as compact JSON (a text through the C string encoder: most values are)."""
    if type(value) is str:
        return encode_basestring(value).encode()
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _decode(data: bytes) -> Any:
    """JSON back to the value; a text without escapes is cut out directly (the common case)."""
    if data[:1] == b'"' and data[-1:] == b'"' and b"\\" not in data:
        return data[1:-1].decode("utf-8")
    return json.loads(data.decode("utf-8"))


def _unpad(data: bytes) -> bytes:
    end = data.rstrip(b"\x00")
    if not end.endswith(b"\x80"):
        raise UnreadableValueError("padding")
    return end[:-1]


class FieldKeys:
    """The field keys one session holds, by tier and generation (newest seals)."""

    def __init__(self, keys: Mapping[Tier, Mapping[int, bytes]]) -> None:
        self._aead: dict[tuple[Tier, int], AESGCM] = {}
        self._newest: dict[Tier, int] = {}
        self._index: dict[Tier, bytes] = {}
        self.reload(keys)

    def reload(self, keys: Mapping[Tier, Mapping[int, bytes]]) -> None:
        """Take the generations in ``keys`` instead (a rotation adds one, then drops the old)."""
        self._aead.clear()
        self._newest.clear()
        self._index.clear()
        for tier, gens in keys.items():
            if not gens:
                continue
            for gen, key in gens.items():
                self._aead[(tier, gen)] = AESGCM(key)
            newest = max(gens)
            self._newest[tier] = newest
            self._index[tier] = derive(gens[newest], f"blind index {tier.value}")

    @classmethod
    def none(cls) -> FieldKeys:
        return cls({})

    def holds(self, tier: Tier) -> bool:
        return tier in self._newest

    def tiers(self) -> frozenset[Tier]:
        return frozenset(self._newest)

    # -- values --------------------------------------------------------------------------------
    def seal(self, tier: Tier, column_key: str, row_identity: str, value: Any,
             gen: int | None = None) -> bytes:
        gen = self._newest.get(tier) if gen is None else gen
        if gen is None or (tier, gen) not in self._aead:
            raise SealingError(f"{column_key}: written without the {tier.value} key")
        nonce = os.urandom(NONCE_BYTES)
        plain = _pad(_encode(value))
        body = self._aead[(tier, gen)].encrypt(nonce, plain, _aad(column_key, row_identity))
        return _HEADER.pack(ENVELOPE_VERSION, _TIER_CODES[tier], gen) + nonce + body

    def open(self, column_key: str, row_identity: str, data: bytes) -> Any:
        """The value; ``TierWithheldError`` without the key, ``UnreadableValueError`` when it
        was changed or belongs to another row or column."""
        tier, gen = envelope_tier(data)
        aead = self._aead.get((tier, gen))
        if aead is None:
            if tier in self._newest:  # a generation rotated away
                raise UnreadableValueError(f"{column_key}: generation {gen}")
            raise TierWithheldError(tier.value)
        start = _HEADER.size
        try:
            plain = aead.decrypt(data[start:start + NONCE_BYTES], data[start + NONCE_BYTES:],
                                 _aad(column_key, row_identity))
            return _decode(_unpad(plain))
        except (InvalidTag, ValueError, UnicodeDecodeError) as exc:
            raise UnreadableValueError(column_key) from exc

    def open_or_raise(self, column_key: str, row_identity: str, data: bytes) -> Any:
        """The value, or None when withheld from this role; ``UnreadableValueError`` (logged
        by column, never by value) when it does not open with its row's identity."""
        try:
            return self.open(column_key, row_identity, data)
        except TierWithheldError:
            return None
        except UnreadableValueError:
            log.warning("a sealed value of %s does not open with its row's identity",
                        column_key)
            raise

    def open_or_none(self, column_key: str, row_identity: str, data: bytes | None) -> Any:
        """The value, or None when it is absent, withheld from this role or unreadable (the
        last is logged by column and never by value; ``check`` counts them)."""
        if data is None:
            return None
        try:
            return self.open(column_key, row_identity, data)
        except TierWithheldError:
            return None
        except UnreadableValueError:
            log.warning("a sealed value of %s does not open with its row's identity",
                        column_key)
            return None

    # -- the blind index --------------------------------------------------------------------
    def token(self, kind: str, value: str) -> bytes:
        """The blind-index token of ``value`` as a ``kind`` (e.g. "nik", "nik6", "phone4")."""
        key = self._index.get(Tier.CONTACT)
        if key is None:
            raise SealingError("search token without the contact key")
        return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).digest()[:TOKEN_BYTES]


def envelope_tier(data: bytes) -> tuple[Tier, int]:
    try:
        version, code, gen = _HEADER.unpack_from(data)
    except struct.error as exc:
        raise UnreadableValueError("short") from exc
    if version != ENVELOPE_VERSION or code not in _TIERS_BY_CODE:
        raise UnreadableValueError("header")
    return _TIERS_BY_CODE[code], gen

