"""Her livelihood over time and the business capital (modal usaha) she received: contact tier,
sealed (income, savings and whether she still depends on the abuser are her circumstances).
Only the date of each record and whose it is are programme data, so the indicators can pick
her records for a period without opening every one."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base
from kdrt_desk.models.sealed import Sealed, new_seal_id
from kdrt_desk.security.tiers import Tier


class LivelihoodRecord(Base):
    __tablename__ = "livelihood_record"
    __table_args__ = (Index("ix_livelihood_participant", "participant_id", "recorded_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"))
    recorded_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # ``domain.livelihood.LivelihoodInput`` as JSON: status, business kind, income, savings,
    # covers basic needs, depends on the abuser, sales channels
    details: Mapped[dict[str, object] | None] = mapped_column(
        Sealed(Tier.CONTACT, required=True), nullable=True)

    __seal_identity__ = ("seal_id", "participant_id")


class BusinessCapital(Base):
    __tablename__ = "business_capital"
    __table_args__ = (Index("ix_business_capital_participant", "participant_id", "given_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"))
    given_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # amount, source partner, purpose, grant or loan, repayments [[date, amount], ...]
    details: Mapped[dict[str, object] | None] = mapped_column(
        Sealed(Tier.CONTACT, required=True), nullable=True)

    __seal_identity__ = ("seal_id", "participant_id")


class LivelihoodLedger(Base):
    """What the indicators read of up to 512 participants' livelihood records, as one sealed
    value (status, income, dependence and date per record), kept in step by the livelihood
    service in the same transaction; ``entries`` (plain) shows a ledger out of step."""

    __tablename__ = "livelihood_ledger"

    id: Mapped[int] = mapped_column(primary_key=True)
    bucket: Mapped[int] = mapped_column(Integer, unique=True)  # participant id // 512
    entries: Mapped[int] = mapped_column(Integer, default=0)
    # {"<record id>": [participant id, "YYYY-MM-DD", status, income or None, depends or None]}
    data: Mapped[dict[str, list[object]] | None] = mapped_column(
        Sealed(Tier.CONTACT, required=True), nullable=True)

    __seal_identity__ = ("bucket",)
