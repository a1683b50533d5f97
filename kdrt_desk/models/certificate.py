"""Certificates (sertifikat): the register of every one issued, and the templates they print with.

A register row is never deleted and its serial never reused. After a withdrawal her name as
printed goes (``printed_name`` None) and only the salted hash stays, so a verifier can still be
told whether the name on the paper matches.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kdrt_desk.models.base import Base


class CertificateTemplate(Base):
    __tablename__ = "certificate_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # ``domain.certificates.CertificateDesign`` as JSON, images as base64 PNG
    design: Mapped[str] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CertificateSerial(Base):
    """The last number taken per year: serials count up and are never handed out twice."""

    __tablename__ = "certificate_serial"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class Certificate(Base):
    __tablename__ = "certificate"
    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(32), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), nullable=True, index=True)
    participant_code: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(12))
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("module.id", ondelete="SET NULL"), nullable=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("training_group.id", ondelete="SET NULL"), nullable=True)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate_template.id", ondelete="SET NULL"), nullable=True)
    printed_name: Mapped[str | None] = mapped_column(String(120), nullable=True)
    name_salt: Mapped[bytes] = mapped_column(LargeBinary(16))
    name_hash: Mapped[bytes] = mapped_column(LargeBinary(32))
    module_code: Mapped[str] = mapped_column(String(20), default="")
    course: Mapped[str] = mapped_column(String(200))
    hours: Mapped[int] = mapped_column(Integer)
    first_date: Mapped[date] = mapped_column(Date)
    last_date: Mapped[date] = mapped_column(Date)
    issued_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate.id", ondelete="SET NULL"), nullable=True)
    issued_by: Mapped[str] = mapped_column(String(40))
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changed_by: Mapped[str] = mapped_column(String(40), default="")
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # the Ed25519 signature of the account that issued or last changed it, over the row's digest
    # (``domain.certificates.record_digest``): a row edited past the app no longer verifies
    signer: Mapped[str] = mapped_column(String(64), default="")
    signature: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
