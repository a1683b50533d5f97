"""Data objects of the screening stage: assessments, criteria, decisions and the waitlist."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from kdrt_desk.domain.enums import (
    Barrier,
    CriterionKind,
    DecisionOutcome,
    Need,
    NotEligibleReason,
    ParticipantStatus,
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


# Fields only Admin and Konselor read (the risk level too: it is shown as a flag to them only).
RESTRICTED_SCREENING_FIELDS = ("interview_notes", "risk_reasons", "safety_plan", "risk_level")


@dataclass
class ScreeningRecord(ScreeningInput):
    """A saved screening.

    ``restricted_hidden``: interview notes, risk reasons and the safety plan are blank because the
    record was read without opening them (``ScreeningService.get``) or the reader may not see them.
    ``risk_visible``: False for roles without ``view_restricted``; ``risk_level`` then holds a
    meaningless placeholder (LOW), so screens read ``visible_risk`` (None when hidden).
    """

    id: int = 0
    assessor: str = ""
    score: int = 0
    unmet_required: list[str] = field(default_factory=list)
    decided: bool = False
    version: int = 0
    restricted_hidden: bool = False
    risk_visible: bool = True
    participant_code: str = ""

    @property
    def visible_risk(self) -> RiskLevel | None:
        return self.risk_level if self.risk_visible else None


@dataclass(frozen=True)
class ScreeningChangeRecord:
    """One change made after the decision was confirmed: who, when, why, and the values before.

    ``previous`` maps each changed field to its value before (codes, ISO dates, text); restricted
    fields' values are left out (``restricted_hidden``) unless they were opened.
    """

    id: int
    screening_id: int
    changed_at: datetime
    changed_by: str
    reason: str
    fields: list[str]
    previous: dict[str, object]
    restricted_hidden: bool = False


class ScreeningListRow(NamedTuple):
    """One screening in the screening list; ``risk_level`` None for roles that may not see it."""

    screening_id: int
    participant_id: int
    code: str
    full_name: str
    screened_on: date
    assessor: str
    risk_level: RiskLevel | None
    score: int
    outcome: DecisionOutcome | None  # of the current decision; None when not decided yet
    awaiting_confirmation: bool  # the current decision (a rejection) waits for a second person


@dataclass(frozen=True)
class ScreeningPage:
    """Every matching screening id in list order, and the rows of the first page."""

    ids: list[int]
    rows: list[ScreeningListRow]


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


@dataclass
class CriterionInput:
    """One criterion as the admin edits it; ``id`` None for a new one."""

    id: int | None = None
    code: str = ""
    label_id: str = ""
    label_en: str = ""
    kind: CriterionKind = CriterionKind.WEIGHTED
    weight: int = 0
    active: bool = True


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


# The participant status each decision leads to once it takes effect. A referral elsewhere means
# the programme does not take her now: she is counted as not eligible, with "referred" as reason.
STATUS_AFTER_DECISION: dict[DecisionOutcome, ParticipantStatus] = {
    DecisionOutcome.ACCEPTED: ParticipantStatus.ACCEPTED,
    DecisionOutcome.WAITLISTED: ParticipantStatus.WAITLISTED,
    DecisionOutcome.NOT_ELIGIBLE: ParticipantStatus.NOT_ELIGIBLE,
    DecisionOutcome.REFERRED: ParticipantStatus.NOT_ELIGIBLE,
}


@dataclass
class DecisionRecord(DecisionInput):
    """A saved decision; ``current`` False once a newer one on the same screening replaced it."""

    id: int = 0
    participant_id: int = 0
    decided_by: str = ""
    confirmed_by: str | None = None
    confirmed_on: date | None = None
    current: bool = True
    participant_code: str = ""
    participant_name: str = ""
    partner_name: str = ""  # of ``referred_partner_id``

    @property
    def awaiting_confirmation(self) -> bool:
        return self.confirmed_by is None

    @property
    def status_reason(self) -> str:
        """Why she is not eligible: the reason code, or "referred" for a referral elsewhere."""
        if self.outcome == DecisionOutcome.REFERRED:
            return "referred"
        return self.reason_code.value if self.reason_code is not None else ""


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
