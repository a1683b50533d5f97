"""The programme's results framework: a target per indicator and period (programme data)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base


class IndicatorTarget(Base):
    __tablename__ = "indicator_target"
    __table_args__ = (Index("ix_indicator_target", "indicator", "period_start", "period_end",
                            unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator: Mapped[str] = mapped_column(String(40))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    target: Mapped[float] = mapped_column(Float)
    set_by: Mapped[str] = mapped_column(String(40))
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
