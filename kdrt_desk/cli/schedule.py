"""``kdrt-desk schedule ...``: the training schedule from the command line.

``schedule solve`` proposes a term schedule (saved with ``--apply``); ``schedule export``
writes a group's term (PDF or Excel), a facilitator's sessions (PDF or iCalendar) or a
participant's schedule card (PDF, discreet unless ``--not-discreet``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk import i18n
from kdrt_desk.cli.common import (
    CliUsageError,
    add_overwrite,
    cli_date,
    data_dir,
    opened,
    with_common,
)
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

# which formats each kind of schedule may be written in (from the file's suffix)
FORMATS = {"group": ("pdf", "xlsx"), "facilitator": ("pdf", "ics"), "participant": ("pdf",)}
SUFFIXES = {".pdf": "pdf", ".ics": "ics", ".xlsx": "xlsx"}


def _format(out: Path, kind: str) -> str:
    fmt = SUFFIXES.get(out.suffix.lower())
    if fmt is None:
        raise CliUsageError("cli.schedule.suffix_unknown", path=str(out))
    if fmt not in FORMATS[kind]:
        raise CliUsageError("cli.schedule.ics_only_facilitator" if fmt == "ics"
                            else "cli.schedule.xlsx_only_group")
    return fmt


def _out_path(args: argparse.Namespace) -> Path:
    """The file to write, checked before the vault is opened (and before a login)."""
    from kdrt_desk.security.atomic_file import OutputWriter

    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CliUsageError("cli.programme.out_is_folder", path=str(out))
    if not out.parent.is_dir():
        raise CliUsageError("cli.programme.out_folder_missing", folder=str(out.parent))
    if not os.access(out.parent, os.W_OK):
        raise UserError("error.export_unwritable")
    OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)
    return out


def cmd_export(args: argparse.Namespace) -> int:
    kind = ("group" if args.group is not None else
            "facilitator" if args.facilitator is not None else "participant")
    if kind != "participant" and (args.not_discreet or args.preferred_name):
        raise CliUsageError("cli.schedule.card_options_only_participant")
    start = cli_date(args.start, "--from")
    end = cli_date(args.end, "--to")
    if start is not None and end is not None and start > end:
        raise CliUsageError("cli.programme.date_order", start=start.isoformat(),
                            end=end.isoformat())
    out = Path(args.out).expanduser()
    fmt = _format(out, kind)
    out = _out_path(args)
    lang = i18n.language()
    with opened(args) as services:
        schedule = services.schedule_export
        if kind == "group":
            count = schedule.export_group(schedule.group_id_named(args.group), out, fmt, start,
                                          end, lang, overwrite=args.overwrite)
        elif kind == "facilitator":
            count = schedule.export_facilitator(
                schedule.facilitator_id_named(args.facilitator), out, fmt, start, end, lang,
                overwrite=args.overwrite)
        else:
            count = schedule.export_participant_card(
                schedule.participant_id_coded(args.participant), out, start, end,
                discreet=not args.not_discreet, preferred_name=args.preferred_name, lang=lang,
                overwrite=args.overwrite)
    print(t("cli.schedule.written", count=count, path=str(out)))
    return 0


def add_export(schedule_sub: Subcommands) -> None:
    export = with_common(schedule_sub.add_parser("export", help=t("cli.schedule.help_export")))
    which = export.add_mutually_exclusive_group(required=True)
    which.add_argument("--group", metavar="NAME", help=t("cli.schedule.help_group"))
    which.add_argument("--facilitator", metavar="NAME", help=t("cli.schedule.help_facilitator"))
    which.add_argument("--participant", metavar="CODE", help=t("cli.schedule.help_participant"))
    export.add_argument("--out", required=True, metavar="FILE.pdf|FILE.ics|FILE.xlsx",
                        help=t("cli.schedule.help_out"))
    # plain strings: a bad date is one translated line, not an argparse usage message
    export.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                        help=t("cli.programme.help_from"))
    export.add_argument("--to", dest="end", metavar="YYYY-MM-DD",
                        help=t("cli.programme.help_to"))
    export.add_argument("--not-discreet", action="store_true",
                        help=t("cli.schedule.help_not_discreet"))
    export.add_argument("--preferred-name", action="store_true",
                        help=t("cli.schedule.help_preferred_name"))
    add_overwrite(export)
    export.set_defaults(func=cmd_export)


def add_commands(sub: Subcommands) -> None:
    schedule_sub = sub.add_parser("schedule", help=t("cli.schedule.help")).add_subparsers(
        dest="action", required=True)
    add_export(schedule_sub)
    from kdrt_desk.cli.schedule_solve import add_solve

    add_solve(schedule_sub)
