"""Data objects of the training programme: modules, facilitators, venues, groups, sessions and
attendance (Table 1 of the paper: the social and the economic track)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from kdrt_desk.domain.availability import Hours
from kdrt_desk.domain.enums import ParticipantStatus, PartnerKind, RiskLevel


class Track(StrEnum):
    SOCIAL = "social"
    ECONOMIC = "economic"


class FacilitatorType(StrEnum):
    PSYCHOLOGIST = "psychologist"
    SOCIAL_WORKER = "social_worker"
    TRAINER = "trainer"
    COMMUNITY_LEADER = "community_leader"


class VenueFeature(StrEnum):
    KITCHEN = "kitchen"
    SEWING_MACHINES = "sewing_machines"
    PROJECTOR = "projector"
    PRIVATE_ROOM = "private_room"  # support groups need privacy


class EnrolmentStatus(StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"  # she chose to stop
    DROPPED_OUT = "dropped_out"  # she stopped coming
    TRANSFERRED = "transferred"  # moved to another group; her attendance stays hers
    COMPLETED = "completed"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"
    MOVED = "moved"  # rescheduled; ``moved_from`` keeps the old date


class AttendanceMark(StrEnum):
    PRESENT = "present"
    LATE = "late"
    EXCUSED = "excused"  # izin: needs a reason
    ABSENT = "absent"


ATTENDED = frozenset({AttendanceMark.PRESENT, AttendanceMark.LATE})
# single keys of the roll-call (Indonesian initials; the English ones work too)
MARK_KEYS = {"h": AttendanceMark.PRESENT, "p": AttendanceMark.PRESENT,
             "t": AttendanceMark.LATE, "l": AttendanceMark.LATE,
             "i": AttendanceMark.EXCUSED, "e": AttendanceMark.EXCUSED,
             "a": AttendanceMark.ABSENT}


@dataclass
class ModuleInput:
    code: str = ""
    title: str = ""
    track: Track = Track.SOCIAL
    description: str = ""
    objectives: str = ""
    session_count: int = 1
    minutes_per_session: int = 120
    facilitator_type: FacilitatorType = FacilitatorType.TRAINER
    venue_features: set[VenueFeature] = field(default_factory=set)
    partner_id: int | None = None  # the partner that delivers it; None: the centre itself
    min_attendance_pct: int = 75
    assessment_required: bool = False  # a skill assessment must be passed
    id: int = 0  # 0: new


@dataclass
class ModuleView(ModuleInput):
    partner_name: str = ""
    archived: bool = False


@dataclass
class FacilitatorInput:
    name: str = ""
    type: FacilitatorType = FacilitatorType.TRAINER
    organisation: str = ""
    phone: str = ""
    email: str = ""
    module_ids: set[int] = field(default_factory=set)  # modules she may teach
    staff_account_id: int | None = None  # the account she logs in with, when she has one
    hours: dict[int, Hours] = field(default_factory=dict)  # when she can come; empty: any time
    away_on: set[date] = field(default_factory=set)  # dates she cannot come
    max_per_day: int | None = None  # sessions she takes at most per day (None: no limit)
    max_per_week: int | None = None
    id: int = 0


@dataclass
class FacilitatorView(FacilitatorInput):
    staff_username: str = ""
    archived: bool = False


@dataclass
class PartnerInput:
    name: str = ""
    kind: PartnerKind = PartnerKind.NGO_LEGAL_AID
    contact_person: str = ""
    phone: str = ""
    contribution: str = ""
    mou_start: date | None = None
    mou_end: date | None = None
    id: int = 0


@dataclass
class PartnerView(PartnerInput):
    active: bool = True


@dataclass
class VenueInput:
    name: str = ""
    address: str = ""  # address or room
    kecamatan: str = ""  # where it is: high-risk members who live nearby are warned about
    capacity: int = 20
    features: set[VenueFeature] = field(default_factory=set)
    childcare: bool = False
    hours: dict[int, Hours] = field(default_factory=dict)  # opening hours; empty: the centre's
    closed_on: set[date] = field(default_factory=set)
    id: int = 0


@dataclass
class VenueView(VenueInput):
    archived: bool = False


@dataclass
class GroupInput:
    name: str = ""
    kecamatan: str = ""  # the area it serves
    kelurahan: str = ""
    start_date: date | None = None
    end_date: date | None = None
    venue_id: int | None = None  # its usual venue
    module_ids: list[int] = field(default_factory=list)
    facilitator_ids: set[int] = field(default_factory=set)
    funder: str = ""  # the programme or donor that funds it; "": the centre itself
    id: int = 0


@dataclass
class GroupView(GroupInput):
    venue_name: str = ""
    member_count: int = 0
    archived: bool = False


@dataclass(frozen=True)
class GroupWarning:
    key: str  # catalogue key
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class MemberRow:
    """A group's member as the group screens show her (risk only for roles that may see it)."""

    enrolment_id: int
    participant_id: int
    code: str
    full_name: str
    preferred_name: str
    kecamatan: str
    enrolled_on: date
    status: EnrolmentStatus
    ended_on: date | None
    end_reason: str
    risk_level: RiskLevel | None


@dataclass(frozen=True)
class Membership:
    """One of her group memberships, as her record shows it."""

    enrolment_id: int
    group_id: int
    group_name: str
    enrolled_on: date
    status: EnrolmentStatus
    ended_on: date | None


@dataclass(frozen=True)
class Candidate:
    """An accepted participant who can be enrolled."""

    participant_id: int
    code: str
    full_name: str
    kecamatan: str
    status: ParticipantStatus
    risk_level: RiskLevel | None


@dataclass
class SessionInput:
    group_id: int = 0
    module_id: int = 0
    session_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    venue_id: int | None = None
    facilitator_id: int | None = None
    topic: str = ""
    id: int = 0


@dataclass
class SessionView(SessionInput):
    status: SessionStatus = SessionStatus.PLANNED
    cancel_reason: str = ""
    moved_from: date | None = None
    group_name: str = ""
    module_code: str = ""
    module_title: str = ""
    venue_name: str = ""
    facilitator_name: str = ""
    marked: int = 0  # attendance marks recorded
    attended: int = 0  # present or late
    locked: bool = False  # the admin keeps it where it is when the scheduler re-plans


@dataclass(frozen=True)
class SessionQuery:
    group_id: int | None = None
    group_name: str = ""
    start: date | None = None
    end: date | None = None
    facilitator_id: int | None = None
    limit: int | None = None


@dataclass(frozen=True)
class RollCallRow:
    participant_id: int
    code: str
    name: str  # full name (or preferred name when asked for)
    mark: AttendanceMark | None
    reason: str


@dataclass(frozen=True)
class ModuleProgress:
    module_id: int
    module_code: str
    held: int  # sessions held while she was a member
    attended: int  # present or late
    excused: int
    min_pct: int
    assessment_required: bool
    assessment_passed: bool | None  # None: not assessed

    @property
    def percent(self) -> int:
        return round(100 * self.attended / self.held) if self.held else 0

    @property
    def meets_attendance(self) -> bool:
        return self.held > 0 and self.percent >= self.min_pct

    @property
    def completed(self) -> bool:
        return self.meets_attendance and (not self.assessment_required
                                          or self.assessment_passed is True)


@dataclass(frozen=True)
class MemberProgress:
    participant_id: int
    code: str
    full_name: str
    modules: dict[int, ModuleProgress]

    @property
    def below_minimum(self) -> list[int]:
        """Modules with sessions held where her attendance is under the module's minimum."""
        return [m for m, p in self.modules.items() if p.held and not p.meets_attendance]


@dataclass(frozen=True)
class GroupProgress:
    group_id: int
    modules: list[tuple[int, str, str]]  # id, code, title in the group's order
    members: list[MemberProgress]


@dataclass(frozen=True)
class SignInSheet:
    """What a printed sign-in sheet (daftar hadir) shows; names only of the session's members."""

    centre_name: str
    centre_address: str
    session_id: int
    module: str  # "SOS-01 Kelompok dukungan sebaya"
    group: str
    session_date: date
    start_time: time
    end_time: time
    venue: str
    facilitator: str
    topic: str
    names: list[str]  # in roll-call order
