"""Blind-index tokens of a participant's NIK and phone, and of what a user types to find one.

Search by these fields changed on purpose with sealing: a NIK matches in full or by its last 6
digits, a phone in full (however it is written) or by its last 4 digits; no other substring. No
restricted field is ever searched: a search box that finds "high risk" or a word of a safety
note would tell anyone who can type a query what she may not read.
"""

from __future__ import annotations

import contextlib
import os

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from kdrt_desk.domain.phone import PhoneError, normalise_phone
from kdrt_desk.models import ParticipantSearchToken
from kdrt_desk.security.field_crypto import TOKEN_BYTES, FieldKeys

NIK_LENGTH = 16
NIK_TAIL = 6
PHONE_TAIL = 4
TOKENS_EACH = 4  # every searchable woman has this many rows: how many are real tells nothing


def participant_tokens(keys: FieldKeys, nik: str | None, phone: str | None,
                       contact_allowed: bool) -> set[bytes]:
    """Her tokens; a phone is searchable only while she consents to being contacted. Padded
    with random ones (which match nothing) to ``TOKENS_EACH``, so the count of her rows does not
    show whether she has a NIK, a phone, or consent to be contacted."""
    found: set[bytes] = set()
    if nik:
        found.add(keys.token("nik", nik))
        found.add(keys.token("nik6", nik[-NIK_TAIL:]))
    if phone and contact_allowed:
        digits = "".join(c for c in phone if c.isdigit())
        found.add(keys.token("phone", phone))
        if len(digits) >= PHONE_TAIL:
            found.add(keys.token("phone4", digits[-PHONE_TAIL:]))
    while len(found) < TOKENS_EACH:
        found.add(os.urandom(TOKEN_BYTES))
    return found


def query_tokens(keys: FieldKeys, text: str) -> list[bytes]:
    """The tokens a typed query stands for (none unless it is only digits and separators)."""
    cleaned = text.strip()
    digits = "".join(c for c in cleaned if c.isdigit())
    if not digits or any(not (c.isdigit() or c in " +-().") for c in cleaned):
        return []
    tokens: list[bytes] = []
    if len(digits) == NIK_LENGTH:
        tokens.append(keys.token("nik", digits))
    if len(digits) == NIK_TAIL:
        tokens.append(keys.token("nik6", digits))
    if len(digits) == PHONE_TAIL:
        tokens.append(keys.token("phone4", digits))
    with contextlib.suppress(PhoneError):
        tokens.append(keys.token("phone", normalise_phone(cleaned)))
    return tokens


def replace_tokens(session: Session, participant_id: int, tokens: set[bytes]) -> None:
    session.execute(delete(ParticipantSearchToken).where(
        ParticipantSearchToken.participant_id == participant_id))
    if tokens:
        session.execute(insert(ParticipantSearchToken),
                        [{"participant_id": participant_id, "token": t} for t in sorted(tokens)])


def ids_with_tokens(tokens: list[bytes]):  # type: ignore[no-untyped-def]
    """A subquery of the participants holding any of ``tokens``."""
    return select(ParticipantSearchToken.participant_id).where(
        ParticipantSearchToken.token.in_(tokens))
