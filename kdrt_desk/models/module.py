"""Training modules (modul) of the programme's catalogue, and who may teach them."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base

facilitator_module = Table(
    "facilitator_module", Base.metadata,
    Column("facilitator_id", ForeignKey("facilitator.id", ondelete="CASCADE"), primary_key=True),
    Column("module_id", ForeignKey("module.id", ondelete="CASCADE"), primary_key=True,
           index=True),
)


class Module(Base):
    __tablename__ = "module"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str] = mapped_column(String(160))
    track: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[str] = mapped_column(Text, default="")
    session_count: Mapped[int] = mapped_column(Integer)
    minutes_per_session: Mapped[int] = mapped_column(Integer)
    facilitator_type: Mapped[str] = mapped_column(String(20))
    venue_features: Mapped[str] = mapped_column(String(120), default="")  # comma list
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"), nullable=True)
    min_attendance_pct: Mapped[int] = mapped_column(Integer)
    assessment_required: Mapped[bool] = mapped_column(Boolean, default=False)
    # the skill rubric (``domain.skills.SkillRubric`` as JSON; "" none): criteria with levels
    # and the pass level the module's completion rule uses
    skill_rubric: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Facilitator(Base):
    __tablename__ = "facilitator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    type: Mapped[str] = mapped_column(String(20))
    organisation: Mapped[str] = mapped_column(String(160), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    staff_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_account.id"), nullable=True, unique=True)
    # when she can come (``domain.availability``: JSON by weekday, "" any time) and dates away
    hours: Mapped[str] = mapped_column(Text, default="")
    away_dates: Mapped[str] = mapped_column(Text, default="")
    max_per_day: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_per_week: Mapped[int | None] = mapped_column(Integer, nullable=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)


class Venue(Base):
    __tablename__ = "venue"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    kecamatan: Mapped[str] = mapped_column(String(40), default="")
    capacity: Mapped[int] = mapped_column(Integer)
    features: Mapped[str] = mapped_column(String(120), default="")  # comma list
    childcare: Mapped[bool] = mapped_column(Boolean, default=False)
    hours: Mapped[str] = mapped_column(Text, default="")  # opening hours; "": the centre's day
    closed_dates: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
