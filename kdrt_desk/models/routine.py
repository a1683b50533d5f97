"""Her weekly routine (contact tier, sealed): one row per participant, the blocks as one sealed
value, so not even how many blocks she has, or on which days, shows below the services."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base
from kdrt_desk.models.sealed import Sealed
from kdrt_desk.security.tiers import Tier


class ParticipantRoutine(Base):
    __tablename__ = "participant_routine"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    # a value that does not open (changed outside the app) reads as "" and the repository
    # then reads her as busy all week; the app always writes it, so an empty one is counted
    blocks: Mapped[str | None] = mapped_column(Sealed(Tier.CONTACT, fail_safe="", required=True),
                                               nullable=True)
    updated_by: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __seal_identity__ = ("participant_id",)
