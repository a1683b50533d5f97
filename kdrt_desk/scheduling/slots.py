"""Candidate slots and the small rule checks the solver, the greedy baseline, the bound and the
explanations share: which dates of the term can be planned, which (date, start, end) a module of
a group may take by the calendar, which venues and facilitators suit it, each member's
can-attend, and ``Occupancy`` (what is booked so far) with ``fits`` (does one more session keep
every hard rule). ``verify.py`` re-checks everything on its own, without this module.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from kdrt_desk.scheduling.problem import (
    MAX_SESSIONS_PER_GROUP_DAY,
    Explanation,
    FacilitatorInfo,
    GroupNeed,
    Member,
    ModuleNeed,
    PlacedSession,
    Problem,
    ScheduleResult,
    Shortfall,
    VenueInfo,
)

SCALE = 1000  # attendance shares as integers for CP-SAT


def minutes_of(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def clock_of(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def plus(start: time, minutes: int) -> time | None:
    """``start`` + ``minutes``, or None past the end of the day."""
    total = minutes_of(start) + minutes
    return clock_of(total) if total < 24 * 60 else None


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def first_day(problem: Problem) -> date:
    cal = problem.calendar
    return max(cal.start, problem.plan_from) if problem.plan_from else cal.start


def term_days(problem: Problem) -> list[date]:
    """The dates sessions may be planned on: the term from ``plan_from`` (if later)."""
    start, end = first_day(problem), problem.calendar.end
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def in_period(group: GroupNeed, day: date) -> bool:
    """Whether ``day`` is inside the group's own period (the term bounds it too)."""
    return (group.start is None or group.start <= day) and (group.end is None
                                                            or day <= group.end)


def week_index(problem: Problem, day: date) -> int:
    return (monday(day) - monday(problem.calendar.start)).days // 7


def member_can(member: Member, day: date, start: time, end: time) -> float:
    return member.routine.can_attend(day, start, end)


def attendance(group: GroupNeed, day: date, start: time, end: time) -> float:
    """Mean can-attend of the group's members (1.0 for a group without members)."""
    if not group.members:
        return 1.0
    return sum(member_can(m, day, start, end) for m in group.members) / len(group.members)


def venue_suits(venue: VenueInfo, group: GroupNeed, module: ModuleNeed) -> bool:
    return len(group.members) <= venue.capacity and module.features <= venue.features


def venue_open(venue: VenueInfo, day: date, start: time, end: time) -> bool:
    if day in venue.closed_on:
        return False
    if venue.hours is None:
        return True
    hours = venue.hours.get(day.weekday())
    return hours is not None and hours.start <= start and end <= hours.end


def qualified(fac: FacilitatorInfo, group: GroupNeed, module: ModuleNeed) -> bool:
    return module.module_id in fac.module_ids and (
        not group.facilitator_ids or fac.facilitator_id in group.facilitator_ids)


def facilitator_free(fac: FacilitatorInfo, day: date, start: time, end: time) -> bool:
    """Her hours that weekday and her days away (not her other sessions)."""
    if day in fac.away_on:
        return False
    if fac.hours is None:
        return True
    hours = fac.hours.get(day.weekday())
    return hours is not None and hours.start <= start and end <= hours.end


def suitable_venues(problem: Problem, group: GroupNeed, module: ModuleNeed) -> list[VenueInfo]:
    return [v for v in problem.venues if venue_suits(v, group, module)]


def qualified_facilitators(problem: Problem, group: GroupNeed,
                           module: ModuleNeed) -> list[FacilitatorInfo]:
    return [f for f in problem.facilitators if qualified(f, group, module)]


def calendar_starts(problem: Problem, module: ModuleNeed, day: date) -> list[tuple[time, time]]:
    """(start, end) of the module on ``day`` that the calendar allows (holidays, closures,
    hours, prayer windows, Ramadan cooking)."""
    plan = problem.calendar.day(day)
    if plan.closed:
        return []
    found = []
    for start in problem.start_times:
        end = plus(start, module.minutes)
        if end is not None and plan.conflict(start, end, cooking=module.cooking) is None:
            found.append((start, end))
    return found


def remaining(problem: Problem, group: GroupNeed, module: ModuleNeed) -> int:
    held = sum(1 for f in problem.fixed
               if f.group_id == group.group_id and f.module_id == module.module_id)
    return max(0, module.sessions - held)


def fixed_facilitator(problem: Problem, group: GroupNeed, module: ModuleNeed) -> int | None:
    """The facilitator of the module's fixed sessions, who must teach the rest too."""
    return next((f.facilitator_id for f in problem.fixed if f.group_id == group.group_id
                 and f.module_id == module.module_id and f.facilitator_id is not None), None)


def needed_sessions(module: ModuleNeed) -> int:
    """Sessions a member must be able to attend to reach the module's minimum."""
    return -(-module.sessions * module.min_attendance_pct // 100)


def is_near(problem: Problem, venue: VenueInfo, kecamatan: str) -> bool:
    return venue.kecamatan == kecamatan or venue.kecamatan in problem.neighbours.get(
        kecamatan, frozenset())


def near_share(problem: Problem, venue: VenueInfo, group: GroupNeed) -> float:
    if not group.members:
        return 1.0 if is_near(problem, venue, group.kecamatan) else 0.0
    near = sum(1 for m in group.members if is_near(problem, venue, m.kecamatan))
    return near / len(group.members)


def childcare_need(group: GroupNeed) -> float:
    """Share of members with young children (what a venue without childcare costs)."""
    if not group.members:
        return 0.0
    return sum(1 for m in group.members if m.young_children) / len(group.members)


def overlaps(a: tuple[time, time], b: tuple[time, time]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Occupancy:
    """What is booked: intervals per group, venue and facilitator per date, and the counts."""

    problem: Problem
    group_busy: dict[tuple[int, date], list[tuple[time, time]]] = field(
        default_factory=lambda: defaultdict(list))
    venue_busy: dict[tuple[int, date], list[tuple[time, time]]] = field(
        default_factory=lambda: defaultdict(list))
    fac_busy: dict[tuple[int, date], list[tuple[time, time]]] = field(
        default_factory=lambda: defaultdict(list))
    fac_week: dict[tuple[int, tuple[int, int]], int] = field(
        default_factory=lambda: defaultdict(int))
    module_fac: dict[tuple[int, int], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.facs = {f.facilitator_id: f for f in self.problem.facilitators}
        self.venues = {v.venue_id: v for v in self.problem.venues}
        for s in self.problem.fixed:
            self.book(s.group_id, s.module_id, s.day, s.start, s.end, s.venue_id,
                      s.facilitator_id)

    def book(self, group_id: int, module_id: int, day: date, start: time, end: time,
             venue_id: int | None, facilitator_id: int | None) -> None:
        span = (start, end)
        self.group_busy[(group_id, day)].append(span)
        if venue_id is not None:
            self.venue_busy[(venue_id, day)].append(span)
        if facilitator_id is not None:
            self.fac_busy[(facilitator_id, day)].append(span)
            self.fac_week[(facilitator_id, day.isocalendar()[:2])] += 1
            self.module_fac.setdefault((group_id, module_id), facilitator_id)

    def group_free(self, group_id: int, day: date, start: time, end: time) -> bool:
        busy = self.group_busy.get((group_id, day), [])
        return len(busy) < MAX_SESSIONS_PER_GROUP_DAY and not any(
            overlaps(b, (start, end)) for b in busy)

    def venue_free(self, venue_id: int, day: date, start: time, end: time) -> bool:
        venue = self.venues[venue_id]
        return venue_open(venue, day, start, end) and not any(
            overlaps(b, (start, end)) for b in self.venue_busy.get((venue_id, day), []))

    def facilitator_ok(self, fac_id: int, day: date, start: time, end: time) -> bool:
        fac = self.facs[fac_id]
        if not facilitator_free(fac, day, start, end):
            return False
        busy = self.fac_busy.get((fac_id, day), [])
        if any(overlaps(b, (start, end)) for b in busy):
            return False
        if fac.max_per_day is not None and len(busy) >= fac.max_per_day:
            return False
        return fac.max_per_week is None or self.fac_week.get(
            (fac_id, day.isocalendar()[:2]), 0) < fac.max_per_week

    def fits(self, group: GroupNeed, module: ModuleNeed, day: date, start: time, end: time,
             venue_id: int, fac_id: int) -> bool:
        """Every hard rule kept when this session is added (the calendar is the caller's)."""
        chosen = self.module_fac.get((group.group_id, module.module_id))
        return ((chosen is None or chosen == fac_id)
                and in_period(group, day)
                and self.group_free(group.group_id, day, start, end)
                and self.venue_free(venue_id, day, start, end)
                and self.facilitator_ok(fac_id, day, start, end))


def fixed_placed(problem: Problem) -> list[PlacedSession]:
    groups = {g.group_id: g for g in problem.groups}
    placed = []
    for f in problem.fixed:
        group = groups.get(f.group_id)
        share = attendance(group, f.day, f.start, f.end) if group else 0.0
        placed.append(PlacedSession(f.group_id, f.module_id, f.day, f.start, f.end,
                                    f.venue_id or 0, f.facilitator_id or 0, share, True,
                                    f.session_id))
    return placed


def new_session(group: GroupNeed, module: ModuleNeed, day: date, start: time, end: time,
                venue_id: int, fac_id: int) -> PlacedSession:
    return PlacedSession(group.group_id, module.module_id, day, start, end, venue_id, fac_id,
                         attendance(group, day, start, end))


def shortfalls(problem: Problem, sessions: Sequence[PlacedSession]) -> list[Shortfall]:
    """Members who cannot reach a module's minimum with these sessions (all of the module's
    sessions count, placed or not: an unplaced one cannot be attended)."""
    found = []
    for group in problem.groups:
        for module in group.modules:
            mine = [s for s in sessions
                    if s.group_id == group.group_id and s.module_id == module.module_id]
            needed = needed_sessions(module)
            for member in group.members:
                can = sum(member_can(member, s.day, s.start, s.end) for s in mine)
                if can < needed:
                    found.append(Shortfall(group.group_id, member.participant_id,
                                           module.module_id, can, needed, module.sessions))
    return found


def unplaced_counts(problem: Problem, sessions: Sequence[PlacedSession]) -> dict[
        tuple[int, int], int]:
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for s in sessions:
        counts[(s.group_id, s.module_id)] += 1
    missing = {}
    for group in problem.groups:
        for module in group.modules:
            left = module.sessions - counts[(group.group_id, module.module_id)]
            if left > 0:
                missing[(group.group_id, module.module_id)] = left
    return missing


def mean_attendance(sessions: Sequence[PlacedSession]) -> float:
    return sum(s.expected_attendance for s in sessions) / len(sessions) if sessions else 0.0


def build_result(problem: Problem, sessions: Sequence[PlacedSession], status: str,
                 seconds: float, explanations: Sequence[Explanation] = ()) -> ScheduleResult:
    """The answer for ``sessions`` (fixed ones included), checked by ``verify``."""
    from kdrt_desk.scheduling.verify import violations

    ordered = tuple(sorted(sessions, key=lambda s: (s.day, s.start, s.group_id)))
    missing = unplaced_counts(problem, ordered)
    if missing and status in ("optimal", "feasible"):
        status = "partial"
    return ScheduleResult(ordered, missing, mean_attendance(ordered),
                          tuple(shortfalls(problem, ordered)), tuple(explanations), status,
                          seconds, tuple(violations(problem, ordered)))
