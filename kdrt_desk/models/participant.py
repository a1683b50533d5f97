"""Participants: the register row, the restricted case background and the consent record.

Contact fields (where she can be found, how to reach her, her circumstances) are sealed under
the contact key, the risk level and the whole case background under the restricted key; names,
code, kecamatan, status and dates stay under the master key alone.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kdrt_desk.models.base import Base
from kdrt_desk.models.sealed import Sealed, new_seal_id
from kdrt_desk.security.tiers import Tier

CONTACT = Tier.CONTACT
RESTRICTED = Tier.RESTRICTED


class Participant(Base):
    __tablename__ = "participant"
    __table_args__ = (
        # the register's order and search from the index alone (rows are large once sealed)
        Index("ix_participant_register_code", "code", "id", "search_text"),
        Index("ix_participant_register_name", "full_name", "id", "search_text"),
        Index("ix_participant_anonymised", "id", sqlite_where=text("anonymised_on IS NOT NULL"),
              postgresql_where=text("anonymised_on IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    full_name: Mapped[str] = mapped_column(String(120))
    preferred_name: Mapped[str] = mapped_column(String(60), default="")
    nik: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    estimated_age: Mapped[int | None] = mapped_column(Integer, nullable=True)
    birth_place: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    phone: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    safe_to_call: Mapped[str | None] = mapped_column(
        Sealed(CONTACT, fail_safe="no", required=True), nullable=True)
    safe_call_times: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    trusted_contact_name: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    trusted_contact_phone: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    never_contact_at_home: Mapped[bool | None] = mapped_column(
        Sealed(CONTACT, fail_safe=True, required=True), nullable=True)
    living_situation: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    kecamatan: Mapped[str] = mapped_column(String(40), index=True)
    kelurahan: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    marital_status: Mapped[str] = mapped_column(String(20))
    children_count: Mapped[int] = mapped_column(Integer, default=0)
    children_ages: Mapped[str] = mapped_column(String(60), default="")
    dependants: Mapped[int] = mapped_column(Integer, default=0)
    education: Mapped[str] = mapped_column(String(20))
    occupation: Mapped[str] = mapped_column(String(120), default="")
    monthly_income: Mapped[int | None] = mapped_column(Sealed(CONTACT), nullable=True)
    economic_dependence: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    registered_on: Mapped[date] = mapped_column(Date, index=True)
    search_text: Mapped[str] = mapped_column(Text, default="")  # name, preferred name, code
    anonymised_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # the latest screening's risk level, kept here so every list can flag high risk cheaply
    risk_level: Mapped[str | None] = mapped_column(
        Sealed(RESTRICTED, fail_safe="high"), nullable=True)
    # the konselor or admin who follows her (set at screening): an assessment alert goes to her
    case_worker: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    case: Mapped[ParticipantCase | None] = relationship(
        back_populates="participant", cascade="all, delete-orphan", uselist=False)
    consent: Mapped[ParticipantConsent | None] = relationship(
        back_populates="participant", cascade="all, delete-orphan", uselist=False)

    __mapper_args__ = {"version_id_col": version}
    __seal_identity__ = ("seal_id",)


class ParticipantCase(Base):
    """Restricted (sealed): only Admin and Konselor read it, and every opening is audited."""

    __tablename__ = "participant_case"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    violence_forms: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    perpetrator_relation: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    duration_months: Mapped[int | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    reported_to_police: Mapped[bool | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    legal_proceedings: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    referral_source: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    referral_other: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    safety_notes: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)

    participant: Mapped[Participant] = relationship(back_populates="case")
    __seal_identity__ = ("participant_id",)


class ParticipantConsent(Base):
    __tablename__ = "participant_consent"

    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True)
    consent_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    scopes: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    recorded_by: Mapped[str] = mapped_column(String(40), default="")
    withdrawn_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # a withdrawal recorded by someone who may not anonymise: waits for an Admin or Konselor
    withdrawal_requested_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # why the last such withdrawal was taken back (by whom and when: the audit log)
    withdrawal_rejection: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    form_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    participant: Mapped[Participant] = relationship(back_populates="consent")
    __seal_identity__ = ("participant_id",)
