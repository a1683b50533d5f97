"""Stable codes for the register's choice fields; labels live in the i18n catalogue."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    KONSELOR = "konselor"
    FASILITATOR = "fasilitator"
    STAF = "staf"


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
