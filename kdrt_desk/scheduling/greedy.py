"""Baseline (a), first fit: each group in turn, each module in the group's order, each session
in the first (date, start, venue, facilitator) that keeps every hard rule. No soft goal is
looked at; the benchmarks measure the solver against it, and ``solve`` uses it as the schedule
to fall back on when nothing better is found in time."""

from __future__ import annotations

import time as clock

from kdrt_desk.scheduling.problem import PlacedSession, Problem, ScheduleResult
from kdrt_desk.scheduling.slots import (
    Occupancy,
    build_result,
    calendar_starts,
    fixed_facilitator,
    fixed_placed,
    new_session,
    qualified_facilitators,
    remaining,
    suitable_venues,
    term_days,
)


def greedy_sessions(problem: Problem) -> list[PlacedSession]:
    """The fixed sessions and the first-fit ones."""
    occ = Occupancy(problem)
    placed = fixed_placed(problem)
    days = term_days(problem)
    for group in problem.groups:
        for module in group.modules:
            left = remaining(problem, group, module)
            venues = sorted(suitable_venues(problem, group, module),
                            key=lambda v: (v.venue_id != group.venue_id, v.venue_id))
            forced = fixed_facilitator(problem, group, module)
            facs = [f.facilitator_id for f in qualified_facilitators(problem, group, module)
                    if forced is None or f.facilitator_id == forced]
            for day in days:
                if left == 0:
                    break
                for start, end in calendar_starts(problem, module, day):
                    if left == 0:
                        break
                    spot = next(((v.venue_id, f) for v in venues for f in facs
                                 if occ.fits(group, module, day, start, end, v.venue_id, f)),
                                None)
                    if spot is None:
                        continue
                    occ.book(group.group_id, module.module_id, day, start, end, *spot)
                    placed.append(new_session(group, module, day, start, end, *spot))
                    left -= 1
    return placed


def greedy(problem: Problem) -> ScheduleResult:
    began = clock.perf_counter()
    sessions = greedy_sessions(problem)
    return build_result(problem, sessions, "feasible", clock.perf_counter() - began)
