"""Training groups (kelompok/angkatan), the modules they follow, their facilitators and members."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base
from kdrt_desk.models.sealed import Sealed, new_seal_id
from kdrt_desk.security.tiers import Tier

group_facilitator = Table(
    "group_facilitator", Base.metadata,
    Column("group_id", ForeignKey("training_group.id", ondelete="CASCADE"), primary_key=True),
    Column("facilitator_id", ForeignKey("facilitator.id"), primary_key=True, index=True),
)


class TrainingGroup(Base):
    __tablename__ = "training_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kecamatan: Mapped[str] = mapped_column(String(40), default="")
    kelurahan: Mapped[str] = mapped_column(String(60), default="")
    # the programme or donor that pays for the group ("" = the centre's own): a donor report
    # can be made for one of them
    funder: Mapped[str] = mapped_column(String(120), default="", server_default="", index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venue.id"), nullable=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GroupModule(Base):
    __tablename__ = "group_module"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("training_group.id", ondelete="CASCADE"), primary_key=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("module.id"), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Enrolment(Base):
    """One membership of one group; a transfer ends this one and opens one in the new group.
    Why she left is sealed contact (her circumstances): facilitators see that, not why."""

    __tablename__ = "enrolment"

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    group_id: Mapped[int] = mapped_column(ForeignKey("training_group.id"), index=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    enrolled_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str | None] = mapped_column(Sealed(Tier.CONTACT), nullable=True)
    created_by: Mapped[str] = mapped_column(String(40))

    __seal_identity__ = ("seal_id", "participant_id")
