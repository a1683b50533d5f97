"""An independent check of every hard rule on a finished schedule, written plainly (it shares
nothing with the solver's model): ``violations`` lists each breach as a ``Violation`` (a stable
``code``, plain ``params`` and the sessions it is about); ``solve`` fills
``ScheduleResult.violations`` with it (always empty when it works). ``describe`` says one in a
language when it is shown (catalogue ``schedule.violation.*``); ``sentences`` gives the English
text for developers, benchmarks and tests.

Fixed sessions (held or locked) are the admin's: they are checked to be present and unchanged,
and other sessions must not clash with them, but their own placement is not judged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kdrt_desk import i18n
from kdrt_desk.scheduling.problem import (
    MAX_SESSIONS_PER_GROUP_DAY,
    FixedSession,
    PlacedSession,
    Problem,
)
from kdrt_desk.scheduling.slots import in_period

SessionKey = tuple[int, int, date, time]  # group, module, day, start
Param = str | int

# every code ``violations`` gives; each has ``schedule.violation.<code>`` in the catalogue
CODES = (
    "unknown_group", "unknown_module", "ends_before_start", "wrong_length", "outside_term",
    "before_plan_from", "holiday", "closure", "opening_hours", "prayer_window",
    "ramadan_cooking", "unknown_venue", "capacity", "venue_features", "venue_closed",
    "venue_hours", "unknown_facilitator", "facilitator_not_qualified", "facilitator_not_group",
    "facilitator_away", "facilitator_hours", "fixed_moved", "fixed_unknown", "group_overlap",
    "venue_overlap", "facilitator_overlap", "group_day_count", "facilitator_day_max",
    "facilitator_week_max", "module_too_many", "module_facilitators",
)
DATES = frozenset({"date", "week", "plan_from"})  # ISO dates in ``params``
TIMES = frozenset({"start", "end", "other_start", "other_end", "opens", "closes"})  # HH:MM


@dataclass(frozen=True)
class Violation:
    """One hard rule broken: ``code`` (one of ``CODES``), ``params`` (names, ISO dates, HH:MM
    times, counts: never words of a language) and ``session_keys``, the sessions it is about."""

    code: str
    params: Mapping[str, Param]
    session_keys: tuple[SessionKey, ...] = ()

    def about(self, session: PlacedSession) -> bool:
        return key_of(session) in self.session_keys


def key_of(session: PlacedSession | FixedSession) -> SessionKey:
    return (session.group_id, session.module_id, session.day, session.start)


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _text(lang: str, key: str, **params: object) -> str:
    from kdrt_desk.i18n import text_in

    return text_in(lang, key, **params)


def _shown(lang: str, name: str, value: Param) -> Param:
    """A parameter as the text shows it: dates and times in the language's form, feature and
    window codes in its words."""
    if name in DATES and isinstance(value, str):
        return i18n.format_date(date.fromisoformat(value), lang)
    if name in TIMES and isinstance(value, str):
        return i18n.format_time(time.fromisoformat(value), lang)
    if name == "features" and isinstance(value, str):
        return ", ".join(_text(lang, f"enum.VenueFeature.{f}") for f in value.split(",") if f)
    if name == "window" and isinstance(value, str):
        return _text(lang, f"calendar.window.{value}")
    return value


def describe(violation: Violation, lang: str | None = None, session: bool = True) -> str:
    """The violation in ``lang`` (the UI language when None): the session it is about (unless
    ``session`` is False: where the session is already named), then the rule, e.g.
    ``Angkatan 1 · JHT 6 Juli 2026 08.00–10.00: kelompoknya 3 orang, tempat Aula hanya muat
    2``."""
    chosen = lang or i18n.language()
    params = {name: _shown(chosen, name, value) for name, value in violation.params.items()}
    reason = _text(chosen, f"schedule.violation.{violation.code}", **params)
    if "start" not in violation.params:
        return reason  # a count over a day or week: a sentence of its own
    if not session:
        return reason[:1].upper() + reason[1:] + "."
    return _text(chosen, "schedule.violation.line",
                 session=_text(chosen, "schedule.violation.session", **params), reason=reason)


def sentences(problem: Problem, sessions: Sequence[PlacedSession]) -> list[str]:
    """Every violation in English (for developers, benchmarks and tests)."""
    return [describe(v, "en") for v in violations(problem, sessions)]


def _length(session: PlacedSession) -> int:
    start = datetime.combine(session.day, session.start)
    return int((datetime.combine(session.day, session.end) - start).total_seconds() // 60)


def violations(problem: Problem, sessions: Sequence[PlacedSession]) -> list[Violation]:
    """Every hard rule ``sessions`` break (an empty list when the schedule is valid)."""
    found: list[Violation] = []
    groups = {g.group_id: g for g in problem.groups}
    venues = {v.venue_id: v for v in problem.venues}
    facs = {f.facilitator_id: f for f in problem.facilitators}
    cal = problem.calendar

    def about(s: PlacedSession | FixedSession) -> dict[str, Param]:
        group = groups.get(s.group_id)
        module = (next((m for m in group.modules if m.module_id == s.module_id), None)
                  if group is not None else None)
        return {"group": group.name if group is not None else str(s.group_id),
                "module": module.code if module is not None else str(s.module_id),
                "date": s.day.isoformat(), "start": _hhmm(s.start), "end": _hhmm(s.end)}

    def add(code: str, s: PlacedSession | FixedSession,
            others: Sequence[PlacedSession] = (), **params: Param) -> None:
        found.append(Violation(code, {**about(s), **params},
                               (key_of(s), *(key_of(o) for o in others))))

    def add_count(code: str, items: Sequence[PlacedSession], **params: Param) -> None:
        found.append(Violation(code, params, tuple(key_of(s) for s in items)))

    for s in sessions:
        if s.fixed:
            continue
        group = groups.get(s.group_id)
        if group is None:
            add("unknown_group", s)
            continue
        module = next((m for m in group.modules if m.module_id == s.module_id), None)
        if module is None:
            add("unknown_module", s)
            continue
        if not s.start < s.end:
            add("ends_before_start", s)
        if _length(s) != module.minutes:
            add("wrong_length", s, minutes=_length(s), expected=module.minutes)
        if not cal.start <= s.day <= cal.end or not in_period(group, s.day):
            add("outside_term", s)
        if problem.plan_from is not None and s.day < problem.plan_from:
            add("before_plan_from", s, plan_from=problem.plan_from.isoformat())
        plan = cal.day(s.day)
        if plan.holidays:
            add("holiday", s)
        if plan.closures:
            add("closure", s)
        if s.start < plan.opens or s.end > plan.closes:
            add("opening_hours", s, opens=_hhmm(plan.opens), closes=_hhmm(plan.closes))
        windows = list(plan.blocked) + (list(plan.cooking_blocked) if module.cooking else [])
        for window in windows:
            if s.start < window.end and window.start < s.end:
                if window.reason == "ramadan_cooking":
                    add("ramadan_cooking", s)
                else:
                    add("prayer_window", s, window=window.reason)
        venue = venues.get(s.venue_id)
        if venue is None:
            add("unknown_venue", s, venue_id=s.venue_id)
        else:
            if len(group.members) > venue.capacity:
                add("capacity", s, members=len(group.members), venue=venue.name,
                    capacity=venue.capacity)
            if not module.features <= venue.features:
                add("venue_features", s, venue=venue.name,
                    features=",".join(sorted(module.features - venue.features)))
            if s.day in venue.closed_on:
                add("venue_closed", s, venue=venue.name)
            if venue.hours is not None:
                hours = venue.hours.get(s.day.weekday())
                if hours is None or s.start < hours.start or s.end > hours.end:
                    add("venue_hours", s, venue=venue.name)
        fac = facs.get(s.facilitator_id)
        if fac is None:
            add("unknown_facilitator", s, facilitator_id=s.facilitator_id)
        else:
            if s.module_id not in fac.module_ids:
                add("facilitator_not_qualified", s, facilitator=fac.name)
            if group.facilitator_ids and fac.facilitator_id not in group.facilitator_ids:
                add("facilitator_not_group", s, facilitator=fac.name)
            if s.day in fac.away_on:
                add("facilitator_away", s, facilitator=fac.name)
            if fac.hours is not None:
                hours = fac.hours.get(s.day.weekday())
                if hours is None or s.start < hours.start or s.end > hours.end:
                    add("facilitator_hours", s, facilitator=fac.name)

    # the fixed sessions are all there, unchanged
    for f in problem.fixed:
        if not any(s.fixed and s.group_id == f.group_id and s.module_id == f.module_id
                   and s.day == f.day and s.start == f.start and s.end == f.end
                   and s.venue_id == (f.venue_id or 0)
                   and s.facilitator_id == (f.facilitator_id or 0) for s in sessions):
            add("fixed_moved", f)
    fixed_keys = {key_of(f) for f in problem.fixed}
    for s in sessions:
        if s.fixed and key_of(s) not in fixed_keys:
            add("fixed_unknown", s)

    # no overlap for a group, a venue or a facilitator (fixed against fixed is the admin's)
    def clashes(code: str, items: list[PlacedSession], **params: Param) -> None:
        items = sorted(items, key=lambda s: (s.day, s.start))
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if b.day != a.day or b.start >= a.end:
                    break
                if not (a.fixed and b.fixed):
                    first, second = (b, a) if a.fixed else (a, b)  # the one that can move
                    other = about(second)
                    add(code, first, [second], other_group=other["group"],
                        other_module=other["module"], other_start=_hhmm(second.start),
                        other_end=_hhmm(second.end), **params)

    by_group: dict[int, list[PlacedSession]] = defaultdict(list)
    by_venue: dict[int, list[PlacedSession]] = defaultdict(list)
    by_fac: dict[int, list[PlacedSession]] = defaultdict(list)
    for s in sessions:
        by_group[s.group_id].append(s)
        if s.venue_id:
            by_venue[s.venue_id].append(s)
        if s.facilitator_id:
            by_fac[s.facilitator_id].append(s)
    for items in by_group.values():
        clashes("group_overlap", items)
    for vid, items in by_venue.items():
        clashes("venue_overlap", items,
                venue=venues[vid].name if vid in venues else str(vid))
    for fid, items in by_fac.items():
        clashes("facilitator_overlap", items,
                facilitator=facs[fid].name if fid in facs else str(fid))

    # counts: two a day per group; the facilitator's day and week; sessions per module
    per_group_day: dict[tuple[int, date], list[PlacedSession]] = defaultdict(list)
    for s in sessions:
        per_group_day[(s.group_id, s.day)].append(s)
    for (_gid, day), items in per_group_day.items():
        if len(items) > MAX_SESSIONS_PER_GROUP_DAY and not all(s.fixed for s in items):
            add_count("group_day_count", items, group=about(items[0])["group"],
                      date=day.isoformat(), count=len(items), most=MAX_SESSIONS_PER_GROUP_DAY)
    for fid, items in by_fac.items():
        fac = facs.get(fid)
        if fac is None:
            continue
        days: dict[date, list[PlacedSession]] = defaultdict(list)
        weeks: dict[date, list[PlacedSession]] = defaultdict(list)
        for s in items:
            days[s.day].append(s)
            weeks[s.day - timedelta(days=s.day.weekday())].append(s)
        for day, day_items in days.items():
            if (fac.max_per_day is not None and len(day_items) > fac.max_per_day
                    and not all(s.fixed for s in day_items)):
                add_count("facilitator_day_max", day_items, facilitator=fac.name,
                          date=day.isoformat(), count=len(day_items), most=fac.max_per_day)
        for week, week_items in weeks.items():
            if (fac.max_per_week is not None and len(week_items) > fac.max_per_week
                    and not all(s.fixed for s in week_items)):
                add_count("facilitator_week_max", week_items, facilitator=fac.name,
                          week=week.isoformat(), count=len(week_items), most=fac.max_per_week)
    per_module: dict[tuple[int, int], list[PlacedSession]] = defaultdict(list)
    for s in sessions:
        per_module[(s.group_id, s.module_id)].append(s)
    for (gid, mid), items in per_module.items():
        group = groups.get(gid)
        module = next((m for m in group.modules if m.module_id == mid), None) if group else None
        if module is not None and len(items) > module.sessions:
            add_count("module_too_many", items, group=about(items[0])["group"],
                      module=module.code, count=len(items), sessions=module.sessions)
        # sessions that never move (another group's, held ones) may have had several
        # teachers; what is planned now keeps to one of theirs
        planned = {s.facilitator_id for s in items if s.facilitator_id and not s.fixed}
        earlier = {s.facilitator_id for s in items
                   if s.facilitator_id and s.fixed}
        if planned and (len(planned) > 1 or (earlier and not planned <= earlier)):
            names = [facs[f].name if f in facs else str(f) for f in sorted(planned | earlier)]
            add_count("module_facilitators", [s for s in items if not s.fixed],
                      group=about(items[0])["group"], module=about(items[0])["module"],
                      facilitators=", ".join(names))
    return found
