"""What the scheduler is asked and what it answers, as plain data (no database, no Qt).

``ScheduleService`` builds a ``Problem`` from the vault (groups, their members' routines, modules,
venues, facilitators, the term calendar, sessions already held or locked); ``solve`` answers with
a ``ScheduleResult``; nothing is saved until the admin applies it through
``SessionService.create_many``.

Definitions (the summary, the review screen and the benchmarks use these):

* a member *can attend* a session when her routine has no block over its time; a "prefers not"
  block counts as half (``Routine.can_attend``);
* a session's *expected attendance* is the mean over the group's active members of can-attend;
  the term's is the mean over its sessions;
* the *upper bound* is the expected attendance when each group's sessions are placed at that
  group's own best slots, keeping every rule of the group alone (its prayer windows, holidays,
  at most two a day, the venue features its modules need) but ignoring clashes with other groups
  over venues and facilitators.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING

from kdrt_desk.domain.availability import Hours
from kdrt_desk.domain.routine import Routine
from kdrt_desk.scheduling.calendar import TermCalendar

if TYPE_CHECKING:
    from kdrt_desk.scheduling.verify import Violation

MAX_SESSIONS_PER_GROUP_DAY = 2


@dataclass(frozen=True)
class Member:
    participant_id: int
    name: str  # as the explanations name her (the admin's screen only; never printed for others)
    routine: Routine
    kecamatan: str
    young_children: bool = False  # a child under 6: childcare at the venue helps


@dataclass(frozen=True)
class ModuleNeed:
    """One module of a group: ``sessions`` sessions of ``minutes`` each, in venues with
    ``features`` (``VenueFeature`` values); ``cooking`` when it needs the kitchen."""

    module_id: int
    code: str
    title: str
    sessions: int
    minutes: int
    features: frozenset[str] = frozenset()
    min_attendance_pct: int = 75
    cooking: bool = False


@dataclass(frozen=True)
class GroupNeed:
    group_id: int
    name: str
    members: tuple[Member, ...]
    modules: tuple[ModuleNeed, ...]  # in the group's order
    kecamatan: str = ""
    venue_id: int | None = None  # its usual venue, preferred
    facilitator_ids: frozenset[int] = frozenset()  # assigned to the group; empty: any qualified
    start: date | None = None  # the group's own period, inside the term (None: the term's)
    end: date | None = None


@dataclass(frozen=True)
class VenueInfo:
    venue_id: int
    name: str
    kecamatan: str
    capacity: int
    features: frozenset[str] = frozenset()
    childcare: bool = False
    hours: Mapping[int, Hours] | None = None  # weekday -> opening hours; None: the centre's day
    closed_on: frozenset[date] = frozenset()


@dataclass(frozen=True)
class FacilitatorInfo:
    facilitator_id: int
    name: str
    module_ids: frozenset[int]  # the modules she is qualified to teach
    hours: Mapping[int, Hours] | None = None  # weekday -> when she can come; None: any day
    away_on: frozenset[date] = frozenset()
    max_per_day: int | None = None
    max_per_week: int | None = None


@dataclass(frozen=True)
class FixedSession:
    """A session that never moves: held, with attendance recorded, or locked by the admin. It
    counts towards its module's sessions and occupies its venue and facilitator."""

    group_id: int
    module_id: int
    day: date
    start: time
    end: time
    venue_id: int | None
    facilitator_id: int | None
    session_id: int = 0


@dataclass(frozen=True)
class Weights:
    """The admin's sliders, 0 (ignore) to 5 (matters most); the defaults are the benchmarks'."""

    attendance: int = 5  # most members able to attend each session
    minimum: int = 4  # every member able to reach each module's minimum attendance
    same_slot: int = 3  # the same weekday and time each week
    same_venue: int = 2
    near: int = 2  # a venue near the members' kecamatan
    childcare: int = 1  # childcare at the venue when members have young children
    no_gaps: int = 1  # no idle gaps within a day


@dataclass(frozen=True)
class Problem:
    groups: tuple[GroupNeed, ...]
    venues: tuple[VenueInfo, ...]
    facilitators: tuple[FacilitatorInfo, ...]
    calendar: TermCalendar  # the term's dates are calendar.start .. calendar.end
    fixed: tuple[FixedSession, ...] = ()
    start_times: tuple[time, ...] = tuple(time(h, m) for h in range(8, 17) for m in (0, 30))
    weights: Weights = field(default_factory=Weights)
    neighbours: Mapping[str, frozenset[str]] = field(default_factory=dict)  # kecamatan -> near
    plan_from: date | None = None  # re-planning after sessions were held: nothing before this


@dataclass(frozen=True)
class PlacedSession:
    group_id: int
    module_id: int
    day: date
    start: time
    end: time
    venue_id: int
    facilitator_id: int
    expected_attendance: float  # share of the group's active members who can attend, 0..1
    fixed: bool = False
    session_id: int = 0  # for a fixed one


@dataclass(frozen=True)
class Explanation:
    """One thing the schedule could not satisfy: ``key`` is a catalogue key under
    ``schedule.explain.``; ``params`` (names, counts, ISO dates, codes) fill it when it is shown
    (``explain.describe``, in the language then). ``participant_id``/``group_id``/
    ``resource`` say what it is about (for the review screen's filters)."""

    key: str
    params: Mapping[str, object]
    group_id: int | None = None
    participant_id: int | None = None
    resource: str = ""  # "venue:3", "facilitator:5", "feature:kitchen"


@dataclass(frozen=True)
class Shortfall:
    """A member who cannot reach a module's minimum attendance in this schedule."""

    group_id: int
    participant_id: int
    module_id: int
    can_attend: float  # sessions she can attend (prefers-not counted half)
    needed: int  # sessions the module's minimum asks for
    sessions: int


@dataclass(frozen=True)
class ScheduleResult:
    sessions: tuple[PlacedSession, ...]
    unplaced: Mapping[tuple[int, int], int]  # (group_id, module_id) -> sessions not placed
    expected_attendance: float
    shortfalls: tuple[Shortfall, ...]
    explanations: tuple[Explanation, ...]
    status: str  # "optimal", "feasible", "partial" (some sessions unplaced), "cancelled"
    seconds: float
    violations: tuple[Violation, ...] = ()  # hard-rule breaches found by ``verify``: always empty
