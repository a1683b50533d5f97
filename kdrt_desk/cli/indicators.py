"""``indicators``: the indicator chain for a period with its targets (text, JSON or CSV),
computed by the same service as the dashboard; figures a role may not compute are withheld."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import CliUsageError, cli_date, opened, with_common
from kdrt_desk.cli.output import write_rows
from kdrt_desk.domain.indicators import IndicatorTable
from kdrt_desk.i18n import t
from kdrt_desk.i18n.indicator_words import indicator_name, indicator_value

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

COLUMNS = ("stage", "indicator", "name", "value", "unit", "n", "target", "met", "withheld")
FORMATS = ("text", "json", "csv")


def rows(table: IndicatorTable) -> list[dict[str, object]]:
    return [{"stage": r.definition.stage.value, "indicator": r.code,
             "name": indicator_name(r.code), "value": r.value, "unit": r.definition.unit.value,
             "n": r.n, "target": r.target, "met": r.met, "withheld": r.withheld}
            for r in table.results]


def cmd_indicators(args: argparse.Namespace) -> int:
    start, end = cli_date(args.start, "--from"), cli_date(args.end, "--to")
    if start is None or end is None:
        raise CliUsageError("cli.indicators.period_required")
    with opened(args) as services:
        table = services.indicators.compute(start, end)
    found = rows(table)
    if args.format != "text":
        write_rows(sys.stdout, found, COLUMNS, args.format)
        return 0
    print(t("cli.indicators.title", start=start.isoformat(), end=end.isoformat()))
    heads = [t(f"cli.indicators.column.{c}") for c in ("name", "value", "n", "target", "met")]
    cells = []
    for result, row in zip(table.results, found, strict=True):
        unit = result.definition.unit.value
        value = (t("cli.indicators.withheld") if result.withheld
                 else indicator_value(result.value, unit) or "–")
        met = "" if result.met is None else ("✓" if result.met else "✗")
        cells.append([str(row["name"]), value, str(result.n),
                      indicator_value(result.target, unit), met])
    widths = [max([len(h), *(len(c[i]) for c in cells)]) for i, h in enumerate(heads)]
    for line in [heads, *cells]:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
              .rstrip())
    return 0


def add_commands(sub: Subcommands) -> None:
    command = with_common(sub.add_parser("indicators", help=t("cli.indicators.help")))
    command.add_argument("--from", dest="start", required=True, help=t("cli.indicators.help_from"))
    command.add_argument("--to", dest="end", required=True, help=t("cli.indicators.help_to"))
    command.add_argument("--format", choices=FORMATS, default="text",
                         help=t("cli.indicators.help_format"))
    command.set_defaults(func=cmd_indicators)
