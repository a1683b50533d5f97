"""Partner organisations (mitra): referrals go to them; the training issue adds their offers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base


class Partner(Base):
    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(160), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    contact_person: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)
    contribution: Mapped[str] = mapped_column(Text, default="")
    mou_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    mou_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
