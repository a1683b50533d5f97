"""Psychosocial assessments (WHO-5, self-efficacy, self-esteem, the centre's own instruments),
their alerts, and the centre's own instrument versions.

Which instrument, which round and on what date are programme data (master key): the schedule of
rounds is planned from them. The answers and the scores describe her mental health, so they are
sealed under the restricted key (Admin, Konselor). An alert row says nothing below the services
but that some alert exists and whether it is still open: whose it is, which assessment raised it,
which item, when, who must act and what was done are all sealed, so a facilitator's password and
a copy of the files cannot tell who is at risk.
"""

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


class InstrumentVersion(Base):
    """One version of an instrument the centre defined, or of a shipped one whose Indonesian
    wording the admin replaced with a validated one. Never changed once an assessment used it:
    an edit adds the next version."""

    __tablename__ = "instrument_version"
    __table_args__ = (Index("ix_instrument_version_code", "code", "version", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[str] = mapped_column(Text)  # JSON (``domain.instruments``)
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)


class Assessment(Base):
    __tablename__ = "assessment"
    __table_args__ = (
        Index("ix_assessment_participant", "participant_id", "instrument_code", "round"),
        Index("ix_assessment_round", "round", "instrument_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"))
    instrument_code: Mapped[str] = mapped_column(String(20))
    instrument_version: Mapped[int] = mapped_column(Integer)
    round: Mapped[str] = mapped_column(String(16))  # ``domain.assessment.Round``
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_group.id", ondelete="SET NULL"), nullable=True)
    assessed_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(40))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # the answers as given (None for an item left out), and the score the service computed:
    # {"raw": 17, "value": 68.0, "band": "ok", "missing": 0} (value None: too many missing)
    answers: Mapped[list[int | None] | None] = mapped_column(
        Sealed(Tier.RESTRICTED, required=True), nullable=True)
    score: Mapped[dict[str, object] | None] = mapped_column(
        Sealed(Tier.RESTRICTED, required=True), nullable=True)

    __seal_identity__ = ("seal_id", "participant_id")


class AssessmentAlert(Base):
    """An answer at or above an alert item's level: open until someone records what was done."""

    __tablename__ = "assessment_alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    is_open: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    # {"participant_id", "assessment_id", "instrument", "item", "answer", "raised_at",
    #  "raised_by", "assigned_to": [usernames] or [] for every konselor and admin}
    raised: Mapped[dict[str, object] | None] = mapped_column(
        Sealed(Tier.RESTRICTED, required=True), nullable=True)
    # {"at", "by", "action"} once someone recorded what was done
    handled: Mapped[dict[str, object] | None] = mapped_column(
        Sealed(Tier.RESTRICTED), nullable=True)

    __seal_identity__ = ("seal_id",)


class ScoreLedger(Base):
    """The scores of up to ``BUCKET`` participants' assessments of one instrument and round, as
    one sealed value: the indicators read a few hundred of these instead of opening 200,000
    scores one by one. Kept in step by the assessment service in the same transaction as the
    assessment; ``entries`` (plain) lets the indicators see a ledger that is not (rows added
    outside the service), and then they read the assessments themselves."""

    __tablename__ = "score_ledger"
    __table_args__ = (Index("ix_score_ledger_key", "instrument_code", "round", "bucket",
                            unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    instrument_code: Mapped[str] = mapped_column(String(20))
    round: Mapped[str] = mapped_column(String(16))
    bucket: Mapped[int] = mapped_column(Integer)  # participant id // BUCKET
    entries: Mapped[int] = mapped_column(Integer, default=0)
    # packed by ``repositories.score_ledger.pack``: {"packed-v1": [base64 of four columns:
    # assessment ids, participant ids, days, values (NaN: no score)]}; buckets written before
    # were {"<assessment id>": [participant id, "YYYY-MM-DD", value or None]} and still read
    data: Mapped[dict[str, list[object]] | None] = mapped_column(
        Sealed(Tier.RESTRICTED, required=True), nullable=True)

    __seal_identity__ = ("instrument_code", "round", "bucket")
