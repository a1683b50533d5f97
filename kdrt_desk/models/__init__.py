"""SQLAlchemy 2 typed mappings (portable SQL: the same models run on PostgreSQL later)."""

from kdrt_desk.models.audit import AuditEntry
from kdrt_desk.models.base import Base
from kdrt_desk.models.participant import Participant, ParticipantCase, ParticipantConsent
from kdrt_desk.models.setting import Setting
from kdrt_desk.models.staff import StaffAccount

__all__ = ["AuditEntry", "Base", "Participant", "ParticipantCase", "ParticipantConsent", "Setting",
           "StaffAccount"]
