"""Data objects of the services and referrals a participant receives, and her timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kdrt_desk.domain.enums import PartnerKind, ServiceKind, ServiceStatus


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
    outcome_note: str = ""  # restricted


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
