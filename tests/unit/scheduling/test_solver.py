"""``solve``: every hard rule kept (checked by the independent ``verify``) on random small
instances, fixed sessions kept and counted, nothing before ``plan_from``, progress reports that
only improve, cancelling returns the best so far, the solver beats first fit on the small
benchmark instance, and OR-Tools is not imported until a solve runs."""

from __future__ import annotations

import subprocess
import sys
import time as clock
from dataclasses import replace
from datetime import date, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kdrt_desk.scheduling.greedy import greedy
from kdrt_desk.scheduling.problem import FixedSession, Problem, ScheduleResult
from kdrt_desk.scheduling.slots import first_day
from kdrt_desk.scheduling.solver import solve
from kdrt_desk.scheduling.verify import violations
from kdrt_desk.synthetic.schedule_instances import SMALL, InstanceSpec, generate_problem


def _counts_add_up(problem: Problem, result: ScheduleResult) -> None:
    for group in problem.groups:
        for module in group.modules:
            placed = sum(1 for s in result.sessions
                         if s.group_id == group.group_id and s.module_id == module.module_id)
            assert placed + result.unplaced.get((group.group_id, module.module_id), 0) \
                == module.sessions


def test_importing_the_scheduler_does_not_import_ortools() -> None:
    code = ("import sys\n"
            "import kdrt_desk.scheduling.solver, kdrt_desk.scheduling.explain\n"
            "import kdrt_desk.scheduling.bound, kdrt_desk.scheduling.greedy\n"
            "import kdrt_desk.scheduling.verify\n"
            "assert 'ortools' not in sys.modules, 'ortools imported'\n"
            "assert not any(m.startswith('ortools') for m in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr


@settings(max_examples=6, deadline=None)
@given(seed=st.integers(0, 10_000), groups=st.integers(1, 3), members=st.integers(1, 6),
       modules=st.integers(1, 3), sessions=st.integers(1, 3), venues=st.integers(1, 2),
       facilitators=st.integers(1, 3), holiday=st.sampled_from([None, 0]),
       replan=st.booleans(), start=st.sampled_from([date(2026, 7, 6), date(2027, 2, 22)]))
def test_random_small_instances_keep_every_hard_rule(
        seed: int, groups: int, members: int, modules: int, sessions: int, venues: int,
        facilitators: int, holiday: int | None, replan: bool, start: date) -> None:
    # 22 February 2027 starts two weeks of Ramadan (shorter days, no cooking at midday)
    problem = generate_problem(InstanceSpec(groups, members, modules, sessions, 2, venues,
                                            facilitators, holiday, start, seed=seed))
    if replan:
        problem = replace(problem, plan_from=problem.calendar.start + timedelta(days=3))
    result = solve(problem, time_limit=1.5)
    assert result.violations == ()
    assert violations(problem, result.sessions) == []
    assert all(s.day >= first_day(problem) for s in result.sessions)
    _counts_add_up(problem, result)
    assert result.status in ("optimal", "feasible", "partial")
    # never worse than first fit on what counts most: sessions placed
    assert len(result.sessions) >= len(greedy(problem).sessions)


def test_fixed_sessions_stay_put_count_towards_the_module_and_plan_from_holds() -> None:
    problem = generate_problem(InstanceSpec(groups=2, members=6, modules=2, sessions=4, weeks=3,
                                            venues=2, facilitators=3, holiday_week=None))
    first = greedy(problem).sessions[:3]
    fixed = tuple(FixedSession(s.group_id, s.module_id, s.day, s.start, s.end, s.venue_id,
                               s.facilitator_id, session_id=i + 1) for i, s in enumerate(first))
    plan_from = problem.calendar.start + timedelta(days=8)
    problem = replace(problem, fixed=fixed, plan_from=plan_from)
    result = solve(problem, time_limit=3)
    assert result.violations == ()
    kept = [s for s in result.sessions if s.fixed]
    assert sorted((s.session_id, s.day, s.start, s.venue_id, s.facilitator_id) for s in kept) \
        == sorted((f.session_id, f.day, f.start, f.venue_id, f.facilitator_id) for f in fixed)
    assert all(s.day >= plan_from for s in result.sessions if not s.fixed)
    _counts_add_up(problem, result)
    for f in fixed:  # the module's other sessions keep its facilitator
        assert {s.facilitator_id for s in result.sessions
                if (s.group_id, s.module_id) == (f.group_id, f.module_id)} == {f.facilitator_id}


def test_progress_only_improves_and_cancel_returns_the_best_so_far() -> None:
    problem = generate_problem(SMALL)
    seen: list[ScheduleResult] = []
    result = solve(problem, time_limit=30, on_progress=seen.append,
                   should_stop=lambda: len(seen) >= 2)
    assert result.status == "cancelled"
    assert result.seconds < 15
    assert len(seen) >= 2
    assert result.sessions == seen[-1].sessions
    assert result.violations == ()
    assert [len(r.sessions) for r in seen] == sorted(len(r.sessions) for r in seen)


def test_the_solver_beats_first_fit_on_the_small_benchmark_instance() -> None:
    problem = generate_problem(SMALL)
    baseline = greedy(problem)
    result = solve(problem, time_limit=8)
    assert result.violations == ()
    assert len(result.sessions) >= len(baseline.sessions)
    assert result.expected_attendance > baseline.expected_attendance + 0.05
    below = {(s.group_id, s.participant_id) for s in result.shortfalls}
    baseline_below = {(s.group_id, s.participant_id) for s in baseline.shortfalls}
    assert len(below) < len(baseline_below)
    assert len(result.shortfalls) < len(baseline.shortfalls)


def test_a_stop_during_the_search_returns_quickly_with_a_valid_schedule() -> None:
    problem = generate_problem(SMALL)
    began = clock.perf_counter()
    result = solve(problem, time_limit=30, should_stop=lambda: clock.perf_counter() - began > 3)
    assert result.status == "cancelled"
    assert clock.perf_counter() - began < 7
    assert result.violations == ()
    assert len(result.sessions) == sum(m.sessions for g in problem.groups for m in g.modules)


def test_ramadan_weeks_are_repaired_without_midday_cooking() -> None:
    # four weeks from 1 February 2027: Ramadan from 8 February (estimated), Imlek on 5-6 Feb
    problem = generate_problem(InstanceSpec(groups=2, members=6, modules=2, sessions=4, weeks=4,
                                            venues=2, facilitators=3, holiday_week=None,
                                            start=date(2027, 2, 1)))
    cal = problem.calendar
    assert any(cal.day(d.day).ramadan for d in cal.days())
    result = solve(problem, time_limit=3)
    assert result.violations == ()
    cooking = {m.module_id for g in problem.groups for m in g.modules if m.cooking}
    fasting = [s for s in result.sessions if cal.day(s.day).ramadan]
    assert fasting
    for s in fasting:
        assert s.end <= cal.day(s.day).closes
        if s.module_id in cooking:
            assert s.end <= time(11, 0) or s.start >= time(15, 0)
    _counts_add_up(problem, result)
