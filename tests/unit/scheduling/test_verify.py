"""``verify.violations``, the independent checker of every hard rule: silent on valid schedules
(first fit on random small instances) and loud on a schedule broken on purpose, one rule at a
time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kdrt_desk.domain.enums import BlockStrength, RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.scheduling.calendar import CalendarSettings, Closure, IslamicDates, TermCalendar
from kdrt_desk.scheduling.greedy import greedy
from kdrt_desk.scheduling.problem import (
    FacilitatorInfo,
    FixedSession,
    GroupNeed,
    Hours,
    Member,
    ModuleNeed,
    PlacedSession,
    Problem,
    VenueInfo,
)
from kdrt_desk.scheduling.slots import fixed_placed
from kdrt_desk.scheduling.verify import violations
from kdrt_desk.synthetic.schedule_instances import InstanceSpec, generate_problem

MONDAY = date(2026, 7, 6)
TUESDAY = MONDAY + timedelta(days=1)


def tiny(**changes: object) -> Problem:
    """Two groups of three, two modules (one cooking), two venues, two facilitators, two weeks."""
    routine = Routine((RoutineBlock(0, time(4, 30), time(11, 0), RoutineKind.WORK,
                                    BlockStrength.CANNOT),))
    members = tuple(Member(i, f"Peserta {i}", routine if i == 1 else Routine(), "Plaju")
                    for i in range(1, 4))
    sew = ModuleNeed(1, "JHT", "Menjahit", 2, 120, frozenset({"sewing_machines"}))
    cook = ModuleNeed(2, "BOG", "Memasak", 2, 90, frozenset({"kitchen"}), cooking=True)
    groups = (GroupNeed(1, "Angkatan 1", members, (sew, cook), "Plaju", 10),
              GroupNeed(2, "Angkatan 2", tuple(replace(m, participant_id=m.participant_id + 10)
                                               for m in members), (sew,), "Plaju", 10,
                        frozenset({21})))
    hours = {d: Hours(time(8, 0), time(17, 0)) for d in range(6)}
    venues = (VenueInfo(10, "Balai", "Plaju", 20, frozenset({"sewing_machines", "kitchen"}),
                        True, hours, frozenset({MONDAY + timedelta(days=9)})),
              VenueInfo(11, "Aula", "Plaju", 2, frozenset({"sewing_machines"})))
    facs = (FacilitatorInfo(20, "Fasilitator A", frozenset({1, 2}), None,
                            frozenset({MONDAY + timedelta(days=10)}), max_per_day=2,
                            max_per_week=3),
            FacilitatorInfo(21, "Fasilitator B", frozenset({1}),
                            {d: Hours(time(8, 0), time(12, 0)) for d in range(5)}))
    cal = TermCalendar(MONDAY, MONDAY + timedelta(days=13))
    problem = Problem(groups, venues, facs, cal)
    return replace(problem, **changes) if changes else problem  # type: ignore[arg-type]


def at(group: int, module: int, day: date, start: time, minutes: int, venue: int = 10,
       fac: int = 20, fixed: bool = False) -> PlacedSession:
    total = start.hour * 60 + start.minute + minutes
    return PlacedSession(group, module, day, start, time(total // 60, total % 60), venue, fac,
                         1.0, fixed)


def test_a_hand_made_valid_schedule_has_no_violations() -> None:
    sessions = [at(1, 1, MONDAY, time(8, 0), 120), at(1, 2, MONDAY, time(13, 0), 90),
                at(2, 1, TUESDAY, time(8, 0), 120, fac=21)]
    assert violations(tiny(), sessions) == []


BROKEN: dict[str, tuple[list[PlacedSession], str]] = {
    "group overlap": ([at(1, 1, MONDAY, time(8, 0), 120),
                       at(1, 2, MONDAY, time(9, 0), 90, venue=10)], "group 1:"),
    "venue overlap": ([at(1, 1, MONDAY, time(8, 0), 120),
                       at(2, 1, MONDAY, time(9, 0), 120, fac=21)], "venue 10:"),
    "facilitator overlap": ([at(1, 1, MONDAY, time(8, 0), 120),
                             at(2, 1, MONDAY, time(8, 0), 120, venue=11)], "facilitator 20:"),
    "capacity": ([at(1, 1, MONDAY, time(8, 0), 120, venue=11)], "holds 2"),
    "features": ([at(1, 2, MONDAY, time(8, 0), 90, venue=11)], "lacks ['kitchen']"),
    "not qualified": ([at(1, 2, MONDAY, time(13, 0), 90, fac=21)], "may not teach"),
    "not the group's facilitator": ([at(2, 1, MONDAY, time(8, 0), 120, fac=20)],
                                    "not the group's"),
    "facilitator hours": ([at(2, 1, MONDAY, time(13, 0), 120, fac=21)],
                          "outside facilitator 21's hours"),
    "facilitator away": ([at(1, 1, MONDAY + timedelta(days=10), time(8, 0), 120)],
                         "away that day"),
    "max per day": ([at(1, 1, MONDAY, time(8, 0), 120), at(1, 2, MONDAY, time(13, 0), 90),
                     at(2, 1, MONDAY, time(13, 0), 120, venue=11, fac=20)],
                    "at most 2"),
    "max per week": ([at(1, 1, MONDAY, time(8, 0), 120), at(1, 1, TUESDAY, time(8, 0), 120),
                      at(1, 2, MONDAY, time(13, 0), 90),
                      at(1, 2, TUESDAY + timedelta(days=1), time(13, 0), 90)], "at most 3"),
    "outside the term": ([at(1, 1, date(2026, 8, 17), time(8, 0), 120)], "outside the term"),
    "prayer window": ([at(1, 1, MONDAY, time(11, 0), 120)], "zuhur window"),
    "friday prayers": ([at(1, 2, MONDAY + timedelta(days=4), time(11, 0), 90)],
                       "jumat window"),
    "opening hours": ([at(1, 2, MONDAY, time(16, 0), 90)], "outside opening hours"),
    "venue hours": ([at(1, 1, MONDAY + timedelta(days=6), time(8, 0), 120)],
                    "outside venue 10's hours"),
    "venue closed": ([at(1, 1, MONDAY + timedelta(days=9), time(8, 0), 120)],
                     "venue 10 is closed"),
    "three a day": ([at(1, 1, TUESDAY, time(8, 0), 120),
                     at(1, 2, TUESDAY, time(13, 0), 90, fac=20),
                     at(1, 1, TUESDAY, time(14, 30), 60 + 60)], "3 sessions on"),
    "one facilitator per module": ([at(2, 1, MONDAY, time(8, 0), 120, fac=21),
                                    replace(at(2, 1, TUESDAY, time(8, 0), 120, fac=21),
                                            facilitator_id=20)], "one facilitator per"),
    "length": ([at(1, 1, MONDAY, time(8, 0), 90)], "lasts 90 min"),
    "too many sessions": ([at(1, 1, MONDAY, time(8, 0), 120), at(1, 1, TUESDAY, time(8, 0), 120),
                           at(1, 1, TUESDAY + timedelta(days=1), time(8, 0), 120)],
                          "3 sessions, the module has 2"),
    "unknown venue": ([at(1, 1, MONDAY, time(8, 0), 120, venue=99)], "unknown venue"),
}


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_each_broken_rule_is_caught(rule: str) -> None:
    sessions, expected = BROKEN[rule]
    found = violations(tiny(), sessions)
    assert any(expected in v for v in found), found


def test_a_holiday_a_closure_ramadan_cooking_and_plan_from_are_caught() -> None:
    august = tiny(calendar=TermCalendar(date(2026, 8, 10), date(2026, 8, 23)))
    assert any("on a holiday" in v
               for v in violations(august, [at(1, 1, date(2026, 8, 17), time(8, 0), 120)]))
    closed = tiny(calendar=TermCalendar(MONDAY, MONDAY + timedelta(days=13), CalendarSettings(
        closures=(Closure(MONDAY, MONDAY, "banjir"),))))
    assert any("closure" in v for v in violations(closed, [at(1, 1, MONDAY, time(8, 0), 120)]))
    fasting = tiny(calendar=TermCalendar(date(2027, 2, 15), date(2027, 2, 28), CalendarSettings(
        islamic=(IslamicDates(date(2027, 3, 10)),))))
    cook = at(1, 2, date(2027, 2, 16), time(13, 0), 90)
    assert any("ramadan_cooking" in v for v in violations(fasting, [cook]))
    late = at(1, 1, date(2027, 2, 16), time(14, 0), 120)
    assert any("outside opening hours" in v for v in violations(fasting, [late]))
    later = tiny(plan_from=TUESDAY)
    assert any("before plan_from" in v
               for v in violations(later, [at(1, 1, MONDAY, time(8, 0), 120)]))


def test_a_fixed_session_that_moved_or_went_missing_is_caught() -> None:
    held = FixedSession(1, 1, MONDAY, time(8, 0), time(10, 0), 10, 20, session_id=7)
    problem = tiny(fixed=(held,))
    kept = at(1, 1, MONDAY, time(8, 0), 120, fixed=True)
    assert violations(problem, [kept]) == []
    assert any("missing or moved" in v for v in violations(problem, []))
    moved = replace(kept, start=time(8, 30), end=time(10, 30))
    assert any("missing or moved" in v for v in violations(problem, [moved]))
    clash = at(1, 2, MONDAY, time(9, 0), 90)
    assert any("overlaps" in v for v in violations(problem, [kept, clash]))


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 10_000), groups=st.integers(1, 3), members=st.integers(1, 8),
       modules=st.integers(1, 4), sessions=st.integers(1, 4), venues=st.integers(1, 3),
       facilitators=st.integers(1, 4), holiday=st.sampled_from([None, 0, 1]))
def test_first_fit_schedules_are_valid_and_a_moved_session_is_caught(
        seed: int, groups: int, members: int, modules: int, sessions: int, venues: int,
        facilitators: int, holiday: int | None) -> None:
    problem = generate_problem(InstanceSpec(groups, members, modules, sessions, 2, venues,
                                            facilitators, holiday, seed=seed))
    result = greedy(problem)
    assert violations(problem, result.sessions) == []
    assert result.violations == ()
    if result.sessions:  # the same session twice: the group (at least) is double-booked
        doubled = [*result.sessions, result.sessions[0]]
        assert any("overlaps" in v for v in violations(problem, doubled))


def test_fixed_sessions_with_two_teachers_break_nothing_new() -> None:
    """Sessions that never move (held ones, or planned by hand earlier) may have had two
    teachers; planning around them is no violation, and a newly planned one keeps to one of
    their teachers."""
    problem = generate_problem(InstanceSpec(groups=1, members=3, modules=1, sessions=6,
                                            weeks=3, venues=1, facilitators=3,
                                            holiday_week=None))
    group, module = problem.groups[0], problem.groups[0].modules[0]
    teachers = sorted(f.facilitator_id for f in problem.facilitators
                      if module.module_id in f.module_ids)[:2]
    days = [d.day for d in problem.calendar.days() if not d.closed][:2]
    venue = problem.venues[0].venue_id
    fixed = tuple(FixedSession(group.group_id, module.module_id, day, time(8), time(9), venue,
                               teacher, 900 + n)
                  for n, (day, teacher) in enumerate(zip(days, teachers, strict=False)))
    problem = replace(problem, fixed=fixed)
    kept = fixed_placed(problem)
    assert not [v for v in violations(problem, kept) if "one facilitator" in v]
    third = next(d.day for d in problem.calendar.days() if not d.closed and d.day > days[1])
    new = replace(kept[0], day=third, fixed=False, session_id=0)
    assert not [v for v in violations(problem, [*kept, new]) if "one facilitator" in v]
    stranger = next(f.facilitator_id for f in problem.facilitators
                    if f.facilitator_id not in teachers)
    broken = replace(new, facilitator_id=stranger)
    assert any("one facilitator" in v for v in violations(problem, [*kept, broken]))
