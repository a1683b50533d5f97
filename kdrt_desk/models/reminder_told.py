"""What each woman was told about each of her sessions (the reminder list's "since she was
last told"): the session as she heard it (date, hours, venue, scheduled or cancelled), when,
by whom, and how. A new row each time she is told: the newest for a session is what she knows
now, an older one says which dates she was told before (the list of such a date says it moved).

No message text and no number are kept. The date, hours, venue and group are programme data
(master key, like the session and her membership of the group). How she was told is sealed
contact: "in person / through her trusted contact" says she may not be phoned, which is her
safe-call rule. The session may be deleted later: the row stays (``session_id`` emptied), so
a woman told about it still hears that it will not take place (``session_ref`` keeps which
session it was: SQLite may give a later session the same id).
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base
from kdrt_desk.models.sealed import Sealed, new_seal_id
from kdrt_desk.security.tiers import Tier


class ReminderTold(Base):
    __tablename__ = "reminder_told"
    __table_args__ = (
        Index("ix_reminder_told_participant_session", "participant_id", "session_id"),
        Index("ix_reminder_told_date", "session_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[bytes] = mapped_column(LargeBinary(16), default=new_seal_id)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_session.id", ondelete="SET NULL"), nullable=True, index=True)
    session_ref: Mapped[int] = mapped_column(Integer)  # the session's id, kept once deleted
    group_id: Mapped[int] = mapped_column(  # the session's group, kept if the session is deleted
        ForeignKey("training_group.id", ondelete="CASCADE"))
    # the session as she was told it
    session_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)
    venue_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))  # "scheduled" or "cancelled"
    told_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    told_by: Mapped[str] = mapped_column(String(40))
    # "copied", "whatsapp" or "in_person"; unreadable reads as in person (never phone her)
    channel: Mapped[str | None] = mapped_column(
        Sealed(Tier.CONTACT, fail_safe="in_person", required=True), nullable=True)

    __seal_identity__ = ("seal_id", "participant_id")
