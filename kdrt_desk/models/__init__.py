"""SQLAlchemy 2 typed mappings (portable SQL: the same models run on PostgreSQL later)."""

from kdrt_desk.models.assessment import (
    Assessment,
    AssessmentAlert,
    InstrumentVersion,
    ScoreLedger,
)
from kdrt_desk.models.audit import AuditEntry
from kdrt_desk.models.base import Base
from kdrt_desk.models.certificate import Certificate, CertificateSerial, CertificateTemplate
from kdrt_desk.models.indicator_target import IndicatorTarget
from kdrt_desk.models.livelihood import BusinessCapital, LivelihoodLedger, LivelihoodRecord
from kdrt_desk.models.module import Facilitator, Module, Venue, facilitator_module
from kdrt_desk.models.participant import Participant, ParticipantCase, ParticipantConsent
from kdrt_desk.models.partner import Partner
from kdrt_desk.models.reminder_told import ReminderTold
from kdrt_desk.models.routine import ParticipantRoutine
from kdrt_desk.models.screening import (
    EligibilityCriterion,
    Screening,
    ScreeningChange,
    ScreeningDecision,
)
from kdrt_desk.models.sealed import name_sealed_columns, register_sealed_model
from kdrt_desk.models.search_token import ParticipantSearchToken
from kdrt_desk.models.service_record import ServiceRecord
from kdrt_desk.models.setting import Setting
from kdrt_desk.models.staff import StaffAccount
from kdrt_desk.models.training_group import (
    Enrolment,
    GroupModule,
    TrainingGroup,
    group_facilitator,
)
from kdrt_desk.models.training_session import Attendance, SkillAssessment, TrainingSession

SEALED_MODELS = (Participant, ParticipantCase, ParticipantConsent, Screening, ScreeningChange,
                 ScreeningDecision, ServiceRecord, Enrolment, ParticipantRoutine,
                 ReminderTold, Assessment, AssessmentAlert, LivelihoodRecord, BusinessCapital,
                 ScoreLedger, LivelihoodLedger)
name_sealed_columns(Base.metadata)
for _model in SEALED_MODELS:
    register_sealed_model(_model)

__all__ = ["SEALED_MODELS", "Assessment", "AssessmentAlert", "Attendance", "AuditEntry", "Base",
           "BusinessCapital", "Certificate", "CertificateSerial", "CertificateTemplate",
           "EligibilityCriterion", "Enrolment", "IndicatorTarget",
           "Facilitator", "GroupModule", "InstrumentVersion", "LivelihoodLedger",
           "LivelihoodRecord", "Module", "Participant", "ParticipantCase",
           "ParticipantConsent", "ParticipantRoutine", "ParticipantSearchToken", "Partner",
           "ReminderTold", "ScoreLedger", "Screening", "ScreeningChange", "ScreeningDecision",
           "ServiceRecord",
           "Setting", "SkillAssessment", "StaffAccount", "TrainingGroup", "TrainingSession",
           "Venue", "facilitator_module", "group_facilitator"]
