"""The calendar: ``prayer-times`` (Palembang, offline, Kemenag) and ``holidays`` for a period
(neither needs a vault), and the day's safe ``reminders`` list."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING

from kdrt_desk import i18n
from kdrt_desk.cli.common import (
    FORMATS,
    CliUsageError,
    add_format,
    cli_date,
    cli_int,
    opened,
    with_common,
)
from kdrt_desk.cli.output import write_rows
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

MAX_DAYS = 366
TEXT = "text"


def _days(args: argparse.Namespace) -> tuple[date, int]:
    first = cli_date(args.date, "--date") or date.today()
    return first, cli_int(args.days, "--days", 1, MAX_DAYS)


def _write(rows: list[dict[str, object]], columns: tuple[str, ...], fmt: str) -> None:
    if fmt != TEXT:
        write_rows(sys.stdout, rows, columns, fmt)
        return
    heads = [t(f"cli.calendar.column.{c}") for c in columns]
    cells = [[("" if r[c] is None else str(r[c])) for c in columns] for r in rows]
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(heads)]
    for line in [heads, *cells]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
              .rstrip())


def cmd_prayer_times(args: argparse.Namespace) -> int:
    from kdrt_desk.scheduling.prayer import PRAYERS, prayer_day

    first, count = _days(args)
    rows: list[dict[str, object]] = []
    for offset in range(count):
        times = prayer_day(first + timedelta(days=offset))
        rows.append({"date": times.day.isoformat(),
                     **{name: clock.strftime("%H:%M") for name, clock in times.times()}})
    _write(rows, ("date", *PRAYERS), args.format)
    return 0


def cmd_holidays(args: argparse.Namespace) -> int:
    from kdrt_desk.scheduling.calendar import TermCalendar

    start = cli_date(args.start, "--from")
    end = cli_date(args.end, "--to")
    if start is None or end is None:
        raise CliUsageError("cli.calendar.period_missing")
    if end < start:
        raise CliUsageError("cli.programme.date_order", start=start, end=end)
    calendar = TermCalendar(start, end, lang=i18n.language())
    rows: list[dict[str, object]] = [
        {"date": h.day.isoformat(), "name": h.name, "kind": t(f"calendar.kind.{h.kind.value}"),
         "estimated": h.estimated}
        for h in calendar.holidays if start <= h.day <= end]
    rows += [{"date": f"{r.start.isoformat()}..{r.end.isoformat()}",
              "name": t("calendar.ramadan"), "kind": t("calendar.kind.ramadan"),
              "estimated": r.estimated}
             for r in calendar.ramadan if r.start <= end and r.end >= start]
    rows.sort(key=lambda r: str(r["date"]))
    if args.format == TEXT:
        for row in rows:
            row["estimated"] = t("calendar.estimated") if row["estimated"] else ""
    _write(rows, ("date", "name", "kind", "estimated"), args.format)
    return 0


REMINDER_COLUMNS = ("date", "start", "end", "code", "name", "group", "kind", "told", "way",
                    "phone", "call_times", "never_at_home", "trusted_contact", "message")


def cmd_reminders(args: argparse.Namespace) -> int:
    day = cli_date(args.date, "--date")
    if day is None:
        raise CliUsageError("cli.calendar.date_missing")
    with opened(args) as services:
        found = services.reminders.for_date(day)
    rows: list[dict[str, object]] = [
        {"date": r.day, "start": r.start.strftime("%H:%M"), "end": r.end.strftime("%H:%M"),
         "code": r.code, "name": r.name, "group": r.group_name, "kind": r.kind.value,
         "told": r.told.value,  # new, changed (since she was told) or told (as it is now)
         "way": r.way.value, "phone": r.phone, "call_times": r.call_times,
         "never_at_home": r.never_at_home, "trusted_contact": r.trusted_contact,
         "message": r.message} for r in found]
    write_rows(sys.stdout, rows, REMINDER_COLUMNS, args.format)
    return 0


def _format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=(TEXT, *FORMATS), default=TEXT,
                   help=t("cli.calendar.help_format"))


def _lang(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                   help=t("cli.help_lang"))


def add_commands(sub: Subcommands) -> None:
    prayer = sub.add_parser("prayer-times", help=t("cli.calendar.help_prayer_times"))
    prayer.add_argument("--date", metavar="YYYY-MM-DD", help=t("cli.calendar.help_date"))
    prayer.add_argument("--days", default="1", metavar="N", help=t("cli.calendar.help_days"))
    _format(prayer)
    _lang(prayer)
    prayer.set_defaults(func=cmd_prayer_times)

    holidays = sub.add_parser("holidays", help=t("cli.calendar.help_holidays"))
    holidays.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                          help=t("cli.programme.help_from"))
    holidays.add_argument("--to", dest="end", metavar="YYYY-MM-DD",
                          help=t("cli.programme.help_to"))
    _format(holidays)
    _lang(holidays)
    holidays.set_defaults(func=cmd_holidays)

    reminders = with_common(sub.add_parser("reminders", help=t("cli.calendar.help_reminders")))
    reminders.add_argument("--date", metavar="YYYY-MM-DD", help=t("cli.calendar.help_day"))
    add_format(reminders)
    reminders.set_defaults(func=cmd_reminders)
