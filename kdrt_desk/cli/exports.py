"""``export``: the quarterly donor report as an Excel workbook (de-identified: counts of 1-4 as
"<5", more cells hidden where totals would reveal them; only women who consented count)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk import i18n
from kdrt_desk.cli.common import CliUsageError, add_overwrite, data_dir, opened, with_common
from kdrt_desk.domain.donor_report import Quarter
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands


def cmd_export_donor(args: argparse.Namespace) -> int:
    from kdrt_desk.security.atomic_file import OutputWriter

    quarter = Quarter.parse(args.quarter)
    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise CliUsageError("cli.export.out_xlsx", path=str(out))
    OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)  # before a login, too
    with opened(args) as services:
        done = services.donor_report.write(quarter, out, lang=i18n.language(),
                                           overwrite=args.overwrite)
    print(t("cli.export.donor_written", quarter=str(quarter), path=str(done.path),
            primary=done.primary, complementary=done.complementary))
    if done.unprotected:
        print(t("donor.unprotected_warning", count=done.unprotected), file=sys.stderr)
    return 0


def add_commands(sub: Subcommands) -> None:
    export = sub.add_parser("export", help=t("cli.export.help")).add_subparsers(
        dest="action", required=True)
    donor = with_common(export.add_parser("donor", help=t("cli.export.help_donor")))
    donor.add_argument("--quarter", required=True, metavar="2026Q3",
                       help=t("cli.export.help_quarter"))
    donor.add_argument("--out", required=True, metavar="FILE.xlsx",
                       help=t("cli.export.help_out"))
    add_overwrite(donor)
    donor.set_defaults(func=cmd_export_donor)
