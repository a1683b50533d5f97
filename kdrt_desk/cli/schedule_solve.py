"""``kdrt-desk schedule solve``: propose a term schedule for groups, say what it could not
satisfy, and save it only with ``--apply``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import CliUsageError, cli_date, cli_int, opened, with_common
from kdrt_desk.i18n import format_date, format_time, t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands
    from kdrt_desk.scheduling.problem import Problem, ScheduleResult
    from kdrt_desk.wiring import Services

MAX_SECONDS = 600
TEXT = "text"


def _group_ids(services: Services, names: list[str]) -> list[int]:
    groups = {g.name.casefold(): g.id for g in services.groups.groups()}
    found = []
    for name in names:
        gid = groups.get(name.strip().casefold())
        if gid is None:
            raise CliUsageError("cli.schedule.group_unknown", name=name)
        found.append(gid)
    return found


def summary(problem: Problem, result: ScheduleResult) -> dict[str, object]:
    """What the command prints, as JSON types (names only where the admin reads them): each
    violation and explanation as its code or key, its parameters and its text in the language
    chosen."""
    from kdrt_desk.scheduling.explain import describe
    from kdrt_desk.scheduling.verify import describe as said

    groups = {g.group_id: g for g in problem.groups}
    modules = {m.module_id: m.code for g in problem.groups for m in g.modules}
    venues = {v.venue_id: v.name for v in problem.venues}
    facilitators = {f.facilitator_id: f.name for f in problem.facilitators}
    members = {m.participant_id: m.name for g in problem.groups for m in g.members}
    return {
        "status": result.status,
        "seconds": round(result.seconds, 2),
        "sessions_placed": sum(1 for s in result.sessions if not s.fixed),
        "sessions_fixed": sum(1 for s in result.sessions if s.fixed),
        "unplaced": sum(result.unplaced.values()),
        "violations": [{"code": v.code, "params": dict(v.params), "text": said(v)}
                       for v in result.violations],
        "expected_attendance": round(result.expected_attendance, 4),
        "below_threshold": [
            {"participant": members.get(s.participant_id, str(s.participant_id)),
             "group": groups[s.group_id].name if s.group_id in groups else str(s.group_id),
             "module": modules.get(s.module_id, str(s.module_id)),
             "can_attend": s.can_attend, "needed": s.needed, "sessions": s.sessions}
            for s in result.shortfalls],
        "explanations": [{"key": e.key, "params": {k: v if isinstance(v, str | int | float)
                                                    else str(v) for k, v in e.params.items()},
                          "text": describe(e)} for e in result.explanations],
        "sessions": [
            {"date": s.day.isoformat(), "start": s.start.strftime("%H:%M"),
             "end": s.end.strftime("%H:%M"),
             "group": groups[s.group_id].name if s.group_id in groups else str(s.group_id),
             "module": modules.get(s.module_id, str(s.module_id)),
             "venue": venues.get(s.venue_id, str(s.venue_id)),
             "facilitator": facilitators.get(s.facilitator_id, str(s.facilitator_id)),
             "expected_attendance": round(s.expected_attendance, 3), "fixed": s.fixed}
            for s in sorted(result.sessions, key=lambda s: (s.day, s.start, s.group_id))
            if s.group_id in groups],
    }


def _print_text(problem: Problem, result: ScheduleResult, applied: int | None) -> None:
    report = summary(problem, result)
    print(t("cli.schedule.solved", status=t(f"cli.schedule.status.{result.status}"),
            seconds=f"{result.seconds:.1f}", placed=report["sessions_placed"],
            fixed=report["sessions_fixed"], unplaced=report["unplaced"]))
    print(t("cli.schedule.quality", violations=len(result.violations),
            attendance=f"{100 * result.expected_attendance:.1f}",
            below=len(result.shortfalls)))
    names = {g.group_id: g.name for g in problem.groups}
    codes = {m.module_id: m.code for g in problem.groups for m in g.modules}
    venues = {v.venue_id: v.name for v in problem.venues}
    people = {f.facilitator_id: f.name for f in problem.facilitators}
    for s in sorted(result.sessions, key=lambda s: (s.day, s.start, s.group_id)):
        if s.group_id not in names:
            continue
        mark = "  *" if s.fixed else ""
        print(f"  {format_date(s.day)}  {format_time(s.start)}–{format_time(s.end)}  "
              f"{names[s.group_id]}  {codes.get(s.module_id, '')}  "
              f"{venues.get(s.venue_id, '')}  {people.get(s.facilitator_id, '')}  "
              f"{100 * s.expected_attendance:.0f}%{mark}")
    from kdrt_desk.scheduling.explain import describe
    from kdrt_desk.scheduling.verify import describe as said

    for violation in result.violations:
        print(f"! {said(violation)}")
    for explanation in result.explanations:
        print(f"- {describe(explanation)}")
    print(t("cli.schedule.applied", count=applied) if applied is not None
          else t("cli.schedule.not_applied"))


def cmd_solve(args: argparse.Namespace) -> int:
    from kdrt_desk.scheduling.solver import solve

    start = cli_date(args.start, "--from")
    end = cli_date(args.end, "--to")
    if start is None or end is None:
        raise CliUsageError("cli.calendar.period_missing")
    if end < start:
        raise CliUsageError("cli.programme.date_order", start=start.isoformat(),
                            end=end.isoformat())
    seconds = cli_int(args.time_limit, "--time-limit", 1, MAX_SECONDS)
    with opened(args) as services:
        ids = _group_ids(services, args.group)
        problem = services.schedule.problem(ids, start, end, replan=args.replan)
        replaced = (services.schedule.replaceable(ids, start, end) if args.replan else [])
        result = solve(problem, time_limit=float(seconds))
        applied = None
        if args.apply:
            applied = len(services.schedule.apply(result, replaced=replaced))
    if args.format == "json":
        json.dump({**summary(problem, result), "applied": applied}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_text(problem, result, applied)
    return 0 if not result.violations else 1


def add_solve(schedule_sub: Subcommands) -> None:
    solve = with_common(schedule_sub.add_parser("solve", help=t("cli.schedule.help_solve")))
    solve.add_argument("--group", action="append", required=True, metavar="NAME",
                       help=t("cli.schedule.help_solve_group"))
    solve.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                       help=t("cli.programme.help_from"))
    solve.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=t("cli.programme.help_to"))
    solve.add_argument("--time-limit", default="30", metavar="SECONDS",
                       help=t("cli.schedule.help_time_limit"))
    solve.add_argument("--apply", action="store_true", help=t("cli.schedule.help_apply"))
    solve.add_argument("--replan", action="store_true", help=t("cli.schedule.help_replan"))
    solve.add_argument("--format", choices=(TEXT, "json"), default=TEXT,
                       help=t("cli.calendar.help_format"))
    solve.set_defaults(func=cmd_solve)
