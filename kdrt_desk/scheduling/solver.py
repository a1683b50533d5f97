"""The term's schedule, by CP-SAT in two stages.

1. TEMPLATE: each group's modules get weekly slots (weekday + start, venue, facilitator), the
   same every week, chosen optimally for the soft goals (attendance, every member reaching the
   module's minimum, the usual venue, a venue near the members, childcare, no idle gaps) under
   the weekly hard rules (no overlap for a group, venue or facilitator; two a day per group; the
   facilitator's hours and day and week limits; capacity and features).
2. REPAIR: the template is laid onto the dates; where a holiday, closure, Ramadan day, a
   facilitator's day away or a fixed session breaks it, the sessions that did not fit are placed
   by a second CP-SAT model over the dated free slots (keeping their usual start, weekday and
   venue where it can), and whatever is still left by first fit.

``solve`` never raises on an impossible problem: it returns the best schedule that keeps every
hard rule, with ``unplaced`` and the explanations. OR-Tools is imported inside the functions.
"""

from __future__ import annotations

import threading
import time as clock
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from kdrt_desk.scheduling.greedy import greedy_sessions
from kdrt_desk.scheduling.problem import (
    MAX_SESSIONS_PER_GROUP_DAY,
    GroupNeed,
    ModuleNeed,
    PlacedSession,
    Problem,
    ScheduleResult,
)
from kdrt_desk.scheduling.slots import (
    SCALE,
    Occupancy,
    attendance,
    build_result,
    calendar_starts,
    childcare_need,
    facilitator_free,
    fixed_facilitator,
    fixed_placed,
    member_can,
    minutes_of,
    near_share,
    needed_sessions,
    new_session,
    overlaps,
    plus,
    qualified_facilitators,
    remaining,
    suitable_venues,
    term_days,
    venue_open,
    week_index,
)

PLACE = 200 * SCALE  # placing a session outweighs every soft goal of it
REPAIR_COST = 2 * SCALE  # what a session the template cannot hold costs when repaired
MAX_VENUES = 3  # candidate venues per group and module (the best for it)
MAX_FACILITATORS = 3  # candidate facilitators per group and module (least loaded first)
MAX_REPAIR_OPTIONS = 400  # dated options per broken module in the repair model
WORKERS = 8
TEMPLATE_SHARE = 0.4  # of the time limit for the whole weekly template
BIG_TEMPLATE = 6000  # weekly slot variables above which the whole model is only tried briefly
BIG_TEMPLATE_SHARE = 0.15  # (its presolve alone takes seconds: LNS does better there)
LNS_SHARE = 0.85  # the template is improved by LNS until this share of the time limit
LNS_GROUPS = 3  # groups re-solved together in one LNS step
LNS_STEP = 3.0  # seconds per LNS step

Progress = Callable[[ScheduleResult], None]
Stop = Callable[[], bool]


@dataclass(frozen=True)
class Weekly:
    """One weekly slot of a group's module in the template."""

    weekday: int
    start: time
    venue_id: int


@dataclass
class Template:
    slots: dict[tuple[int, int], list[Weekly]] = field(default_factory=dict)
    facilitator: dict[tuple[int, int], int] = field(default_factory=dict)


@dataclass
class _Need:
    group: GroupNeed
    module: ModuleNeed
    left: int
    per_week: int
    venues: list[int]
    facs: list[int]


def _venue_score(problem: Problem, group: GroupNeed, venue_id: int) -> float:
    """The soft goals a venue carries per session, in SCALE units."""
    w = problem.weights
    venue = next(v for v in problem.venues if v.venue_id == venue_id)
    score = w.near * 0.2 * near_share(problem, venue, group)
    if not venue.childcare:
        score -= w.childcare * 0.2 * childcare_need(group)
    if group.venue_id is not None and venue_id != group.venue_id:
        score -= w.same_venue * 0.2
    return score * SCALE


def _needs(problem: Problem) -> list[_Need]:
    weeks = {week_index(problem, d) for d in term_days(problem)}
    load: dict[int, int] = defaultdict(int)
    needs = []
    for group in problem.groups:
        for module in group.modules:
            left = remaining(problem, group, module)
            if left <= 0:
                continue
            venues = sorted((v.venue_id for v in suitable_venues(problem, group, module)),
                            key=lambda v: -_venue_score(problem, group, v))[:MAX_VENUES]
            forced = fixed_facilitator(problem, group, module)
            facs = [f.facilitator_id for f in qualified_facilitators(problem, group, module)
                    if forced is None or f.facilitator_id == forced]
            facs = sorted(facs, key=lambda f: (load[f], f))[:MAX_FACILITATORS]
            if facs:
                load[facs[0]] += left
            per_week = max(1, -(-left // max(1, len(weeks))))
            needs.append(_Need(group, module, left, min(per_week, 2 * 7), venues, facs))
    return needs


def _dates_by_weekday(problem: Problem) -> dict[int, list[date]]:
    found: dict[int, list[date]] = defaultdict(list)
    for d in term_days(problem):
        found[d.weekday()].append(d)
    return found


@dataclass
class _Taken:
    """Weekly venue and facilitator time the other groups' template holds (for the LNS)."""

    busy: dict[tuple[str, int, int], list[tuple[time, time]]] = field(
        default_factory=lambda: defaultdict(list))
    fac_day: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    fac_week: dict[int, int] = field(default_factory=lambda: defaultdict(int))

    def free(self, kind: str, key: int, wd: int, start: time, end: time) -> bool:
        return not any(overlaps(b, (start, end)) for b in self.busy.get((kind, key, wd), []))


def _taken_by(template: Template, needs: list[_Need], groups: set[int]) -> _Taken:
    """What ``template`` books for the groups not in ``groups``."""
    taken = _Taken()
    minutes = {(n.group.group_id, n.module.module_id): n.module.minutes for n in needs}
    for (g, m), slots in template.slots.items():
        if g in groups:
            continue
        fac = template.facilitator.get((g, m))
        for slot in slots:
            end = plus(slot.start, minutes[(g, m)])
            if end is None:
                continue
            taken.busy[("v", slot.venue_id, slot.weekday)].append((slot.start, end))
            if fac is not None:
                taken.busy[("f", fac, slot.weekday)].append((slot.start, end))
                taken.fac_day[(fac, slot.weekday)] += 1
                taken.fac_week[fac] += 1
    return taken


def _template_model(problem: Problem, needs: list[_Need],
                    taken: _Taken | None = None) -> tuple[Any, dict[str, Any]]:
    """The weekly model: (model, handles for reading a solution). With ``taken`` only
    ``needs`` are placed, around what other groups hold (one LNS step)."""
    from ortools.sat.python import cp_model

    taken = taken or _Taken()

    model = cp_model.CpModel()
    w = problem.weights
    by_weekday = _dates_by_weekday(problem)
    ticks = sorted({minutes_of(t) for t in problem.start_times})
    facs = {f.facilitator_id: f for f in problem.facilitators}
    venues = {v.venue_id: v for v in problem.venues}
    memo: dict[tuple[int, tuple[date, ...], time, time], tuple[float, dict[int, float]]] = {}

    def sums(group: GroupNeed, dates: tuple[date, ...], start: time,
             end: time) -> tuple[float, dict[int, float]]:
        """(summed attendance, each member's summed can-attend) over ``dates``."""
        key = (group.group_id, dates, start, end)
        if key not in memo:
            per = {m.participant_id: sum(member_can(m, d, start, end) for d in dates)
                   for m in group.members}
            total = (sum(per.values()) / len(per)) if per else float(len(dates))
            memo[key] = (total, per)
        return memo[key]

    valid_memo: dict[tuple[int, time, time, bool], list[date]] = {}
    cands: list[tuple[_Need, int, time, time, int, list[int], float]] = []
    terms: list[Any] = []
    x: dict[tuple[int, int, int, time, int], Any] = {}  # (g, m, wd, start, venue)
    z: dict[tuple[int, int, int, time, int], Any] = {}  # (g, m, wd, start, fac)
    y: dict[tuple[int, int, int], Any] = {}
    group_cover: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    venue_cover: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    fac_cover: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    group_day: dict[tuple[int, int], list[Any]] = defaultdict(list)
    fac_day: dict[tuple[int, int], list[Any]] = defaultdict(list)
    starts_at: dict[tuple[int, int, int], list[Any]] = defaultdict(list)
    ends_at: dict[tuple[int, int], list[tuple[int, Any]]] = defaultdict(list)
    for need in needs:
        g, m = need.group.group_id, need.module.module_id
        for f in need.facs:
            y[(g, m, f)] = model.new_bool_var(f"y{g}_{m}_{f}")
        if need.facs:
            model.add(sum(y[(g, m, f)] for f in need.facs) <= 1)
        uses = max(1, -(-need.left // need.per_week))  # dates each weekly slot is used
        member_terms: dict[int, list[Any]] = defaultdict(list)
        chosen: list[Any] = []
        for wd, days in by_weekday.items():
            for start in problem.start_times:
                end = plus(start, need.module.minutes)
                if end is None:
                    continue
                shape = (wd, start, end, need.module.cooking)
                if shape not in valid_memo:
                    valid_memo[shape] = [d for d in days if problem.calendar.day(d).conflict(
                        start, end, cooking=need.module.cooking) is None]
                valid = valid_memo[shape]
                if not valid:
                    continue
                fac_ok = [f for f in need.facs if taken.free("f", f, wd, start, end)
                          and any(facilitator_free(facs[f], d, start, end) for d in valid)]
                if not fac_ok:
                    continue
                slot_vars = []
                for v in need.venues:
                    if not taken.free("v", v, wd, start, end):
                        continue
                    dates = [d for d in valid if venue_open(venues[v], d, start, end)][:uses]
                    if not dates:
                        continue
                    var = model.new_bool_var(f"x{g}_{m}_{wd}_{start}_{v}")
                    x[(g, m, wd, start, v)] = var
                    slot_vars.append(var)
                    att, member_cans = sums(need.group, tuple(dates), start, end)
                    count = len(dates)
                    # a date the slot loses is repaired elsewhere, at some cost
                    terms.append(var * int(PLACE + count * REPAIR_COST
                                           + w.attendance * att * SCALE
                                           + count * _venue_score(problem, need.group, v)))
                    cands.append((need, wd, start, end, v, fac_ok, att))
                    for pid, can in member_cans.items():
                        if can:
                            member_terms[pid].append(var * int(can * 2))
                    venue_cover_key = (v, wd)
                    s0, e0 = minutes_of(start), minutes_of(end)
                    for t in ticks:
                        if s0 <= t < e0:
                            venue_cover[(venue_cover_key[0], wd, t)].append(var)
                if not slot_vars:
                    continue
                chosen.extend(slot_vars)
                fac_vars = []
                for f in fac_ok:
                    zv = model.new_bool_var(f"z{g}_{m}_{wd}_{start}_{f}")
                    z[(g, m, wd, start, f)] = zv
                    model.add_implication(zv, y[(g, m, f)])
                    fac_vars.append(zv)
                    fac_day[(f, wd)].append(zv)
                    s0, e0 = minutes_of(start), minutes_of(end)
                    for t in ticks:
                        if s0 <= t < e0:
                            fac_cover[(f, wd, t)].append(zv)
                model.add(sum(slot_vars) == sum(fac_vars))
                s0, e0 = minutes_of(start), minutes_of(end)
                for t in ticks:
                    if s0 <= t < e0:
                        group_cover[(g, wd, t)].extend(slot_vars)
                group_day[(g, wd)].extend(slot_vars)
                starts_at[(g, wd, s0)].extend(slot_vars)
                ends_at[(g, wd)].append((e0, slot_vars))
        model.add(sum(chosen) <= need.per_week)
        # every member able to reach the module's minimum (over the dates the template uses)
        held = [s for s in problem.fixed
                if s.group_id == g and s.module_id == m]
        for member in need.group.members:
            got = sum(member_can(member, s.day, s.start, s.end) for s in held)
            want = needed_sessions(need.module) - got
            if want <= 0 or not member_terms[member.participant_id] or w.minimum == 0:
                continue
            ok = model.new_bool_var(f"ok{g}_{m}_{member.participant_id}")
            model.add(sum(member_terms[member.participant_id]) >= int(want * 2)).only_enforce_if(
                ok)
            terms.append(ok * int(w.minimum * SCALE * 0.6))
    for cover in (group_cover, venue_cover, fac_cover):
        for vars_ in cover.values():
            if len(vars_) > 1:
                model.add_at_most_one(vars_)
    for vars_ in group_day.values():
        if len(vars_) > MAX_SESSIONS_PER_GROUP_DAY:
            model.add(sum(vars_) <= MAX_SESSIONS_PER_GROUP_DAY)
    for (f, wd), vars_ in fac_day.items():
        limit = facs[f].max_per_day
        if limit is not None and len(vars_) > limit - taken.fac_day.get((f, wd), 0):
            model.add(sum(vars_) <= limit - taken.fac_day.get((f, wd), 0))
    for f, fac in facs.items():
        if fac.max_per_week is not None:
            week = [v for (ff, _wd), vs in fac_day.items() if ff == f for v in vs]
            room = fac.max_per_week - taken.fac_week.get(f, 0)
            if len(week) > room:
                model.add(sum(week) <= room)
    # no idle gaps: two sessions of a group on a weekday should be back to back
    if w.no_gaps:
        weeks = max(1, len({week_index(problem, d) for d in term_days(problem)}))
        for (g, wd), vars_ in group_day.items():
            if len(vars_) < 2:
                continue
            two = model.new_bool_var(f"two{g}_{wd}")
            model.add(sum(vars_) - 1 <= two)
            adjacent = []
            for (gg, wwd, s0), starting in starts_at.items():
                if gg != g or wwd != wd:
                    continue
                ending = [v for e0, vs in ends_at[(g, wd)] if s0 - 30 <= e0 <= s0 for v in vs]
                if not ending:
                    continue
                a = model.new_bool_var(f"adj{g}_{wd}_{s0}")
                model.add(a <= sum(starting))
                model.add(a <= sum(ending))
                adjacent.append(a)
            adj = model.new_bool_var(f"adjany{g}_{wd}")
            model.add(adj <= two)
            model.add(adj <= sum(adjacent)) if adjacent else model.add(adj == 0)
            terms.append((adj - two) * int(w.no_gaps * SCALE * 0.3 * weeks))
    model.maximize(sum(terms))
    return model, {"x": x, "z": z, "y": y, "cands": cands}


def _quick_template(problem: Problem, needs: list[_Need], handles: dict[str, Any]) -> Template:
    """A weekly template by first fit on the best candidates (the solver's hint and the first
    schedule shown): the most constrained module first, each weekly slot the best one left."""
    facs = {f.facilitator_id: f for f in problem.facilitators}
    by_need: dict[int, list[tuple[float, int, time, time, int, list[int]]]] = defaultdict(list)
    for need, wd, start, end, v, fac_ok, att in handles["cands"]:
        value = att * problem.weights.attendance + _venue_score(problem, need.group, v) / SCALE
        by_need[id(need)].append((value, wd, start, end, v, fac_ok))
    busy: dict[tuple[str, int, int], list[tuple[time, time]]] = defaultdict(list)
    fac_week: dict[int, int] = defaultdict(int)
    template = Template()
    for need in sorted(needs, key=lambda n: len(by_need[id(n)])):
        g, m = need.group.group_id, need.module.module_id
        options = sorted(by_need[id(need)], key=lambda o: (-o[0], o[1], o[2]))
        for _ in range(need.per_week):
            for _value, wd, start, end, v, fac_ok in options:
                span = (start, end)
                group_busy = busy[("g", g, wd)]
                if len(group_busy) >= MAX_SESSIONS_PER_GROUP_DAY or any(
                        overlaps(b, span) for b in group_busy + busy[("v", v, wd)]):
                    continue
                chosen = template.facilitator.get((g, m))
                fac = next((f for f in fac_ok if (chosen is None or f == chosen)
                            and not any(overlaps(b, span) for b in busy[("f", f, wd)])
                            and len(busy[("f", f, wd)]) < _limit(facs[f].max_per_day)
                            and fac_week[f] < _limit(facs[f].max_per_week)), None)
                if fac is None:
                    continue
                for key in (("g", g, wd), ("v", v, wd), ("f", fac, wd)):
                    busy[key].append(span)
                fac_week[fac] += 1
                template.slots.setdefault((g, m), []).append(Weekly(wd, start, v))
                template.facilitator[(g, m)] = fac
                break
    return template


def _limit(value: int | None) -> int:
    return 10**6 if value is None else value


def _hint(model: Any, handles: dict[str, Any], template: Template) -> None:
    picked = {(g, m, s.weekday, s.start, s.venue_id)
              for (g, m), slots in template.slots.items() for s in slots}
    for key, var in handles["x"].items():
        model.add_hint(var, key in picked)
    starts = {(g, m, s.weekday, s.start) for (g, m), slots in template.slots.items()
              for s in slots}
    for (g, m, wd, start, f), var in handles["z"].items():
        model.add_hint(var, (g, m, wd, start) in starts and template.facilitator.get((g, m)) == f)
    for (g, m, f), var in handles["y"].items():
        model.add_hint(var, template.facilitator.get((g, m)) == f)


def _values(solver: Any) -> Callable[[Any], int]:
    """A solved model's value of each variable, as ``_read_template`` reads them."""
    return lambda var: int(solver.value(var))


def _read_template(values: Callable[[Any], int], handles: dict[str, Any]) -> Template:
    template = Template()
    for (g, m, wd, start, v), var in handles["x"].items():
        if values(var):
            template.slots.setdefault((g, m), []).append(Weekly(wd, start, v))
    for (g, m, _wd, _start, f), var in handles["z"].items():
        if values(var):
            template.facilitator[(g, m)] = f
    return template


def _realise(problem: Problem, needs: list[_Need], template: Template,
             occ: Occupancy) -> tuple[list[PlacedSession], dict[tuple[int, int], int]]:
    """The template on the dates, chronologically: (sessions, (g, m) -> sessions left)."""
    placed: list[PlacedSession] = []
    left = {(n.group.group_id, n.module.module_id): n.left for n in needs}
    by_key = {(n.group.group_id, n.module.module_id): n for n in needs}
    weekly: dict[int, list[tuple[time, tuple[int, int], Weekly]]] = defaultdict(list)
    for key, slots in template.slots.items():
        for slot in slots:
            weekly[slot.weekday].append((slot.start, key, slot))
    for items in weekly.values():
        items.sort(key=lambda item: (item[0], item[1]))
    for day in term_days(problem):
        for start, key, slot in weekly.get(day.weekday(), []):
            fac = template.facilitator.get(key)
            if left[key] <= 0 or fac is None:
                continue
            need = by_key[key]
            end = plus(start, need.module.minutes)
            if end is None or problem.calendar.day(day).conflict(
                    start, end, cooking=need.module.cooking) is not None:
                continue
            if occ.fits(need.group, need.module, day, start, end, slot.venue_id, fac):
                occ.book(key[0], key[1], day, start, end, slot.venue_id, fac)
                placed.append(new_session(need.group, need.module, day, start, end,
                                          slot.venue_id, fac))
                left[key] -= 1
    return placed, left


def _option_score(problem: Problem, need: _Need, template: Template, day: date, start: time,
                  end: time, venue_id: int) -> float:
    """Soft value of a dated repair option (SCALE units): attendance, its usual slot, venue."""
    w = problem.weights
    score = w.attendance * attendance(need.group, day, start, end) * SCALE
    usual = template.slots.get((need.group.group_id, need.module.module_id), [])
    if any(u.start == start for u in usual):
        score += w.same_slot * 0.2 * SCALE
    if any(u.weekday == day.weekday() for u in usual):
        score += w.same_slot * 0.1 * SCALE
    return score + _venue_score(problem, need.group, venue_id)


def _options(problem: Problem, need: _Need, template: Template, occ: Occupancy,
             days: list[date]) -> list[tuple[float, date, time, time, int, int]]:
    key = (need.group.group_id, need.module.module_id)
    fac = template.facilitator.get(key) or occ.module_fac.get(key)
    facs = [fac] if fac is not None else need.facs
    found = []
    for day in days:
        for start, end in calendar_starts(problem, need.module, day):
            for v in need.venues:
                for f in facs:
                    if occ.fits(need.group, need.module, day, start, end, v, f):
                        found.append((_option_score(problem, need, template, day, start, end,
                                                    v), day, start, end, v, f))
    found.sort(key=lambda o: -o[0])
    return found[:MAX_REPAIR_OPTIONS]


def _repair(problem: Problem, needs: list[_Need], template: Template, occ: Occupancy,
            left: dict[tuple[int, int], int], time_limit: float,
            stopper: _Stopper) -> tuple[list[PlacedSession], bool]:
    """Place what the template left, by CP-SAT over the dated free slots: (sessions, optimal)."""
    broken = [n for n in needs if left[(n.group.group_id, n.module.module_id)] > 0]
    if not broken or time_limit <= 0:
        return [], True
    from ortools.sat.python import cp_model

    days = term_days(problem)
    model = cp_model.CpModel()
    ticks = sorted({minutes_of(t) for t in problem.start_times})
    facs = {f.facilitator_id: f for f in problem.facilitators}
    chosen: list[tuple[Any, _Need, tuple[float, date, time, time, int, int]]] = []
    cover: dict[tuple[str, int, date, int], list[Any]] = defaultdict(list)
    group_day: dict[tuple[int, date], list[Any]] = defaultdict(list)
    fac_day: dict[tuple[int, date], list[Any]] = defaultdict(list)
    fac_week: dict[tuple[int, tuple[int, int]], list[Any]] = defaultdict(list)
    terms = []
    for need in broken:
        key = (need.group.group_id, need.module.module_id)
        options = _options(problem, need, template, occ, days)
        item_vars = []
        pick: dict[int, Any] = {}
        for i, option in enumerate(options):
            score, day, start, end, v, f = option
            var = model.new_bool_var(f"r{key}_{i}")
            item_vars.append(var)
            chosen.append((var, need, option))
            terms.append(var * int(PLACE + score))
            s0, e0 = minutes_of(start), minutes_of(end)
            for t in ticks:
                if s0 <= t < e0:
                    cover[("g", key[0], day, t)].append(var)
                    cover[("v", v, day, t)].append(var)
                    cover[("f", f, day, t)].append(var)
            group_day[(key[0], day)].append(var)
            fac_day[(f, day)].append(var)
            fac_week[(f, day.isocalendar()[:2])].append(var)
            if f not in pick:
                pick[f] = model.new_bool_var(f"p{key}_{f}")
            model.add_implication(var, pick[f])
        if len(pick) > 1:
            model.add_at_most_one(pick.values())
        if item_vars:
            model.add(sum(item_vars) <= left[key])
    for vars_ in cover.values():
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for (g, day), vars_ in group_day.items():
        room = MAX_SESSIONS_PER_GROUP_DAY - len(occ.group_busy.get((g, day), []))
        model.add(sum(vars_) <= room)
    for (f, day), vars_ in fac_day.items():
        per_day = facs[f].max_per_day
        if per_day is not None:
            model.add(sum(vars_) <= per_day - len(occ.fac_busy.get((f, day), [])))
    for (f, week), vars_ in fac_week.items():
        per_week = facs[f].max_per_week
        if per_week is not None:
            model.add(sum(vars_) <= per_week - occ.fac_week.get((f, week), 0))
    model.maximize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = WORKERS
    status = stopper.run(solver, model)
    placed: list[PlacedSession] = []
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return placed, False
    for var, need, (_score, day, start, end, v, f) in chosen:
        if solver.value(var):
            key = (need.group.group_id, need.module.module_id)
            occ.book(key[0], key[1], day, start, end, v, f)
            placed.append(new_session(need.group, need.module, day, start, end, v, f))
            left[key] -= 1
    return placed, status == cp_model.OPTIMAL


def _fill(problem: Problem, needs: list[_Need], template: Template, occ: Occupancy,
          left: dict[tuple[int, int], int]) -> list[PlacedSession]:
    """Whatever is still left, best option first (first fit on the soft score)."""
    placed = []
    days = term_days(problem)
    for need in needs:
        key = (need.group.group_id, need.module.module_id)
        while left[key] > 0:
            options = _options(problem, need, template, occ, days)
            if not options:
                break
            _score, day, start, end, v, f = options[0]
            occ.book(key[0], key[1], day, start, end, v, f)
            placed.append(new_session(need.group, need.module, day, start, end, v, f))
            left[key] -= 1
    return placed


def _schedule(problem: Problem, needs: list[_Need], template: Template, repair_limit: float,
              stopper: _Stopper | None) -> tuple[list[PlacedSession], bool]:
    occ = Occupancy(problem)
    sessions = fixed_placed(problem)
    realised, left = _realise(problem, needs, template, occ)
    sessions += realised
    optimal = True
    if stopper is not None:
        repaired, optimal = _repair(problem, needs, template, occ, left, repair_limit, stopper)
        sessions += repaired
    sessions += _fill(problem, needs, template, occ, left)
    return sessions, optimal


def _score(problem: Problem, result: ScheduleResult) -> tuple[int, float]:
    """What "better" means between two valid schedules: more sessions placed, then the soft
    goals as the template weighs them (attendance summed over sessions, each member and
    module below the minimum)."""
    w = problem.weights
    placed = len(result.sessions)
    soft = (w.attendance * result.expected_attendance * placed
            - w.minimum * 0.6 * len(result.shortfalls))
    return placed, round(soft, 6)


def _improve(problem: Problem, needs: list[_Need], template: Template, until: float,
             stopper: _Stopper, offer: Callable[[list[PlacedSession], str], None]) -> Template:
    """Large neighbourhood search on the weekly template: a few groups at a time are freed
    and re-solved around what the others hold; a move is kept when the dated schedule it
    gives (repaired by first fit) is at least as good."""
    import random

    from ortools.sat.python import cp_model

    rng = random.Random(2026)
    groups = sorted({n.group.group_id for n in needs})
    if len(groups) < 2:
        return template

    def realised(t: Template) -> tuple[list[PlacedSession], tuple[int, float]]:
        sessions = _schedule(problem, needs, t, 0, None)[0]
        return sessions, _score(problem, build_result(problem, sessions, "feasible", 0.0))

    _sessions, current = realised(template)
    while not stopper.poll() and clock.perf_counter() < until - 0.5:
        # random groups (tried against "a group and the rivals for its venues": no better)
        picked = set(rng.sample(groups, min(LNS_GROUPS, len(groups))))
        part = [n for n in needs if n.group.group_id in picked]
        model, handles = _template_model(problem, part, _taken_by(template, needs, picked))
        _hint(model, handles, Template(
            {k: v for k, v in template.slots.items() if k[0] in picked},
            {k: v for k, v in template.facilitator.items() if k[0] in picked}))
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = min(LNS_STEP, until - clock.perf_counter())
        solver.parameters.num_workers = WORKERS
        status = stopper.run(solver, model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            continue
        moved = _read_template(_values(solver), handles)
        merged = Template({k: v for k, v in template.slots.items() if k[0] not in picked},
                          {k: v for k, v in template.facilitator.items() if k[0] not in picked})
        merged.slots.update(moved.slots)
        merged.facilitator.update(moved.facilitator)
        sessions, score = realised(merged)
        if score >= current:
            if score > current:
                offer(sessions, "feasible")
            template, current = merged, score
    return template


class _Stopper:
    """Runs CP-SAT with a timer thread that calls ``StopSearch`` when ``should_stop()``."""

    def __init__(self, should_stop: Stop | None) -> None:
        self.should_stop = should_stop
        self.stopped = False

    def poll(self) -> bool:
        if self.should_stop is not None and self.should_stop():
            self.stopped = True
        return self.stopped

    def run(self, solver: Any, model: Any, callback: Any = None) -> Any:
        if self.poll():
            from ortools.sat.python import cp_model

            return cp_model.UNKNOWN
        done = threading.Event()

        def watch() -> None:
            while not done.wait(0.05):
                if self.poll():
                    solver.stop_search()
                    return

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            return solver.solve(model, callback) if callback is not None else solver.solve(
                model)
        finally:
            done.set()
            watcher.join()


def solve(problem: Problem, time_limit: float = 30.0, on_progress: Progress | None = None,
          should_stop: Stop | None = None) -> ScheduleResult:
    """The best schedule found within ``time_limit`` seconds (see the module docstring).

    ``on_progress(result)`` gets each improving valid schedule (first fit at once, then the
    quick weekly template, then CP-SAT's templates and the repaired final one); it is called
    from the calling thread and from CP-SAT's solution-callback thread, so a UI must hand the
    result over to its own thread. Each is checked by ``verify`` first and only a better one
    (more sessions placed, then ``_score``) is passed on. ``should_stop()`` is polled (every
    50 ms while CP-SAT runs, by a timer thread that calls ``stop_search``) and, when it says
    so, the best schedule so far is returned with status "cancelled". Status "optimal" means
    both stages were solved to optimality (the weekly template and the repair), not that the
    dated schedule is the global optimum; "partial" that some sessions are unplaced."""
    from ortools.sat.python import cp_model

    from kdrt_desk.scheduling.explain import explain, precheck

    began = clock.perf_counter()
    deadline = began + time_limit
    stopper = _Stopper(should_stop)
    notes = precheck(problem)
    best: list[ScheduleResult] = []
    lock = threading.Lock()

    def offer(sessions: list[PlacedSession], status: str, ties: bool = False) -> None:
        result = build_result(problem, sessions, status, clock.perf_counter() - began)
        if result.violations:
            return
        with lock:
            if best and (_score(problem, result) < _score(problem, best[0]) or (
                    not ties and _score(problem, result) == _score(problem, best[0]))):
                return
            best[:] = [result]
        if on_progress is not None:
            on_progress(result)

    offer(greedy_sessions(problem), "feasible")
    needs = _needs(problem)
    model, handles = _template_model(problem, needs)
    quick = _quick_template(problem, needs, handles)
    offer(_schedule(problem, needs, quick, 0, None)[0], "feasible")
    _hint(model, handles, quick)
    solver = cp_model.CpSolver()
    share = TEMPLATE_SHARE if len(handles["x"]) <= BIG_TEMPLATE else BIG_TEMPLATE_SHARE
    solver.parameters.max_time_in_seconds = max(0.5, (deadline - clock.perf_counter()) * share)
    solver.parameters.num_workers = WORKERS
    last = [0.0]

    class Watch(cp_model.CpSolverSolutionCallback):  # type: ignore[misc]
        def on_solution_callback(self) -> None:
            if stopper.poll():
                self.stop_search()
                return
            now = clock.perf_counter()
            if now - last[0] < 0.5:
                return
            last[0] = now
            template = _read_template(lambda v: int(self.value(v)), handles)
            offer(_schedule(problem, needs, template, 0, None)[0], "feasible")

    status = stopper.run(solver, model, Watch())
    template_optimal = status == cp_model.OPTIMAL
    template = quick
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        template = _read_template(lambda v: int(solver.value(v)), handles)
    if not stopper.stopped:  # even an optimal template can give a better dated schedule
        improved = _improve(problem, needs, template, began + time_limit * LNS_SHARE, stopper,
                            offer)
        template_optimal = template_optimal and improved is template
        template = improved
    if not stopper.stopped:
        repair_limit = max(0.5, deadline - clock.perf_counter() - 0.5)
        sessions, repair_optimal = _schedule(problem, needs, template, repair_limit, stopper)
        offer(sessions, "optimal" if template_optimal and repair_optimal else "feasible",
              ties=True)
    with lock:  # nothing valid at all: only sessions that never move, with what they break
        final = best[0] if best else build_result(problem, fixed_placed(problem), "partial",
                                                  clock.perf_counter() - began)
    status_text = "cancelled" if stopper.stopped else final.status
    return build_result(problem, final.sessions, status_text, clock.perf_counter() - began,
                        explain(problem, final, notes))
