"""Data objects that carry a participant between the services, the CLI and the screens."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from kdrt_desk.domain.enums import (
    ConsentScope,
    EconomicDependence,
    Education,
    LegalProceedings,
    LivingSituation,
    MaritalStatus,
    ParticipantStatus,
    PerpetratorRelation,
    ReferralSource,
    RiskLevel,
    SafeToCall,
    ViolenceForm,
)

# The choice fields of ``ParticipantInput`` and the enum each holds.
ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "safe_to_call": SafeToCall, "living_situation": LivingSituation,
    "marital_status": MaritalStatus, "education": Education,
    "economic_dependence": EconomicDependence, "status": ParticipantStatus,
}


@dataclass
class CaseBackground:
    """The restricted section: only Admin and Konselor may read or write it."""

    violence_forms: set[ViolenceForm] = field(default_factory=set)
    perpetrator_relation: PerpetratorRelation | None = None
    duration_months: int | None = None
    reported_to_police: bool = False
    legal_proceedings: LegalProceedings = LegalProceedings.NONE
    referral_source: ReferralSource | None = None
    referral_other: str = ""
    safety_notes: str = ""


@dataclass
class Consent:
    consent_date: date | None = None
    scopes: set[ConsentScope] = field(default_factory=set)
    recorded_by: str = ""
    withdrawn_on: date | None = None
    # set only by ``ConsentService.record_form_signed``; not part of what an edit compares
    form_signed_on: date | None = field(default=None, compare=False)


@dataclass
class ParticipantInput:
    """What the intake form (or the demo generator) submits; the service validates it all."""

    full_name: str = ""
    preferred_name: str = ""
    nik: str = ""
    birth_date: date | None = None
    estimated_age: int | None = None
    birth_place: str = ""
    phone: str = ""
    safe_to_call: SafeToCall = SafeToCall.NO
    safe_call_times: str = ""
    trusted_contact_name: str = ""
    trusted_contact_phone: str = ""
    never_contact_at_home: bool = False
    living_situation: LivingSituation = LivingSituation.WITH_FAMILY
    kecamatan: str = ""
    kelurahan: str = ""
    marital_status: MaritalStatus = MaritalStatus.MARRIED
    children_count: int = 0
    children_ages: list[int] = field(default_factory=list)
    dependants: int = 0
    education: Education = Education.SMA
    occupation: str = ""
    monthly_income: int | None = None
    economic_dependence: EconomicDependence = EconomicDependence.NONE
    status: ParticipantStatus = ParticipantStatus.REGISTERED
    registered_on: date | None = None
    consent: Consent = field(default_factory=Consent)
    case: CaseBackground | None = None


@dataclass
class ParticipantRecord(ParticipantInput):
    """A saved participant as a given user may see it (``case`` is None when not allowed)."""

    id: int = 0
    code: str = ""
    version: int = 0
    anonymised_on: date | None = None  # consent to data use withdrawn: identity erased
    contact_withheld: bool = False  # no contact consent: phones and safe-call times blanked
    risk_level: RiskLevel | None = None  # latest screening; only for roles that may see risk


class ParticipantRow(NamedTuple):
    """One line of the register list: only what a list needs (a tuple: 50,000 load fast)."""

    id: int
    code: str
    full_name: str
    preferred_name: str
    nik: str
    phone: str
    status: ParticipantStatus
    kecamatan: str
    registered_on: date
    risk_level: RiskLevel | None = None  # the latest screening's; None when hidden or unscreened
    contact_withheld: bool = False  # no contact consent: the phone is blanked


@dataclass(frozen=True)
class RegisterQuery:
    """What the register list asks for: search text, filters, sort and the ids it may show."""

    text: str = ""
    status: ParticipantStatus | None = None
    kecamatan: str = ""
    sort: str = "code"
    descending: bool = False
    limit: int | None = None
    only_ids: frozenset[int] | None = None  # None: everyone (a facilitator: her members only)
    # whose NIK and phone are withheld (no contact consent): a sort by them treats theirs as
    # blank, so the order tells nothing of a value the list does not show
    withheld_ids: frozenset[int] = frozenset()
