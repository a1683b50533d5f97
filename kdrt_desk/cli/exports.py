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
                                           overwrite=args.overwrite,
                                           funder=args.funder or "")
    print(t("cli.export.donor_written", quarter=str(quarter), path=str(done.path),
            primary=done.primary, complementary=done.complementary))
    if done.unprotected:
        print(t("donor.unprotected_warning", count=done.unprotected), file=sys.stderr)
    return 0


WORK_EXPORTS = ("participants", "attendance", "assessments")
EXPORT_PASSWORD = "KDRT_EXPORT_PASSWORD"


def cmd_export_work(args: argparse.Namespace) -> int:
    """``export participants|attendance|assessments``: what the role may see, to an .xlsx."""
    from kdrt_desk.security.atomic_file import OutputWriter

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".xlsx":
        raise CliUsageError("cli.export.out_xlsx", path=str(out))
    OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)  # before a login, too
    with opened(args) as services:
        write = getattr(services.work_exports, args.action)
        done = write(out, lang=i18n.language(), overwrite=args.overwrite)
    print(t("cli.export.written", rows=done.rows, path=str(done.path)))
    return 0


def export_password(args: argparse.Namespace) -> str | None:
    """The full export's file password: asked for by ``--protect`` or given in
    ``KDRT_EXPORT_PASSWORD`` (either protects the file), never on the command line; typed
    twice at a terminal. None: an unprotected file."""
    import getpass
    import os
    import sys

    given = os.environ.get(EXPORT_PASSWORD, "")
    if given or not args.protect:
        return given or None
    if not sys.stdin.isatty():
        raise CliUsageError("cli.export.password_missing", variable=EXPORT_PASSWORD)
    first = getpass.getpass(t("cli.export.prompt_password"))
    if getpass.getpass(t("cli.export.prompt_password_again")) != first:
        raise CliUsageError("cli.export.password_mismatch")
    return first


def cmd_export_full(args: argparse.Namespace) -> int:
    """``export full``: every record type for the admin, to an .xlsx (password-protected with
    ``--protect``) or a .zip of CSV files; an unprotected file is announced on stderr."""
    import sys

    from kdrt_desk.security.atomic_file import OutputWriter
    from kdrt_desk.services.work_export_files import check_password

    out = Path(args.out).expanduser()
    if out.suffix.lower() not in (".xlsx", ".zip"):
        raise CliUsageError("cli.export.out_full", path=str(out))
    OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)  # before a login, too
    secret = export_password(args)
    if secret is not None:
        if out.suffix.lower() == ".zip":
            raise CliUsageError("error.export_zip_password")
        check_password(secret)
    with opened(args) as services:
        done = services.work_exports.full(out, password=secret, lang=i18n.language(),
                                          overwrite=args.overwrite)
    for key in done.warnings:
        print(t(key), file=sys.stderr)
    print(t("cli.export.full_written", path=str(done.path), sheets=done.sheets, rows=done.rows))
    if done.protected:
        print(t("cli.export.full_protected"))
    return 0


def _add_work_exports(export: Subcommands) -> None:
    for action in WORK_EXPORTS:
        work = with_common(export.add_parser(action, help=t(f"cli.export.help_{action}")))
        work.add_argument("--out", required=True, metavar="FILE.xlsx",
                          help=t("cli.export.help_out_work"))
        add_overwrite(work)
        work.set_defaults(func=cmd_export_work)
    full = with_common(export.add_parser("full", help=t("cli.export.help_full")))
    full.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.zip",
                      help=t("cli.export.help_out_full"))
    full.add_argument("--protect", action="store_true", help=t("cli.export.help_protect"))
    add_overwrite(full)
    full.set_defaults(func=cmd_export_full)


def add_commands(sub: Subcommands) -> None:
    export = sub.add_parser("export", help=t("cli.export.help")).add_subparsers(
        dest="action", required=True)
    donor = with_common(export.add_parser("donor", help=t("cli.export.help_donor")))
    donor.add_argument("--quarter", required=True, metavar="2026Q3",
                       help=t("cli.export.help_quarter"))
    donor.add_argument("--funder", "--programme", metavar="NAME", default="",
                       help=t("cli.export.help_funder"))
    donor.add_argument("--out", required=True, metavar="FILE.xlsx",
                       help=t("cli.export.help_out"))
    add_overwrite(donor)
    donor.set_defaults(func=cmd_export_donor)
    _add_work_exports(export)
