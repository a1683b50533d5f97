"""The programme: modules list, groups list, sessions list, attendance sheet."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk import i18n
from kdrt_desk.cli.common import (
    MAX_ID,
    CliUsageError,
    add_format,
    add_overwrite,
    cli_date,
    data_dir,
    opened,
    with_common,
)
from kdrt_desk.cli.output import write_rows
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

MODULE_COLUMNS = ("code", "title", "track", "sessions", "minutes", "facilitator_type",
                  "venue_features", "partner", "min_attendance_pct", "assessment_required",
                  "archived")
GROUP_COLUMNS = ("id", "name", "kecamatan", "start_date", "end_date", "venue", "funder",
                 "members", "modules", "archived")
SESSION_COLUMNS = ("id", "date", "start", "end", "group", "module", "venue", "facilitator",
                   "status", "marked", "attended")


def _joined(values: Iterable[object]) -> str:
    """A set or list of values in one cell, separated by ``;``."""
    return ";".join(sorted(str(v) for v in values))


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def cmd_modules_list(args: argparse.Namespace) -> int:
    with opened(args) as services:
        modules = services.catalogue.modules(include_archived=True)
    rows = [{"code": m.code, "title": m.title, "track": m.track.value,
             "sessions": m.session_count, "minutes": m.minutes_per_session,
             "facilitator_type": m.facilitator_type.value,
             "venue_features": _joined(f.value for f in m.venue_features),
             "partner": m.partner_name, "min_attendance_pct": m.min_attendance_pct,
             "assessment_required": m.assessment_required, "archived": m.archived}
            for m in modules]
    write_rows(sys.stdout, rows, MODULE_COLUMNS, args.format)
    return 0


def cmd_groups_list(args: argparse.Namespace) -> int:
    with opened(args) as services:
        groups = services.groups.groups(include_archived=True)
        codes = {m.id: m.code for m in services.catalogue.modules(include_archived=True)}
    rows = [{"id": g.id, "name": g.name, "kecamatan": g.kecamatan, "start_date": g.start_date,
             "end_date": g.end_date, "venue": g.venue_name, "funder": g.funder,
             "members": g.member_count,
             # in the group's order, not sorted
             "modules": ";".join(codes.get(m, str(m)) for m in g.module_ids),
             "archived": g.archived} for g in groups]
    write_rows(sys.stdout, rows, GROUP_COLUMNS, args.format)
    return 0


def cmd_sessions_list(args: argparse.Namespace) -> int:
    from kdrt_desk.domain.training import SessionQuery

    start = cli_date(args.start, "--from")
    end = cli_date(args.end, "--to")
    if start is not None and end is not None and start > end:
        raise CliUsageError("cli.programme.date_order", start=start.isoformat(),
                            end=end.isoformat())
    with opened(args) as services:
        sessions = services.sessions.sessions(
            SessionQuery(group_name=args.group or "", start=start, end=end))
    rows = [{"id": s.id, "date": s.session_date, "start": _clock(s.start_time),
             "end": _clock(s.end_time), "group": s.group_name, "module": s.module_code,
             "venue": s.venue_name, "facilitator": s.facilitator_name, "status": s.status.value,
             "marked": s.marked, "attended": s.attended} for s in sessions]
    write_rows(sys.stdout, rows, SESSION_COLUMNS, args.format)
    return 0


def cmd_attendance_sheet(args: argparse.Namespace) -> int:
    from kdrt_desk.security.atomic_file import OutputWriter

    try:
        session_id = int(args.session.strip())
    except ValueError:
        raise CliUsageError("cli.programme.session_invalid", value=args.session) from None
    if not 1 <= session_id <= MAX_ID:
        raise CliUsageError("cli.programme.session_invalid", value=args.session)
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CliUsageError("cli.programme.out_is_folder", path=str(out))
    if not out.parent.is_dir():
        raise CliUsageError("cli.programme.out_folder_missing", folder=str(out.parent))
    if not os.access(out.parent, os.W_OK):
        raise UserError("error.export_unwritable")  # told before the vault is even opened
    OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)  # before a login, too
    with opened(args) as services:
        count = services.attendance.print_sign_in_sheet(session_id, out, args.preferred_names,
                                                        i18n.language(), overwrite=args.overwrite)
    print(t("cli.programme.sheet_written", count=count, path=str(out)))
    return 0


def add_commands(sub: Subcommands) -> None:
    modules = sub.add_parser("modules", help=t("cli.programme.help_modules")).add_subparsers(
        dest="action", required=True)
    mlist = with_common(modules.add_parser("list", help=t("cli.programme.help_list")))
    add_format(mlist)
    mlist.set_defaults(func=cmd_modules_list)

    groups = sub.add_parser("groups", help=t("cli.programme.help_groups")).add_subparsers(
        dest="action", required=True)
    glist = with_common(groups.add_parser("list", help=t("cli.programme.help_list")))
    add_format(glist)
    glist.set_defaults(func=cmd_groups_list)

    sessions = sub.add_parser("sessions", help=t("cli.programme.help_sessions")).add_subparsers(
        dest="action", required=True)
    slist = with_common(sessions.add_parser("list", help=t("cli.programme.help_list")))
    slist.add_argument("--group", default="", help=t("cli.programme.help_group"))
    # plain strings: a bad date is one translated line, not an argparse usage message
    slist.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                       help=t("cli.programme.help_from"))
    slist.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=t("cli.programme.help_to"))
    add_format(slist)
    slist.set_defaults(func=cmd_sessions_list)

    attendance = sub.add_parser("attendance", help=t("cli.programme.help_attendance")
                                ).add_subparsers(dest="action", required=True)
    sheet = with_common(attendance.add_parser("sheet", help=t("cli.programme.help_sheet")))
    sheet.add_argument("--session", required=True, metavar="ID",
                       help=t("cli.programme.help_session"))
    sheet.add_argument("--out", required=True, metavar="FILE.pdf",
                       help=t("cli.programme.help_out"))
    sheet.add_argument("--preferred-names", action="store_true",
                       help=t("cli.programme.help_preferred_names"))
    add_overwrite(sheet)
    sheet.set_defaults(func=cmd_attendance_sheet)
