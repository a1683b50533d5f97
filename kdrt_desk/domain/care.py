"""Data objects of the services and referrals a participant receives, and her timeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kdrt_desk.domain.enums import NotEligibleReason, PartnerKind, ServiceKind, ServiceStatus


@dataclass(frozen=True)
class PartnerInfo:
    id: int
    name: str
    kind: PartnerKind
    contact_person: str
    active: bool


@dataclass
class ServiceInput:
    participant_id: int = 0
    kind: ServiceKind = ServiceKind.COUNSELLING
    service_date: date | None = None
    partner_id: int | None = None  # None: given by the centre itself
    provider_note: str = ""  # e.g. the psychologist's name
    status: ServiceStatus = ServiceStatus.REFERRED
    outcome_note: str | None = ""  # restricted; None on an edit keeps the stored note


@dataclass
class ServiceView(ServiceInput):
    id: int = 0
    partner_name: str = ""
    created_by: str = ""
    restricted_hidden: bool = False


@dataclass(frozen=True)
class TimelineEvent:
    on: date
    kind: str  # registration, consent, screening, decision, service, withdrawal, ...
    title: str  # translated, ready to show
    detail: str = ""  # translated; never a restricted value for roles that may not see it


@dataclass(frozen=True)
class DashboardCounts:
    """The programme's figures on one day; every count is of participants unless it says not.

    Decisions are each participant's latest current decision; a rejection counts as not eligible
    only once a second staff member confirmed it (before that: ``awaiting_confirmation``).
    """

    today: date
    screened_this_month: int  # participants with a screening dated this calendar month
    screened_this_quarter: int
    accepted: int
    waitlisted: int
    not_eligible: int
    referred: int  # referred elsewhere by the screening decision
    awaiting_confirmation: int  # rejections not yet confirmed by a second staff member
    not_eligible_by_reason: dict[NotEligibleReason, int] = field(default_factory=dict)
    with_psychosocial_service: int = 0  # at least one counselling session in progress or done
    # referral records (services given by a partner), by kind and status: only kinds with at
    # least one referral appear, each with every status (zero when none)
    referrals: dict[ServiceKind, dict[ServiceStatus, int]] = field(default_factory=dict)
    # the training programme: groups whose period includes today (not archived), women in a
    # group now, memberships completed or ended early (withdrawn or dropped out) ever, and this
    # calendar month's sessions with the share of marks that were present or late
    groups_running: int = 0
    in_training: int = 0
    completed_training: int = 0
    left_training: int = 0
    sessions_held_this_month: int = 0
    sessions_planned_this_month: int = 0  # still to come (planned or moved)
    sessions_cancelled_this_month: int = 0
    attendance_rate_this_month: int | None = None  # percent; None without any mark

    @property
    def referral_total(self) -> int:
        return sum(sum(by_status.values()) for by_status in self.referrals.values())
