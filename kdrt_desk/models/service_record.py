"""Services a participant receives or is referred to (layanan dan rujukan)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base
from kdrt_desk.models.sealed import Sealed, new_seal_id
from kdrt_desk.security.tiers import Tier


class ServiceRecord(Base):
    """``outcome_note`` is sealed restricted (Admin and Konselor only)."""

    __tablename__ = "service_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    service_date: Mapped[date] = mapped_column(Date, index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"), nullable=True)
    provider_note: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    outcome_note: Mapped[str | None] = mapped_column(Sealed(Tier.RESTRICTED), nullable=True)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __seal_identity__ = ("seal_id", "participant_id")
