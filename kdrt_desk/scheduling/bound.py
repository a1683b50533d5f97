"""Baseline (b), the upper bound of ``problem.py``: the expected attendance when each group's
sessions sit at that group's own best dated slots, keeping the rules of the group alone (the
calendar: holidays, closures, hours, prayer windows, Ramadan cooking; at most two a day; no
overlap within the group or with its fixed sessions; a venue with the features and room its
modules need, open then) and ignoring every clash with other groups over venues and
facilitators (and the facilitators themselves).

Each group is one small CP-SAT model; when it is not solved to optimality in time the solver's
proven objective bound is used, so the figure stays an upper bound either way.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import Any

from kdrt_desk.scheduling.problem import MAX_SESSIONS_PER_GROUP_DAY, GroupNeed, Problem
from kdrt_desk.scheduling.slots import (
    SCALE,
    attendance,
    calendar_starts,
    in_period,
    minutes_of,
    overlaps,
    remaining,
    suitable_venues,
    term_days,
    venue_open,
)


def group_bound(problem: Problem, group: GroupNeed, time_limit: float = 10.0) -> tuple[float,
                                                                                       int]:
    """(the largest sum of can-attend shares its new sessions can reach, how many are placed)."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    fixed = [s for s in problem.fixed if s.group_id == group.group_id]
    ticks = sorted({minutes_of(t) for t in problem.start_times})
    cover: dict[tuple[date, int], list[Any]] = defaultdict(list)
    per_day: dict[date, list[Any]] = defaultdict(list)
    terms = []
    total = 0
    for module in group.modules:
        left = remaining(problem, group, module)
        if left <= 0:
            continue
        venues = suitable_venues(problem, group, module)
        chosen = []
        for day in term_days(problem):
            if not in_period(group, day):
                continue
            busy = [(s.start, s.end) for s in fixed if s.day == day]
            for start, end in calendar_starts(problem, module, day):
                if any(overlaps(b, (start, end)) for b in busy):
                    continue
                if not any(venue_open(v, day, start, end) for v in venues):
                    continue
                var = model.new_bool_var("")
                chosen.append(var)
                terms.append(var * math.ceil(attendance(group, day, start, end) * SCALE))
                per_day[day].append(var)
                for t in ticks:
                    if minutes_of(start) <= t < minutes_of(end):
                        cover[(day, t)].append(var)
        if chosen:
            model.add(sum(chosen) <= left)
            total += min(left, len(chosen))
    for vars_ in cover.values():
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for when, vars_ in per_day.items():
        room = MAX_SESSIONS_PER_GROUP_DAY - sum(1 for s in fixed if s.day == when)
        model.add(sum(vars_) <= room)
    if not terms:
        return 0.0, 0
    # most sessions placed first (as the solver does), then the best attendance
    placed = model.new_int_var(0, total, "placed")
    model.add(placed == sum(v for vs in per_day.values() for v in vs))
    model.maximize(sum(terms) + placed * (SCALE * 10_000))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 8
    status = solver.solve(model)
    if status == cp_model.OPTIMAL:
        count = int(solver.value(placed))
        return (solver.objective_value - count * SCALE * 10_000) / SCALE, count
    if status != cp_model.FEASIBLE:
        return 0.0, 0
    count = int(solver.value(placed))
    return min(float(count), (solver.best_objective_bound - count * SCALE * 10_000) / SCALE), count


def upper_bound(problem: Problem, time_limit: float = 10.0) -> float:
    """The mean over all sessions (fixed ones included) of can-attend at the best slots."""
    total_share = sum(attendance(g, s.day, s.start, s.end)
                      for s in problem.fixed for g in problem.groups
                      if g.group_id == s.group_id)
    count = len(problem.fixed)
    for group in problem.groups:
        share, placed = group_bound(problem, group, time_limit)
        total_share += share
        count += placed
    return total_share / count if count else 0.0


def venue_bound(problem: Problem, time_limit: float = 20.0) -> float | None:
    """A tighter figure for the benchmarks (not the contract's bound): the best expected
    attendance when the groups also share the venues (no venue double-booked, features and
    capacity kept), still ignoring facilitators and the same-slot-each-week goal. One dated
    CP-SAT model over every group; its proven objective bound is used when not optimal, and
    None is returned when CP-SAT proves nothing in time (a large term is too big for it)."""
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    ticks = sorted({minutes_of(t) for t in problem.start_times})
    cover: dict[tuple[str, int, date, int], list[Any]] = defaultdict(list)
    per_day: dict[tuple[int, date], list[Any]] = defaultdict(list)
    terms = []
    total = 0
    for f in problem.fixed:
        group = next((g for g in problem.groups if g.group_id == f.group_id), None)
        if group is not None:
            total += 1
    busy = defaultdict(list)
    for f in problem.fixed:
        busy[("g", f.group_id, f.day)].append((f.start, f.end))
        if f.venue_id is not None:
            busy[("v", f.venue_id, f.day)].append((f.start, f.end))
    for group in problem.groups:
        for module in group.modules:
            left = remaining(problem, group, module)
            chosen = []
            for day in term_days(problem):
                if not in_period(group, day):
                    continue
                for start, end in calendar_starts(problem, module, day):
                    if any(overlaps(b, (start, end)) for b in busy[("g", group.group_id, day)]):
                        continue
                    share = math.ceil(attendance(group, day, start, end) * SCALE)
                    for venue in suitable_venues(problem, group, module):
                        if not venue_open(venue, day, start, end) or any(
                                overlaps(b, (start, end))
                                for b in busy[("v", venue.venue_id, day)]):
                            continue
                        var = model.new_bool_var("")
                        chosen.append(var)
                        terms.append(var * share)
                        per_day[(group.group_id, day)].append(var)
                        for t in ticks:
                            if minutes_of(start) <= t < minutes_of(end):
                                cover[("g", group.group_id, day, t)].append(var)
                                cover[("v", venue.venue_id, day, t)].append(var)
            if chosen and left:
                model.add(sum(chosen) <= left)
                total += left
    for vars_ in cover.values():
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for (gid, day), vars_ in per_day.items():
        held = len(busy[("g", gid, day)])
        model.add(sum(vars_) <= MAX_SESSIONS_PER_GROUP_DAY - held)
    fixed_share = sum(attendance(g, f.day, f.start, f.end) for f in problem.fixed
                      for g in problem.groups if g.group_id == f.group_id)
    model.maximize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 8
    status = solver.solve(model)
    if not total:
        return 0.0  # nothing can be placed at all
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    best = solver.objective_value if status == cp_model.OPTIMAL else solver.best_objective_bound
    return min(1.0, (fixed_share + best / SCALE) / total)
