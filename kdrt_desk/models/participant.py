"""Participants: the register row, the restricted case background and the consent record."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kdrt_desk.models.base import Base


class Participant(Base):
    __tablename__ = "participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    preferred_name: Mapped[str] = mapped_column(String(60), default="")
    nik: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    estimated_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    birth_place: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    safe_to_call: Mapped[str] = mapped_column(String(12))
    safe_call_times: Mapped[str] = mapped_column(String(200), default="")
    trusted_contact_name: Mapped[str] = mapped_column(String(120), default="")
    trusted_contact_phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    never_contact_at_home: Mapped[bool] = mapped_column(Boolean, default=False)
    living_situation: Mapped[str] = mapped_column(String(20))
    kecamatan: Mapped[str] = mapped_column(String(40), index=True)
    kelurahan: Mapped[str] = mapped_column(String(60), default="")
    marital_status: Mapped[str] = mapped_column(String(20))
    children_count: Mapped[int] = mapped_column(Integer, default=0)
    children_ages: Mapped[str] = mapped_column(String(60), default="")
    dependants: Mapped[int] = mapped_column(Integer, default=0)
    education: Mapped[str] = mapped_column(String(20))
    occupation: Mapped[str] = mapped_column(String(120), default="")
    monthly_income: Mapped[int | None] = mapped_column(Integer, nullable=True)
    economic_dependence: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), index=True)
    registered_on: Mapped[date] = mapped_column(Date, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")
    anonymised_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # the latest screening's risk level, kept here so every list can flag high risk cheaply
    risk_level: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[ParticipantCase | None] = relationship(
        back_populates="participant", cascade="all, delete-orphan", uselist=False)
    consent: Mapped[ParticipantConsent | None] = relationship(
        back_populates="participant", cascade="all, delete-orphan", uselist=False)

    __mapper_args__ = {"version_id_col": version}


class ParticipantCase(Base):
    """Restricted: only roles with ``view_restricted`` read it, and every opening is audited."""

    __tablename__ = "participant_case"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    violence_forms: Mapped[str] = mapped_column(String(120), default="")
    perpetrator_relation: Mapped[str | None] = mapped_column(String(20), nullable=True)
    duration_months: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reported_to_police: Mapped[bool] = mapped_column(Boolean, default=False)
    legal_proceedings: Mapped[str] = mapped_column(String(20))
    referral_source: Mapped[str | None] = mapped_column(String(20), nullable=True)
    referral_other: Mapped[str] = mapped_column(String(120), default="")
    safety_notes: Mapped[str] = mapped_column(Text, default="")

    participant: Mapped[Participant] = relationship(back_populates="case")


class ParticipantConsent(Base):
    __tablename__ = "participant_consent"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    consent_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    scopes: Mapped[str] = mapped_column(String(120), default="")
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    form_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    participant: Mapped[Participant] = relationship(back_populates="consent")
