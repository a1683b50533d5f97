"""Monitoring and evaluation: ``assessments due``, the rounds due this week or overdue (the case
workers' list; scores are not printed, only who is due for which instrument and round)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import FORMATS, opened, with_common
from kdrt_desk.cli.output import write_rows
from kdrt_desk.i18n import format_date, t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

TEXT = "text"
DUE_COLUMNS = ("code", "name", "group", "instrument", "round", "due_on", "overdue")


def _text(rows: list[dict[str, object]]) -> None:
    """An aligned table in the chosen language (round labels, dates as the UI writes them)."""
    heads = [t(f"cli.monitoring.column.{c}") for c in DUE_COLUMNS]
    cells = []
    for row in rows:
        due_on = row["due_on"]
        cells.append([
            str(row["code"]), str(row["name"]), str(row["group"]), str(row["instrument"]),
            t(f"enum.Round.{row['round']}"),
            format_date(due_on) if isinstance(due_on, date) else str(due_on),
            t("cli.monitoring.yes") if row["overdue"] else t("cli.monitoring.no")])
    widths = [max([len(h), *(len(line[i]) for line in cells)]) for i, h in enumerate(heads)]
    for line in [heads, *cells]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
              .rstrip())
    if not rows:
        print(t("cli.monitoring.none_due"))


def cmd_assessments_due(args: argparse.Namespace) -> int:
    from kdrt_desk.services.clock import local_today

    today = local_today()
    with opened(args) as services:
        due = services.assessments.due(today, mine_only=args.mine)
    rows: list[dict[str, object]] = [
        {"code": d.code, "name": d.name, "group": d.group_name,
         "instrument": d.instrument_code, "round": d.round.value, "due_on": d.due_on,
         "overdue": d.overdue(today)} for d in due]
    if args.format == TEXT:
        _text(rows)
    else:
        write_rows(sys.stdout, rows, DUE_COLUMNS, args.format)
    return 0


def add_commands(sub: Subcommands) -> None:
    assessments = sub.add_parser("assessments", help=t("cli.monitoring.help_assessments")
                                 ).add_subparsers(dest="action", required=True)
    due = with_common(assessments.add_parser("due", help=t("cli.monitoring.help_due")))
    due.add_argument("--format", choices=(TEXT, *FORMATS), default=TEXT,
                     help=t("cli.monitoring.help_format"))
    due.add_argument("--mine", action="store_true", help=t("cli.monitoring.help_mine"))
    due.set_defaults(func=cmd_assessments_due)

