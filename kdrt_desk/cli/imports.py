"""``import participants``: a centre's old list (.xlsx or .csv) into the register, headless.

The same service as the column-mapping screen (``ParticipantImportService``): the same mapping
(remembered by header names; ``--mapping FILE.json`` overrides it for the columns it names), the
same rules as the form, one transaction, the same audit entries. Each problem is one line on
stdout ("Baris 7, kolom "NIK": ..."), then a summary line. Exit status: 0 when the rows were
imported (or, with ``--dry-run``, all are valid); 1 when rows have problems and nothing was
imported (without ``--skip-invalid``) or a dry run found problems; 2 for a file or mapping
refused (one line on stderr). ``--report FILE.csv|FILE.xlsx`` saves the rows with problems and
why (row, column, reason: no value from the file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import add_overwrite, opened, with_common
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands


def cmd_import_participants(args: argparse.Namespace) -> int:
    from kdrt_desk.services.participant_import import load_mapping_file

    mapping = load_mapping_file(Path(args.mapping)) if args.mapping else None
    with opened(args) as services:
        imports = services.participant_import
        result = imports.import_file(Path(args.file), mapping, skip_invalid=args.skip_invalid,
                                     dry_run=args.dry_run)
        for row, column, reason in imports.report_rows(result):
            print(t("cli.import.problem", row=row, column=column or "\u2014", message=reason))
        invalid = len(result.invalid_rows)
        if result.status == "checked":
            print(t("cli.import.checked", total=result.total, valid=result.valid,
                    invalid=invalid))
        elif result.status == "refused":
            print(t("cli.import.refused", total=result.total, invalid=invalid))
        else:
            print(t("cli.import.imported", imported=result.imported, total=result.total,
                    skipped=result.total - result.imported,
                    to_complete=len(imports.to_complete())))
        if args.report and result.problems:
            written = imports.export_report(result, Path(args.report),
                                            overwrite=args.overwrite)
            print(t("cli.import.report_written", path=written), file=sys.stderr)
    if result.status == "imported":
        return 0
    return 1 if result.problems else 0


def add_commands(sub: Subcommands) -> None:
    group = sub.add_parser("import", help=t("cli.import.help")).add_subparsers(
        dest="action", required=True)
    people = with_common(group.add_parser("participants", help=t("cli.import.help_participants")))
    people.add_argument("--file", required=True, help=t("cli.import.help_file"))
    people.add_argument("--mapping", help=t("cli.import.help_mapping"))
    people.add_argument("--skip-invalid", action="store_true",
                        help=t("cli.import.help_skip_invalid"))
    people.add_argument("--dry-run", action="store_true", help=t("cli.import.help_dry_run"))
    people.add_argument("--report", help=t("cli.import.help_report"))
    add_overwrite(people)
    people.set_defaults(func=cmd_import_participants)
