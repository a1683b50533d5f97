"""The register and screening lists: participants list, screening list."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import add_format, opened, with_common
from kdrt_desk.cli.output import fields, write_rows
from kdrt_desk.domain.enums import ParticipantStatus
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

STATUSES = [s.value for s in ParticipantStatus]


def cmd_participants_list(args: argparse.Namespace) -> int:
    from kdrt_desk.domain.participant import RegisterQuery

    with opened(args) as services:
        status = ParticipantStatus(args.status) if args.status else None
        rows = services.participants.list_rows(
            RegisterQuery(text=args.search or "", status=status, kecamatan=args.kecamatan or ""))
        columns = services.participants.visible_columns()
        services.participants.record_listing(len(rows), args.format)
    write_rows(sys.stdout, fields(rows, columns), columns, args.format)
    return 0


def cmd_screening_list(args: argparse.Namespace) -> int:
    with opened(args) as services:
        status = ParticipantStatus(args.status) if args.status else None
        rows = services.screening.list_rows(status=status)
        columns = services.screening.visible_columns()
        services.screening.record_listing(len(rows), args.format)
    write_rows(sys.stdout, fields(rows, columns), columns, args.format)
    return 0


def add_commands(sub: Subcommands) -> None:
    parts = sub.add_parser("participants", help=t("cli.help_participants")).add_subparsers(
        dest="action", required=True)
    plist = with_common(parts.add_parser("list", help=t("cli.help_participants_list")))
    plist.add_argument("--search", default="", help=t("cli.help_search"))
    plist.add_argument("--status", choices=STATUSES, help=t("cli.screening.help_status"))
    plist.add_argument("--kecamatan", default="", help=t("cli.help_kecamatan"))
    add_format(plist)
    plist.set_defaults(func=cmd_participants_list)

    screening = sub.add_parser("screening", help=t("cli.screening.help")).add_subparsers(
        dest="action", required=True)
    slist = with_common(screening.add_parser("list", help=t("cli.screening.help_list")))
    slist.add_argument("--status", choices=STATUSES, help=t("cli.screening.help_status"))
    add_format(slist)
    slist.set_defaults(func=cmd_screening_list)
