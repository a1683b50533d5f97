"""Sessions of a group's modules, attendance marks and skill assessments."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base


class TrainingSession(Base):
    __tablename__ = "training_session"
    __table_args__ = (
        Index("ix_training_session_venue_day", "venue_id", "session_date"),
        Index("ix_training_session_facilitator_day", "facilitator_id", "session_date"),
        Index("ix_training_session_group_day", "group_id", "session_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("training_group.id"))
    module_id: Mapped[int] = mapped_column(ForeignKey("module.id"), index=True)
    session_date: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id"))
    facilitator_id: Mapped[int] = mapped_column(ForeignKey("facilitator.id"))
    topic: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12))
    cancel_reason: Mapped[str] = mapped_column(Text, default="")
    moved_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)  # the scheduler never moves it
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_session.id", ondelete="CASCADE"))
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    mark: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(200), default="")
    marked_by: Mapped[str] = mapped_column(String(40))
    marked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SkillAssessment(Base):
    """Whether she passed a module's skill assessment (the latest one counts)."""

    __tablename__ = "skill_assessment"
    __table_args__ = (UniqueConstraint("participant_id", "module_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("module.id"))
    passed: Mapped[bool] = mapped_column(Boolean)
    assessed_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(40))
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # the level reached on each criterion of the module's rubric (JSON list; "" without one)
    levels: Mapped[str] = mapped_column(Text, default="")
