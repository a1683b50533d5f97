"""Explanations on instances that cannot be met: no kitchen, too few kitchen slots for the
cooking sessions, a member whose routine blocks every slot, a group larger than every venue,
and a member below a module's minimum who would reach it in another group. Each comes with
the schedule that still keeps every hard rule, and reads in Indonesian and English."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import time, timedelta

import pytest

from kdrt_desk import i18n
from kdrt_desk.domain.enums import RoutineKind
from kdrt_desk.domain.routine import Routine, RoutineBlock
from kdrt_desk.i18n.catalog import MESSAGES
from kdrt_desk.scheduling.explain import describe, explain, precheck
from kdrt_desk.scheduling.problem import Explanation, Problem, ScheduleResult
from kdrt_desk.scheduling.slots import build_result, new_session
from kdrt_desk.scheduling.solver import solve
from kdrt_desk.synthetic.schedule_instances import InstanceSpec, generate_problem


@pytest.fixture(autouse=True)
def indonesian() -> Iterator[None]:
    i18n.set_language("id")
    yield
    i18n.set_language("id")


def small(**spec: int | None) -> Problem:
    base: dict[str, int | None] = {"groups": 1, "members": 4, "modules": 2, "sessions": 2,
                                   "weeks": 2, "venues": 2, "facilitators": 3,
                                   "holiday_week": None}
    base.update(spec)
    return generate_problem(InstanceSpec(**base))  # type: ignore[arg-type]


def keys(found: tuple[Explanation, ...] | list[Explanation]) -> set[str]:
    return {e.key for e in found}


def readable(found: tuple[Explanation, ...]) -> None:
    """Every explanation exists in both languages and fills all its placeholders."""
    words = {text for pair in MESSAGES.values() for text in pair if len(text) > 3}
    for explanation in found:
        assert explanation.key in MESSAGES
        # worded when shown, not when solved: no catalogue text among the parameters
        assert not [v for v in explanation.params.values() if v in words], explanation
        for lang in ("id", "en"):
            i18n.set_language(lang)
            text = describe(explanation)
            assert "{" not in text and explanation.key not in text
    i18n.set_language("id")


def test_no_venue_with_a_kitchen() -> None:
    problem = small()
    problem = replace(problem, venues=tuple(replace(v, features=v.features - {"kitchen"})
                                            for v in problem.venues))
    notes = precheck(problem)
    kitchen = [e for e in notes if e.key == "schedule.explain.no_kitchen"]
    assert len(kitchen) == 1 and kitchen[0].resource == "feature:kitchen"
    assert "Memasak" in describe(kitchen[0]) and "dapur" in describe(kitchen[0])
    result = solve(problem, time_limit=2)
    assert result.violations == ()
    assert result.unplaced == {(1, 2): 2}  # the cooking module, nothing else
    assert result.status == "partial"
    assert "schedule.explain.unplaced_venue_missing" in keys(result.explanations)
    readable(result.explanations)


def test_more_kitchen_sessions_than_kitchen_slots() -> None:
    problem = small(groups=6, modules=2, sessions=6, weeks=1, venues=1)
    cooking = problem.groups[0].modules[1]
    assert cooking.cooking
    problem = replace(problem, groups=tuple(replace(g, modules=(cooking,))
                                            for g in problem.groups))
    notes = [e for e in precheck(problem) if e.key == "schedule.explain.kitchen_slots"]
    assert len(notes) == 1
    params = notes[0].params
    assert params["groups"] == 6 and params["needed"] == 36
    assert isinstance(params["slots"], int) and params["slots"] < 36
    assert describe(notes[0]).startswith("6 kelompok butuh 36 sesi dapur; dapur hanya punya")
    result = solve(problem, time_limit=3)
    assert result.violations == ()
    assert len(result.sessions) == params["slots"]  # every kitchen slot used, no more
    assert sum(result.unplaced.values()) == 36 - len(result.sessions) > 0
    unplaced = [e for e in result.explanations if e.key.startswith("schedule.explain.unplaced")]
    assert {e.key for e in unplaced} == {"schedule.explain.unplaced_venue"}
    assert {e.resource for e in unplaced} == {"venue:1"}
    assert {e.group_id for e in unplaced} == {g for g, _ in result.unplaced}
    readable(result.explanations)
    i18n.set_language("en")
    assert describe(notes[0]).startswith("6 groups need 36 kitchen sessions")


def test_a_member_whose_routine_blocks_every_slot() -> None:
    problem = small()
    group = problem.groups[0]
    busy = Routine(tuple(RoutineBlock(d, time(0, 0), time(23, 59), RoutineKind.WORK)
                         for d in range(7)))
    siti = replace(group.members[0], name="Siti Aminah", routine=busy)
    problem = replace(problem, groups=(replace(group, members=(siti, *group.members[1:])),))
    blocked = [e for e in precheck(problem) if e.key == "schedule.explain.member_blocked"]
    assert {e.participant_id for e in blocked} == {siti.participant_id}
    assert len(blocked) == len(group.modules)
    text = describe(blocked[0])
    assert text.startswith("Siti Aminah bisa hadir di 0 dari ")
    result = solve(problem, time_limit=2)
    assert result.violations == ()
    assert {s.participant_id for s in result.shortfalls} >= {siti.participant_id}
    mine = [e for e in result.explanations if e.participant_id == siti.participant_id]
    assert keys(mine) == {"schedule.explain.member_blocked"}  # said once, not again per result
    readable(result.explanations)


def test_a_group_larger_than_every_venue() -> None:
    problem = small(members=6)
    problem = replace(problem, venues=tuple(replace(v, capacity=5) for v in problem.venues))
    notes = [e for e in precheck(problem) if e.key == "schedule.explain.group_too_large"]
    assert notes and all(e.group_id == 1 and e.params["members"] == 6
                         and e.params["capacity"] == 5 for e in notes)
    result = solve(problem, time_limit=2)
    assert result.sessions == ()
    assert result.unplaced == {(1, 1): 2, (1, 2): 2}
    assert result.status == "partial"
    readable(result.explanations)


def test_a_member_below_the_minimum_is_pointed_to_a_group_she_could_attend() -> None:
    problem = small(groups=2, members=2, modules=1, venues=2)
    first, second = problem.groups
    mornings = Routine(tuple(RoutineBlock(d, time(7, 0), time(12, 0), RoutineKind.WORK)
                             for d in range(6)))
    siti = replace(first.members[0], name="Siti Aminah", routine=mornings)
    problem = replace(problem, groups=(replace(first, members=(siti, first.members[1])),
                                       replace(second, members=tuple(
                                           replace(m, routine=Routine())
                                           for m in second.members))))
    first, second = problem.groups
    module = first.modules[0]
    monday = problem.calendar.start
    days = [monday, monday + timedelta(days=1)]
    fac = next(f.facilitator_id for f in problem.facilitators
               if module.module_id in f.module_ids and f.hours is None)
    venue = next(v.venue_id for v in problem.venues if module.features <= v.features)
    sessions = [new_session(first, module, d, time(8, 0), time(10, 0), venue, fac)
                for d in days]
    sessions += [new_session(second, module, d, time(13, 0), time(15, 0), venue, fac)
                 for d in days]
    result: ScheduleResult = build_result(problem, sessions, "feasible", 0.0)
    assert result.violations == ()
    found = [e for e in explain(problem, result) if e.participant_id == siti.participant_id]
    assert [e.key for e in found] == ["schedule.explain.shortfall_other_group"]
    assert found[0].params["group"] == second.name
    assert describe(found[0]) == (
        f"Siti Aminah bisa hadir di 0 dari 2 sesi {module.title} dalam jadwal ini (hari Senin, "
        f"Selasa); minimal 2: pertimbangkan kelompok {second.name}.")
    readable(tuple(found))


def test_the_rules_that_block_the_last_sessions_together_are_named() -> None:
    # one facilitator, away every day but Monday: Monday takes two sessions, the rest is
    # blocked by her days away and by the group's two-a-day rule together
    problem = small(modules=1, sessions=4, weeks=1, facilitators=1)
    monday = problem.calendar.start
    away = frozenset(monday + timedelta(days=i) for i in range(1, 7))
    fac = replace(problem.facilitators[0], hours=None, away_on=away)
    problem = replace(problem, facilitators=(fac,))
    result = solve(problem, time_limit=2)
    assert result.violations == ()
    assert [s.day for s in result.sessions] == [monday, monday]
    assert result.unplaced == {(1, 1): 2}
    found = [e for e in result.explanations if e.key.startswith("schedule.explain.unplaced")]
    assert [e.key for e in found] == ["schedule.explain.unplaced_combination"]
    assert found[0].resource == f"facilitator:{fac.facilitator_id}"
    text = describe(found[0])
    assert "fasilitator tidak tersedia" in text and "kelompok sudah dua sesi hari itu" in text
    readable(tuple(found))


def test_a_term_without_an_open_day_is_said_once() -> None:
    problem = small(weeks=1, holiday_week=0)  # the centre is closed the whole week
    assert precheck(problem) == [Explanation(
        "schedule.explain.no_open_days", {"start": "2026-07-06", "end": "2026-07-12"})]
    result = solve(problem, time_limit=1)
    assert result.sessions == () and result.violations == ()
    assert sum(result.unplaced.values()) == 4
    assert {e.key for e in result.explanations} == {"schedule.explain.no_open_days",
                                                    "schedule.explain.unplaced_calendar"}
    readable(result.explanations)


def test_switching_the_language_words_the_same_explanations_anew() -> None:
    """The explanations are made once (in Indonesian here) and said in English after the
    switch: weekdays, rules, features and dates follow the language shown, not the one solved
    in."""
    problem = small(modules=1, sessions=4, weeks=1, facilitators=1)
    monday = problem.calendar.start
    away = frozenset(monday + timedelta(days=i) for i in range(1, 7))
    problem = replace(problem, facilitators=(replace(problem.facilitators[0], hours=None,
                                                     away_on=away),))
    result = solve(problem, time_limit=2)
    [combination] = [e for e in result.explanations
                     if e.key == "schedule.explain.unplaced_combination"]
    assert set(str(combination.params["rules"]).split(",")) == {"facilitator_away", "group_day"}
    indonesian = describe(combination)
    i18n.set_language("en")
    english = describe(combination)
    assert "the facilitator is not available" in english
    assert "the group already has two sessions that day" in english
    assert "fasilitator" not in english and "fasilitator tidak tersedia" in indonesian
    assert describe(combination, "id") == indonesian  # or asked for in a language
    closed = Explanation("schedule.explain.no_open_days",
                         {"start": "2026-07-06", "end": "2026-07-12"})
    assert describe(closed).startswith("There is no open day from 6 July 2026 to 12 July 2026")
    i18n.set_language("id")
    assert describe(closed).startswith("Tidak ada hari buka dari 6 Juli 2026 sampai 12 Juli 2026")
    kitchen = Explanation("schedule.explain.no_kitchen",
                          {"module": "Memasak", "groups": 2, "features": "kitchen"})
    assert "tidak ada tempat dengan Dapur" in describe(kitchen)
    assert "no venue has Kitchen" in describe(kitchen, "en")
    shortfall = Explanation("schedule.explain.shortfall_other_group", {
        "name": "Siti", "can": 7, "sessions": 24, "module": "menjahit", "needed": 18,
        "days": "0,3", "group": "Kamis"})
    assert describe(shortfall) == ("Siti bisa hadir di 7 dari 24 sesi menjahit dalam jadwal ini "
                                   "(hari Senin, Kamis); minimal 18: pertimbangkan kelompok "
                                   "Kamis.")
    assert "(Monday, Thursday)" in describe(shortfall, "en")


def test_a_half_session_is_written_as_each_language_writes_decimals() -> None:
    from kdrt_desk.scheduling.problem import Explanation

    said = Explanation("schedule.explain.shortfall", {
        "name": "Siti", "can": "2.5", "sessions": 6, "module": "Menjahit", "needed": 5,
        "days": "1,3"})
    assert "2,5 dari 6" in describe(said, "id")
    assert "2.5 of the 6" in describe(said, "en")
    whole = Explanation("schedule.explain.shortfall", {**said.params, "can": "3"})
    assert "3 dari 6" in describe(whole, "id")
