"""SQLAlchemy 2 typed mappings (portable SQL: the same models run on PostgreSQL later)."""

from kdrt_desk.models.audit import AuditEntry
from kdrt_desk.models.base import Base
from kdrt_desk.models.participant import Participant, ParticipantCase, ParticipantConsent
from kdrt_desk.models.partner import Partner
from kdrt_desk.models.screening import (
    EligibilityCriterion,
    Screening,
    ScreeningChange,
    ScreeningDecision,
)
from kdrt_desk.models.service_record import ServiceRecord
from kdrt_desk.models.setting import Setting
from kdrt_desk.models.staff import StaffAccount

__all__ = ["AuditEntry", "Base", "EligibilityCriterion", "Participant", "ParticipantCase",
           "ParticipantConsent", "Partner", "Screening", "ScreeningChange", "ScreeningDecision",
           "ServiceRecord", "Setting", "StaffAccount"]
