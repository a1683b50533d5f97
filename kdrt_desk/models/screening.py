"""Screening assessments (asesmen awal), their change history, decisions, eligibility criteria."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base
from kdrt_desk.models.sealed import Sealed, new_seal_id
from kdrt_desk.security.tiers import Tier

CONTACT = Tier.CONTACT
RESTRICTED = Tier.RESTRICTED


class EligibilityCriterion(Base):
    """One criterion an admin configures: required (must be met) or weighted (adds to a score)."""

    __tablename__ = "eligibility_criterion"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    label_id: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(12))
    weight: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Screening(Base):
    """Notes, safety plan, risk level and reasons are sealed restricted (Admin and Konselor);
    needs, barriers, experience, criteria and score are sealed contact (and Staf)."""

    __tablename__ = "screening"
    # the list's order (newest first) and her id from the index alone
    __table_args__ = (Index("ix_screening_list", "screened_on", "id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    screened_on: Mapped[date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(40))
    interview_notes: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    needs: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    skills: Mapped[str] = mapped_column(String(200), default="")
    skills_other: Mapped[str] = mapped_column(String(200), default="")
    experience: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    risk_level: Mapped[str | None] = mapped_column(
        Sealed(RESTRICTED, fail_safe="high", required=True), nullable=True)
    risk_reasons: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    safety_plan: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    barriers: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    criteria_met: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    score: Mapped[int | None] = mapped_column(Sealed(CONTACT), nullable=True)
    unmet_required: Mapped[str | None] = mapped_column(Sealed(CONTACT), nullable=True)
    decided: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __seal_identity__ = ("seal_id", "participant_id")


class ScreeningChange(Base):
    """A change made after the decision was confirmed: who, when, why, and the values before
    (the reason and the values before are sealed restricted: they copy restricted values)."""

    __tablename__ = "screening_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    screening_id: Mapped[int] = mapped_column(
        ForeignKey("screening.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_by: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    fields: Mapped[str] = mapped_column(Text, default="")
    previous: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)

    __seal_identity__ = ("seal_id", "screening_id")


class ScreeningDecision(Base):
    """The outcome of a screening; a rejection waits for a second staff member's confirmation."""

    __tablename__ = "screening_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    screening_id: Mapped[int] = mapped_column(
        ForeignKey("screening.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    outcome: Mapped[str] = mapped_column(String(16), index=True)
    priority: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reason_code: Mapped[str | None] = mapped_column(String(24), nullable=True)
    reason_text: Mapped[str | None] = mapped_column(Sealed(RESTRICTED), nullable=True)
    referred_partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner.id"), nullable=True)
    decided_by: Mapped[str] = mapped_column(String(40))
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    confirmed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    confirmed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    current: Mapped[bool] = mapped_column(Boolean, default=True, index=True)

    __seal_identity__ = ("seal_id", "participant_id")
