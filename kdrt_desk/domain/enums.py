"""Stable codes for the register's choice fields; labels live in the i18n catalogue."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    KONSELOR = "konselor"
    FASILITATOR = "fasilitator"
    STAF = "staf"
    BACKUP = "backup"  # makes and verifies backups, nothing else; holds no field key


class ParticipantStatus(StrEnum):
    REGISTERED = "registered"
    SCREENING = "screening"
    ACCEPTED = "accepted"
    WAITLISTED = "waitlisted"
    NOT_ELIGIBLE = "not_eligible"
    ENROLLED = "enrolled"
    COMPLETED = "completed"
    DROPPED_OUT = "dropped_out"


class SafeToCall(StrEnum):
    YES = "yes"
    AT_TIMES = "at_times"
    NO = "no"


class LivingSituation(StrEnum):
    WITH_ABUSER = "with_abuser"
    SEPARATED = "separated"
    SAFE_HOUSE = "safe_house"
    WITH_FAMILY = "with_family"


class MaritalStatus(StrEnum):
    MARRIED = "married"
    SEPARATED = "separated"
    DIVORCED = "divorced"
    WIDOWED = "widowed"
    UNMARRIED = "unmarried"
    SIRI = "siri"


class Education(StrEnum):
    NONE = "none"
    SD = "sd"
    SMP = "smp"
    SMA = "sma"
    DIPLOMA = "diploma"
    S1 = "s1"


class EconomicDependence(StrEnum):
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class ViolenceForm(StrEnum):
    """SIMFONI-PPA forms of violence."""

    PHYSICAL = "physical"
    PSYCHOLOGICAL = "psychological"
    SEXUAL = "sexual"
    EXPLOITATION = "exploitation"
    TRAFFICKING = "trafficking"
    NEGLECT = "neglect"
    OTHER = "other"


class PerpetratorRelation(StrEnum):
    """SIMFONI-PPA victim-perpetrator relations."""

    SPOUSE = "spouse"
    PARENT = "parent"
    FAMILY = "family"
    PARTNER = "partner"
    NEIGHBOUR = "neighbour"
    EMPLOYER = "employer"
    COLLEAGUE = "colleague"
    OTHER = "other"


class LegalProceedings(StrEnum):
    NONE = "none"
    POLICE_REPORT = "police_report"
    PROTECTION_ORDER = "protection_order"
    CRIMINAL_TRIAL = "criminal_trial"
    DIVORCE = "divorce"
    FINISHED = "finished"


class ReferralSource(StrEnum):
    UPTD_PPA = "uptd_ppa"
    POLRESTABES_PPA = "polrestabes_ppa"
    LBH = "lbh"
    YP3I = "yp3i"
    WCC = "wcc"
    HEALTH = "health"
    SELF = "self"
    FAMILY = "family"
    OTHER = "other"


class ConsentScope(StrEnum):
    DATA_USE = "data_use"
    CONTACT = "contact"
    PHOTOS = "photos"
    PARTNER_SHARING = "partner_sharing"
    STATISTICS = "statistics"


class Need(StrEnum):
    """What a participant needs, from the screening assessment (asesmen awal)."""

    PSYCHOSOCIAL = "psychosocial"
    LEGAL_AID = "legal_aid"
    ECONOMIC = "economic"
    HOUSING = "housing"
    HEALTH = "health"
    CHILDCARE = "childcare"


class Skill(StrEnum):
    SEWING = "sewing"
    COOKING = "cooking"
    CRAFTS = "crafts"
    TRADING = "trading"
    DIGITAL_MARKETING = "digital_marketing"
    OTHER = "other"


class RiskLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class RiskReason(StrEnum):
    THREATS = "threats"
    WEAPONS = "weapons"
    ESCALATION = "escalation"
    STALKING = "stalking"
    KNOWS_ADDRESS = "knows_address"
    CHILDREN_AT_RISK = "children_at_risk"


class Barrier(StrEnum):
    TRANSPORT = "transport"
    CHILDCARE = "childcare"
    WORKING_HOURS = "working_hours"
    MOVEMENT_CONTROLLED = "movement_controlled"
    HEALTH = "health"


class DecisionOutcome(StrEnum):
    ACCEPTED = "accepted"
    WAITLISTED = "waitlisted"
    NOT_ELIGIBLE = "not_eligible"
    REFERRED = "referred"


class NotEligibleReason(StrEnum):
    NOT_SURVIVOR = "not_survivor"
    OUTSIDE_PALEMBANG = "outside_palembang"
    UNDER_AGE = "under_age"
    NO_CONSENT = "no_consent"
    ACUTE_CRISIS = "acute_crisis"
    CANNOT_ATTEND = "cannot_attend"
    OTHER = "other"


class CriterionKind(StrEnum):
    REQUIRED = "required"
    WEIGHTED = "weighted"


class PartnerKind(StrEnum):
    GOVERNMENT = "government"
    NGO_LEGAL_AID = "ngo_legal_aid"
    UMKM_PRIVATE = "umkm_private"
    TRAINING_INSTITUTION = "training_institution"
    DONOR = "donor"
    HEALTH = "health"
    PSYCHOLOGIST = "psychologist"


class ServiceKind(StrEnum):
    COUNSELLING = "counselling"
    LEGAL_CONSULTATION = "legal_consultation"
    LEGAL_ACCOMPANIMENT = "legal_accompaniment"
    HEALTH = "health"
    SAFE_HOUSE = "safe_house"
    ECONOMIC_AID = "economic_aid"
    OTHER = "other"


class ServiceStatus(StrEnum):
    REFERRED = "referred"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DECLINED = "declined"


class RoutineKind(StrEnum):
    """What fills a block of her week (the scheduler keeps sessions out of it)."""

    WORK = "work"  # selling at the market, a job
    CHILDCARE = "childcare"  # the school run, minding small children
    HOUSEHOLD = "household"
    APPOINTMENT = "appointment"  # a court hearing, the clinic
    OTHER = "other"


class BlockStrength(StrEnum):
    CANNOT = "cannot"  # she cannot come at all
    PREFERS_NOT = "prefers_not"  # she could, at a cost (counts as half)
