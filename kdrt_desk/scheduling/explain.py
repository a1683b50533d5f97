"""Why a schedule cannot meet every rule, in the admin's words (catalogue keys
``schedule.explain.*``, texts in ``i18n/catalog_schedule.py``). An ``Explanation`` carries its key
and plain parameters (names, counts, ISO dates, feature, rule and weekday codes): ``describe``
puts it into words when it is shown, so switching the language shows it in the new one.

``precheck`` counts before solving: a module needing a feature no venue has, a group larger than
every suitable venue, a module nobody may teach, a module longer than any free window, more
kitchen sessions than kitchen slots in the term, more sessions than a group's open days hold,
a module's sessions beyond what its facilitators' weekly limits allow, and a member whose
routine leaves too few slots to reach a module's minimum. ``explain`` adds, after solving, why
sessions stayed unplaced (the rule that blocks most of the module's free slots) and each member
below a module's minimum, with another group she could reach it in when there is one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, time

from kdrt_desk import i18n
from kdrt_desk.i18n.formatting import format_count
from kdrt_desk.scheduling.problem import (
    MAX_SESSIONS_PER_GROUP_DAY,
    Explanation,
    GroupNeed,
    Member,
    ModuleNeed,
    Problem,
    ScheduleResult,
)
from kdrt_desk.scheduling.slots import (
    Occupancy,
    calendar_starts,
    facilitator_free,
    first_day,
    in_period,
    member_can,
    minutes_of,
    needed_sessions,
    qualified_facilitators,
    remaining,
    suitable_venues,
    term_days,
    venue_open,
    week_index,
)

KITCHEN = "kitchen"


def _features(features: frozenset[str]) -> str:
    """Feature codes (``kitchen,sewing_machines``), put into words by ``describe``."""
    return ",".join(sorted(features))


def _free_windows(problem: Problem, day: date, cooking: bool) -> list[int]:
    """Minutes of each free stretch of ``day`` (between opening, prayer windows and closing)."""
    plan = problem.calendar.day(day)
    if plan.closed:
        return []
    blocked = sorted(list(plan.blocked) + (list(plan.cooking_blocked) if cooking else []),
                     key=lambda w: w.start)
    stretches, at = [], minutes_of(plan.opens)
    for window in blocked:
        if minutes_of(window.end) <= at:
            continue
        stop = min(minutes_of(window.start), minutes_of(plan.closes))
        if stop > at:
            stretches.append(stop - at)
        at = max(at, minutes_of(window.end))
    if minutes_of(plan.closes) > at:
        stretches.append(minutes_of(plan.closes) - at)
    return stretches


def _packed(ok: list[tuple[time, time]]) -> int:
    """How many sessions of ``module`` fit one after another on ``day`` in the slots ``ok``."""
    count, free_from = 0, time(0, 0)
    for start, end in sorted(ok):
        if start >= free_from:
            count += 1
            free_from = end
    return count


def _weekly_slots(problem: Problem, module: ModuleNeed) -> list[tuple[int, time, time,
                                                                      list[date]]]:
    """(weekday, start, end, dates) of each weekly slot the calendar allows at least once."""
    by_slot: dict[tuple[int, time, time], list[date]] = defaultdict(list)
    for day in term_days(problem):
        for start, end in calendar_starts(problem, module, day):
            by_slot[(day.weekday(), start, end)].append(day)
    return [(wd, s, e, days) for (wd, s, e), days in sorted(by_slot.items())]


def _member_best(problem: Problem, member: Member, module: ModuleNeed,
                 slots: list[tuple[int, time, time, list[date]]]) -> tuple[float, int, int]:
    """(sessions she could attend at most, weekly slots she can attend, weekly slots)."""
    free = sum(1 for _wd, s, e, days in slots
               if any(member_can(member, d, s, e) > 0 for d in days))
    per_day: dict[date, list[float]] = defaultdict(list)
    for _wd, s, e, days in slots:
        for d in days:
            per_day[d].append(member_can(member, d, s, e))
    values = sorted((v for vs in per_day.values()
                     for v in sorted(vs, reverse=True)[:MAX_SESSIONS_PER_GROUP_DAY]),
                    reverse=True)
    return sum(values[:module.sessions]), free, len(slots)


def precheck(problem: Problem) -> list[Explanation]:
    """What counting alone shows cannot be met, before any solving."""
    found: list[Explanation] = []
    days = term_days(problem)
    weeks = max(1, len({week_index(problem, d) for d in days}))
    modules: dict[int, tuple[ModuleNeed, list[GroupNeed]]] = {}
    for group in problem.groups:
        for module in group.modules:
            modules.setdefault(module.module_id, (module, []))[1].append(group)

    open_days = [d for d in days if not problem.calendar.day(d).closed]
    if modules and not open_days:
        return [Explanation("schedule.explain.no_open_days",
                            {"start": first_day(problem).isoformat(),
                             "end": problem.calendar.end.isoformat()})]
    for module, groups in modules.values():
        featured = [v for v in problem.venues if module.features <= v.features]
        if not featured:
            missing = module.features - frozenset().union(*(v.features for v in problem.venues))
            key = ("schedule.explain.no_kitchen" if KITCHEN in missing
                   else "schedule.explain.no_venue_features")
            found.append(Explanation(key, {"module": module.title, "groups": len(groups),
                                           "features": _features(missing or module.features)},
                                     resource=f"feature:{sorted(missing or module.features)[0]}"))
        longest = max((w for d in days for w in _free_windows(problem, d, module.cooking)),
                      default=0)
        if module.minutes > longest:
            found.append(Explanation("schedule.explain.module_too_long",
                                     {"module": module.title, "minutes": module.minutes,
                                      "longest": longest}))
        demand = sum(remaining(problem, g, module) for g in groups)
        facs = {f.facilitator_id: f for g in groups
                for f in qualified_facilitators(problem, g, module)}
        if facs and all(f.max_per_week is not None for f in facs.values()):
            supply = sum((f.max_per_week or 0) * weeks for f in facs.values())
            if demand > supply:
                found.append(Explanation("schedule.explain.facilitator_load",
                                         {"module": module.title, "needed": demand,
                                          "facilitators": len(facs), "slots": supply},
                                         resource=f"module:{module.module_id}"))
        for group in groups:
            if featured and not suitable_venues(problem, group, module):
                found.append(Explanation("schedule.explain.group_too_large",
                                         {"group": group.name, "members": len(group.members),
                                          "module": module.title,
                                          "capacity": max(v.capacity for v in featured)},
                                         group_id=group.group_id))
            if not qualified_facilitators(problem, group, module):
                found.append(Explanation("schedule.explain.no_facilitator",
                                         {"group": group.name, "module": module.title},
                                         group_id=group.group_id,
                                         resource=f"module:{module.module_id}"))

    # the kitchen: sessions needed against kitchen slots in the term
    cooking = [(g, m) for g in problem.groups for m in g.modules
               if KITCHEN in m.features and remaining(problem, g, m)]
    kitchens = [v for v in problem.venues if KITCHEN in v.features]
    if cooking and kitchens:
        shortest = min(cooking, key=lambda gm: gm[1].minutes)[1]
        needed = sum(remaining(problem, g, m) for g, m in cooking)
        slots = 0
        for venue in kitchens:
            for d in days:
                ok = [(s, e) for s, e in calendar_starts(problem, shortest, d)
                      if venue_open(venue, d, s, e)]
                slots += _packed(ok)
        if needed > slots:
            found.append(Explanation("schedule.explain.kitchen_slots",
                                     {"groups": len({g.group_id for g, _ in cooking}),
                                      "needed": needed, "slots": slots},
                                     resource="feature:kitchen"))

    weekly_memo: dict[tuple[int, bool, int], list[tuple[int, time, time, list[date]]]] = {}
    best_memo: dict[tuple[int, int, bool, int], tuple[float, int, int]] = {}
    for group in problem.groups:
        left = sum(remaining(problem, group, m) for m in group.modules)
        room = len(open_days) * MAX_SESSIONS_PER_GROUP_DAY
        if left > room:
            found.append(Explanation("schedule.explain.group_days",
                                     {"group": group.name, "needed": left, "slots": room},
                                     group_id=group.group_id))
        for module in group.modules:
            needed = needed_sessions(module)
            shape = (module.minutes, module.cooking, module.sessions)
            if shape not in weekly_memo:
                weekly_memo[shape] = _weekly_slots(problem, module)
            for member in group.members:
                who = (member.participant_id, *shape)
                if who not in best_memo:
                    best_memo[who] = _member_best(problem, member, module, weekly_memo[shape])
                best, free, slots = best_memo[who]
                if best < needed:
                    found.append(Explanation(
                        "schedule.explain.member_blocked",
                        {"name": member.name, "free": free, "slots": slots,
                         "module": module.title, "needed": needed,
                         "sessions": module.sessions},
                        group_id=group.group_id, participant_id=member.participant_id))
    return found


RULES = ("group_busy", "group_day", "venue", "facilitator", "facilitator_away")


def _blocker(problem: Problem, result: ScheduleResult, group: GroupNeed,
             module: ModuleNeed) -> tuple[str, str, list[str]]:
    """Why one more session of the module fits nowhere: (reason key suffix, resource, the
    rules that together block every free slot).

    Each (date, start, venue, facilitator) the calendar allows is an option; each rule it
    breaks (the group busy then or with two sessions that day, the venue taken or shut, the
    facilitator teaching or at her limit, her hours or days away) forbids it under that rule's
    assumption literal; CP-SAT's sufficient assumptions for infeasibility name the rules that
    block all options together."""
    occ = Occupancy(replace(problem, fixed=()))
    for s in result.sessions:
        occ.book(s.group_id, s.module_id, s.day, s.start, s.end, s.venue_id or None,
                 s.facilitator_id or None)
    venues = suitable_venues(problem, group, module)
    chosen = occ.module_fac.get((group.group_id, module.module_id))
    facs = [f for f in qualified_facilitators(problem, group, module)
            if chosen is None or f.facilitator_id == chosen]
    if not venues:
        return "venue_missing", f"module:{module.module_id}", []
    if not facs:
        return "no_facilitator", f"module:{module.module_id}", []
    options: list[set[str]] = []
    for day in term_days(problem):
        if not in_period(group, day):
            continue
        for start, end in calendar_starts(problem, module, day):
            busy = occ.group_busy.get((group.group_id, day), [])
            base = set()
            if any(b[0] < end and start < b[1] for b in busy):
                base.add("group_busy")
            if len(busy) >= MAX_SESSIONS_PER_GROUP_DAY:
                base.add("group_day")
            for v in venues:
                venue_rules = set() if occ.venue_free(v.venue_id, day, start, end) else {
                    "venue"}
                for f in facs:
                    rules = base | venue_rules
                    if not facilitator_free(f, day, start, end):
                        rules.add("facilitator_away")
                    elif not occ.facilitator_ok(f.facilitator_id, day, start, end):
                        rules.add("facilitator")
                    options.append(rules)
    if not options:
        return "calendar", "", ["calendar"]
    core = _core(options)
    if not core:
        return "time", "", []
    resource = ""
    if "venue" in core:
        resource = ",".join(f"venue:{v.venue_id}" for v in venues)
    elif "facilitator" in core or "facilitator_away" in core:
        resource = ",".join(f"facilitator:{f.facilitator_id}" for f in facs)
    if len(core) == 1:
        only = core[0]
        return {"group_busy": "group", "group_day": "group"}.get(only, only), resource, core
    return "combination", resource, core


def _core(options: list[set[str]]) -> list[str]:
    """The rules (assumptions) that together leave no option, [] when some option is free."""
    from ortools.sat.python import cp_model

    if any(not rules for rules in options):
        return []
    model = cp_model.CpModel()
    assume = {rule: model.new_bool_var(rule) for rule in RULES}
    picks = []
    for i, rules in enumerate(options):
        pick = model.new_bool_var(f"o{i}")
        picks.append(pick)
        for rule in rules:
            model.add_bool_or([pick.Not(), assume[rule].Not()])
    model.add_bool_or(picks)
    model.add_assumptions(list(assume.values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # cores need one worker, and no presolve
    solver.parameters.cp_model_presolve = False
    solver.parameters.max_time_in_seconds = 5.0
    if solver.solve(model) != cp_model.INFEASIBLE:
        return []
    found = set(solver.sufficient_assumptions_for_infeasibility())
    return [rule for rule, var in assume.items() if var.Index() in found]


def _alternative(problem: Problem, result: ScheduleResult, member: Member, group_id: int,
                 module: ModuleNeed) -> str:
    """Another group with the module whose sessions she could attend enough of."""
    needed = needed_sessions(module)
    best_name, best = "", 0.0
    for other in problem.groups:
        if other.group_id == group_id:
            continue
        theirs = [s for s in result.sessions
                  if s.group_id == other.group_id and s.module_id == module.module_id]
        can = sum(member_can(member, s.day, s.start, s.end) for s in theirs)
        if can >= needed and can > best:
            best_name, best = other.name, can
    return best_name


def _weekdays(day_list: Sequence[date]) -> str:
    """Weekday numbers (Monday 0: ``0,1``), put into words by ``describe``."""
    return ",".join(str(wd) for wd in sorted({d.weekday() for d in day_list}))


def explain(problem: Problem, result: ScheduleResult,
            notes: Sequence[Explanation] = ()) -> tuple[Explanation, ...]:
    """``notes`` (the prechecks) and what the finished ``result`` could not satisfy."""
    found = list(notes)
    groups = {g.group_id: g for g in problem.groups}
    for (gid, mid), count in sorted(result.unplaced.items()):
        group = groups[gid]
        module = next(m for m in group.modules if m.module_id == mid)
        reason, resource, rules = _blocker(problem, result, group, module)
        params: dict[str, object] = {"group": group.name, "module": module.title,
                                     "count": count}
        if reason == "combination":
            params["rules"] = ",".join(rules)
        found.append(Explanation(f"schedule.explain.unplaced_{reason}", params, group_id=gid,
                                 resource=resource))
    blocked = {(e.participant_id, e.params.get("module")) for e in notes
               if e.key == "schedule.explain.member_blocked"}
    for short in result.shortfalls:
        group = groups[short.group_id]
        member = next(m for m in group.members if m.participant_id == short.participant_id)
        module = next(m for m in group.modules if m.module_id == short.module_id)
        if (member.participant_id, module.title) in blocked:
            continue  # said already: her routine leaves too few slots at all
        mine = [s for s in result.sessions
                if s.group_id == group.group_id and s.module_id == module.module_id]
        if not mine:
            continue  # the module is not held at all: its unplaced explanation says why
        other = _alternative(problem, result, member, group.group_id, module)
        params = {
            "name": member.name, "can": _count(short.can_attend), "sessions": short.sessions,
            "module": module.title, "needed": short.needed, "days": _weekdays(
                [s.day for s in mine])}
        key = "schedule.explain.shortfall"
        if other:
            key, params["group"] = "schedule.explain.shortfall_other_group", other
        found.append(Explanation(key, params, group_id=group.group_id,
                                 participant_id=member.participant_id))
    return tuple(found)


def _count(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def text(lang: str, key: str, **params: object) -> str:
    """Catalogue ``key`` in ``lang`` (not necessarily the UI's)."""
    from kdrt_desk.i18n import text_in

    return text_in(lang, key, **params)


def _shown(lang: str, name: str, value: object) -> object:
    """A parameter as the text shows it, in ``lang``: ISO dates formatted, feature, rule and
    weekday codes in that language's words."""
    if not isinstance(value, str):
        return value
    if name in ("start", "end"):
        return i18n.format_date(date.fromisoformat(value), lang)
    if name == "can":  # sessions she can attend, a half for a "prefers not" block
        return format_count(float(value), lang)
    words = {"features": "enum.VenueFeature.{}", "rules": "schedule.rule.{}",
             "days": "schedule.weekday.{}"}.get(name)
    if words is None:
        return value
    return ", ".join(text(lang, words.format(code)) for code in value.split(",") if code)


def describe(explanation: Explanation, lang: str | None = None) -> str:
    """The explanation in ``lang`` (the UI language when None), worded when it is shown."""
    chosen = lang or i18n.language()
    return text(chosen, explanation.key, **{name: _shown(chosen, name, value)
                                            for name, value in explanation.params.items()})
