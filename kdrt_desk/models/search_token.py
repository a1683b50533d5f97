"""The blind index of sealed contact fields: keyed tokens of a NIK and a phone number.

A token is an HMAC under a key only contact-key holders have (``FieldKeys.token``): what the
table shows a facilitator or an attacker holding only the master key is noise they cannot test a
guess against. Tokens exist for a NIK in full and by its last 6 digits, and for a phone in full
and by its last 4 digits (only while she consents to contact).
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base


class ParticipantSearchToken(Base):
    __tablename__ = "participant_search_token"
    __table_args__ = (Index("ix_participant_search_token_token", "token"),)

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    token: Mapped[bytes] = mapped_column(LargeBinary(16), primary_key=True)
