"""An independent check of every hard rule on a finished schedule, written plainly (it shares
nothing with the solver's model): ``violations`` lists each breach as a sentence for developers
and tests; ``solve`` fills ``ScheduleResult.violations`` with it (always empty when it works).

Fixed sessions (held or locked) are the admin's: they are checked to be present and unchanged,
and other sessions must not clash with them, but their own placement is not judged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from kdrt_desk.scheduling.problem import MAX_SESSIONS_PER_GROUP_DAY, PlacedSession, Problem


def _length(session: PlacedSession) -> int:
    start = datetime.combine(session.day, session.start)
    return int((datetime.combine(session.day, session.end) - start).total_seconds() // 60)


def _label(s: PlacedSession) -> str:
    return (f"group {s.group_id} module {s.module_id} on {s.day.isoformat()} "
            f"{s.start.strftime('%H:%M')}-{s.end.strftime('%H:%M')}")


def violations(problem: Problem, sessions: Sequence[PlacedSession]) -> list[str]:
    """Every hard rule ``sessions`` break (an empty list when the schedule is valid)."""
    found: list[str] = []
    groups = {g.group_id: g for g in problem.groups}
    venues = {v.venue_id: v for v in problem.venues}
    facs = {f.facilitator_id: f for f in problem.facilitators}
    cal = problem.calendar

    for s in sessions:
        if s.fixed:
            continue
        what = _label(s)
        group = groups.get(s.group_id)
        if group is None:
            found.append(f"{what}: unknown group")
            continue
        module = next((m for m in group.modules if m.module_id == s.module_id), None)
        if module is None:
            found.append(f"{what}: the group has no such module")
            continue
        if not s.start < s.end:
            found.append(f"{what}: ends before it starts")
        if _length(s) != module.minutes:
            found.append(f"{what}: lasts {_length(s)} min, the module's sessions last "
                         f"{module.minutes}")
        if not cal.start <= s.day <= cal.end:
            found.append(f"{what}: outside the term")
        if problem.plan_from is not None and s.day < problem.plan_from:
            found.append(f"{what}: before plan_from {problem.plan_from.isoformat()}")
        plan = cal.day(s.day)
        if plan.holidays:
            found.append(f"{what}: on a holiday")
        if plan.closures:
            found.append(f"{what}: on a closure day")
        if s.start < plan.opens or s.end > plan.closes:
            found.append(f"{what}: outside opening hours {plan.opens}-{plan.closes}")
        windows = list(plan.blocked) + (list(plan.cooking_blocked) if module.cooking else [])
        for window in windows:
            if s.start < window.end and window.start < s.end:
                found.append(f"{what}: over the {window.reason} window")
        venue = venues.get(s.venue_id)
        if venue is None:
            found.append(f"{what}: unknown venue {s.venue_id}")
        else:
            if len(group.members) > venue.capacity:
                found.append(f"{what}: {len(group.members)} members, venue {venue.venue_id} "
                             f"holds {venue.capacity}")
            if not module.features <= venue.features:
                found.append(f"{what}: venue {venue.venue_id} lacks "
                             f"{sorted(module.features - venue.features)}")
            if s.day in venue.closed_on:
                found.append(f"{what}: venue {venue.venue_id} is closed that day")
            if venue.hours is not None:
                hours = venue.hours.get(s.day.weekday())
                if hours is None or s.start < hours.start or s.end > hours.end:
                    found.append(f"{what}: outside venue {venue.venue_id}'s hours")
        fac = facs.get(s.facilitator_id)
        if fac is None:
            found.append(f"{what}: unknown facilitator {s.facilitator_id}")
        else:
            if s.module_id not in fac.module_ids:
                found.append(f"{what}: facilitator {fac.facilitator_id} may not teach it")
            if group.facilitator_ids and fac.facilitator_id not in group.facilitator_ids:
                found.append(f"{what}: facilitator {fac.facilitator_id} is not the group's")
            if s.day in fac.away_on:
                found.append(f"{what}: facilitator {fac.facilitator_id} is away that day")
            if fac.hours is not None:
                hours = fac.hours.get(s.day.weekday())
                if hours is None or s.start < hours.start or s.end > hours.end:
                    found.append(f"{what}: outside facilitator {fac.facilitator_id}'s hours")

    # the fixed sessions are all there, unchanged
    for f in problem.fixed:
        if not any(s.fixed and s.group_id == f.group_id and s.module_id == f.module_id
                   and s.day == f.day and s.start == f.start and s.end == f.end
                   and s.venue_id == (f.venue_id or 0)
                   and s.facilitator_id == (f.facilitator_id or 0) for s in sessions):
            found.append(f"fixed session {f.session_id} (group {f.group_id} module "
                         f"{f.module_id} on {f.day.isoformat()}) is missing or moved")
    fixed_keys = {(f.group_id, f.module_id, f.day, f.start) for f in problem.fixed}
    for s in sessions:
        if s.fixed and (s.group_id, s.module_id, s.day, s.start) not in fixed_keys:
            found.append(f"{_label(s)}: marked fixed but not among the fixed sessions")

    # no overlap for a group, a venue or a facilitator (fixed against fixed is the admin's)
    def clashes(key_name: str, key: object, items: list[PlacedSession]) -> None:
        items = sorted(items, key=lambda s: (s.day, s.start))
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if b.day != a.day or b.start >= a.end:
                    break
                if not (a.fixed and b.fixed):
                    found.append(f"{key_name} {key}: {_label(a)} overlaps {_label(b)}")

    by_group: dict[int, list[PlacedSession]] = defaultdict(list)
    by_venue: dict[int, list[PlacedSession]] = defaultdict(list)
    by_fac: dict[int, list[PlacedSession]] = defaultdict(list)
    for s in sessions:
        by_group[s.group_id].append(s)
        if s.venue_id:
            by_venue[s.venue_id].append(s)
        if s.facilitator_id:
            by_fac[s.facilitator_id].append(s)
    for gid, items in by_group.items():
        clashes("group", gid, items)
    for vid, items in by_venue.items():
        clashes("venue", vid, items)
    for fid, items in by_fac.items():
        clashes("facilitator", fid, items)

    # counts: two a day per group; the facilitator's day and week; sessions per module
    per_group_day: dict[tuple[int, date], list[PlacedSession]] = defaultdict(list)
    for s in sessions:
        per_group_day[(s.group_id, s.day)].append(s)
    for (gid, day), items in per_group_day.items():
        if len(items) > MAX_SESSIONS_PER_GROUP_DAY and not all(s.fixed for s in items):
            found.append(f"group {gid} has {len(items)} sessions on {day.isoformat()}")
    for fid, items in by_fac.items():
        fac = facs.get(fid)
        if fac is None:
            continue
        days: dict[date, list[PlacedSession]] = defaultdict(list)
        weeks: dict[tuple[int, int], list[PlacedSession]] = defaultdict(list)
        for s in items:
            days[s.day].append(s)
            iso = s.day.isocalendar()
            weeks[(iso[0], iso[1])].append(s)
        for day, day_items in days.items():
            if (fac.max_per_day is not None and len(day_items) > fac.max_per_day
                    and not all(s.fixed for s in day_items)):
                found.append(f"facilitator {fid} has {len(day_items)} sessions on "
                             f"{day.isoformat()}, at most {fac.max_per_day}")
        for week, week_items in weeks.items():
            if (fac.max_per_week is not None and len(week_items) > fac.max_per_week
                    and not all(s.fixed for s in week_items)):
                found.append(f"facilitator {fid} has {len(week_items)} sessions in week "
                             f"{week[0]}-W{week[1]:02d}, at most {fac.max_per_week}")
    per_module: dict[tuple[int, int], list[PlacedSession]] = defaultdict(list)
    for s in sessions:
        per_module[(s.group_id, s.module_id)].append(s)
    for (gid, mid), items in per_module.items():
        group = groups.get(gid)
        module = next((m for m in group.modules if m.module_id == mid), None) if group else None
        if module is not None and len(items) > module.sessions:
            found.append(f"group {gid} module {mid}: {len(items)} sessions, the module has "
                         f"{module.sessions}")
        # sessions that never move (another group's, held ones) may have had several
        # teachers; what is planned now keeps to one of theirs
        planned = {s.facilitator_id for s in items if s.facilitator_id and not s.fixed}
        earlier = {s.facilitator_id for s in items
                   if s.facilitator_id and s.fixed}
        if planned and (len(planned) > 1 or (earlier and not planned <= earlier)):
            found.append(f"group {gid} module {mid}: taught by {sorted(planned | earlier)}, one "
                         f"facilitator per group and module")
    return found
