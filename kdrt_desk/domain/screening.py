"""Data objects of the screening stage: assessments, criteria, decisions and the waitlist."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from kdrt_desk.domain.enums import (
    Barrier,
    CriterionKind,
    DecisionOutcome,
    Need,
    NotEligibleReason,
    RiskLevel,
    RiskReason,
    Skill,
)


@dataclass
class ScreeningInput:
    """What a case worker records; notes, risk reasons and the safety plan are restricted."""

    participant_id: int = 0
    screened_on: date | None = None
    interview_notes: str = ""
    needs: set[Need] = field(default_factory=set)
    skills: set[Skill] = field(default_factory=set)
    skills_other: str = ""
    experience: str = ""
    risk_level: RiskLevel = RiskLevel.LOW
    risk_reasons: set[RiskReason] = field(default_factory=set)
    safety_plan: str = ""
    barriers: set[Barrier] = field(default_factory=set)
    criteria_met: set[str] = field(default_factory=set)  # EligibilityCriterion codes


@dataclass
class ScreeningRecord(ScreeningInput):
    """A saved screening; ``restricted_hidden`` when the reader may not see restricted fields."""

    id: int = 0
    assessor: str = ""
    score: int = 0
    unmet_required: list[str] = field(default_factory=list)
    decided: bool = False
    version: int = 0
    restricted_hidden: bool = False


@dataclass(frozen=True)
class Criterion:
    id: int
    code: str
    label_id: str
    label_en: str
    kind: CriterionKind
    weight: int
    active: bool
    position: int


@dataclass(frozen=True)
class Eligibility:
    score: int
    max_score: int
    unmet_required: list[str]  # criterion codes

    @property
    def eligible(self) -> bool:
        return not self.unmet_required


@dataclass
class DecisionInput:
    screening_id: int = 0
    outcome: DecisionOutcome = DecisionOutcome.ACCEPTED
    priority: int | None = None  # waitlisted: 1 (highest) to 5
    reason_code: NotEligibleReason | None = None  # not eligible
    reason_text: str = ""
    referred_partner_id: int | None = None  # referred elsewhere
    decided_on: date | None = None


@dataclass
class DecisionRecord(DecisionInput):
    id: int = 0
    participant_id: int = 0
    decided_by: str = ""
    confirmed_by: str | None = None
    confirmed_on: date | None = None

    @property
    def awaiting_confirmation(self) -> bool:
        return self.confirmed_by is None


class WaitlistEntry(NamedTuple):
    participant_id: int
    code: str
    full_name: str
    preferred_name: str
    kecamatan: str
    priority: int
    waiting_since: date
    days_waiting: int
    risk_level: RiskLevel | None  # None for roles that may not see risk
