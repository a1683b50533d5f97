"""``certificates``: who is eligible (and who is close), issuing a module's certificates to everyone
eligible, the register, verifying a code (exit 0 only for a genuine, valid certificate) and
revoking. The same service as the GUI: the same rules, serials and audit entries."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk import i18n
from kdrt_desk.cli.common import (
    CliUsageError,
    add_format,
    add_overwrite,
    data_dir,
    opened,
    with_common,
)
from kdrt_desk.cli.output import write_rows
from kdrt_desk.domain.certificates import CertificateKind, IssueRequest
from kdrt_desk.i18n import format_date, t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands
    from kdrt_desk.wiring import Services

ELIGIBLE_COLUMNS = ("code", "name", "kind", "module", "course", "group", "eligible", "reason",
                    "attended", "held", "percent", "hours", "first_date", "last_date",
                    "certificate")
PROGRAMME_WORDS = ("program", "programme")  # ``--module program``: the whole programme's
REGISTER_COLUMNS = ("serial", "participant", "printed_name", "kind", "module", "course",
                    "issued_on", "status", "reason", "replaced_by", "replaces")


def _module_id(services: Services, code: str | None) -> int | None:
    if not code:
        return None
    wanted = code.strip().upper()
    for module in services.catalogue.modules(include_archived=True):
        if module.code.upper() == wanted:
            return module.id
    raise CliUsageError("cli.certificates.module_unknown", code=code)


def _group_id(services: Services, name: str | None) -> int | None:
    if not name:
        return None
    wanted = " ".join(name.split()).casefold()
    for group in services.groups.groups(include_archived=True):
        if group.name.casefold() == wanted:
            return group.id
    raise CliUsageError("cli.certificates.group_unknown", name=name)


def cmd_eligible(args: argparse.Namespace) -> int:
    with opened(args) as services:
        found = services.certificates.eligible(_module_id(services, args.module),
                                               _group_id(services, args.group))
    rows = [{"code": r.code, "name": r.name, "kind": r.kind.value, "module": r.module_code,
             "course": r.course, "group": r.group_name, "eligible": r.eligible,
             "reason": r.reason, "attended": r.attended, "held": r.held,
             "percent": r.percent, "hours": r.hours, "first_date": r.first_date,
             "last_date": r.last_date, "certificate": r.existing_serial} for r in found]
    write_rows(sys.stdout, rows, ELIGIBLE_COLUMNS, args.format)
    return 0


def cmd_issue(args: argparse.Namespace) -> int:
    from kdrt_desk.security.atomic_file import OutputWriter

    out = Path(args.out).expanduser()
    folder = out if out.is_dir() else None
    if folder is None:
        if out.suffix.lower() != ".pdf":
            raise CliUsageError("cli.certificates.out_pdf_or_folder", path=str(out))
        OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)  # before a login
    programme = args.module.strip().casefold() in PROGRAMME_WORDS
    with opened(args) as services:
        module = None if programme else _module_id(services, args.module)
        group = _group_id(services, args.group)
        rows = [r for r in services.certificates.eligible(module, group, include_close=False)
                if r.eligible and not r.existing_serial
                and (r.kind is CertificateKind.PROGRAMME) == programme]
        if not rows:
            print(t("cli.certificates.none_eligible"), file=sys.stderr)
            return 1
        done = services.certificates.issue(
            [IssueRequest(r.participant_id, r.module_id, r.group_id,
                          use_preferred=args.preferred_names) for r in rows],
            None if folder is not None else out, per_participant=folder,
            overwrite=args.overwrite, lang=i18n.language())
    print(t("cli.certificates.issued", count=len(done.serials), first=done.serials[0],
            last=done.serials[-1]))
    for path in done.files:
        print(path)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with opened(args) as services:
        found = services.certificates.register()
    rows = [{"serial": r.serial, "participant": r.participant_code,
             "printed_name": t("certificate.name_not_kept") if r.name_removed
             else r.printed_name, "kind": r.kind.value, "module": r.module_code,
             "course": r.course, "issued_on": r.issued_on, "status": r.status.value,
             "reason": r.reason, "replaced_by": r.replaced_by, "replaces": r.replaces}
            for r in found]
    write_rows(sys.stdout, rows, REGISTER_COLUMNS, args.format)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with opened(args) as services:
        told = services.certificates.verify(args.code, name=args.name or "")
    if told.tampered:
        print(t("cli.certificates.tampered"))
        return 1
    if not told.genuine:
        print(t("cli.certificates.not_genuine"))
        return 1
    print(t(f"cli.certificates.status.{told.status}"))
    name = told.printed_name if told.name_kept else t("certificate.name_not_kept")
    print(t("cli.certificates.verified_name", name=name))
    print(t("cli.certificates.verified_course", course=told.course))
    if told.issued_on is not None:
        print(t("cli.certificates.verified_date", date=format_date(told.issued_on)))
    if told.replaced_by:
        print(t("cli.certificates.replaced_by", serial=told.replaced_by))
    if told.name_matches is not None:
        print(t("cli.certificates.name_matches" if told.name_matches
                else "cli.certificates.name_differs"))
    return 0 if told.valid and told.name_matches is not False else 1


def cmd_revoke(args: argparse.Namespace) -> int:
    with opened(args) as services:
        row = services.certificates.revoke(args.serial, args.reason)
    print(t("cli.certificates.revoked", serial=row.serial))
    return 0


def add_commands(sub: Subcommands) -> None:
    certificates = sub.add_parser("certificates", help=t("cli.certificates.help")
                                  ).add_subparsers(dest="action", required=True)
    eligible = with_common(certificates.add_parser(
        "eligible", help=t("cli.certificates.help_eligible")))
    eligible.add_argument("--module", metavar="CODE", help=t("cli.certificates.help_module"))
    eligible.add_argument("--group", metavar="NAME", help=t("cli.certificates.help_group"))
    add_format(eligible)
    eligible.set_defaults(func=cmd_eligible)

    issue = with_common(certificates.add_parser("issue", help=t("cli.certificates.help_issue")))
    issue.add_argument("--module", metavar="CODE", required=True,
                       help=t("cli.certificates.help_module"))
    issue.add_argument("--group", metavar="NAME", help=t("cli.certificates.help_group"))
    issue.add_argument("--out", metavar="FILE.pdf|DIR", required=True,
                       help=t("cli.certificates.help_out"))
    issue.add_argument("--preferred-names", action="store_true",
                       help=t("cli.certificates.help_preferred"))
    add_overwrite(issue)
    issue.set_defaults(func=cmd_issue)

    listing = with_common(certificates.add_parser("list", help=t("cli.certificates.help_list")))
    add_format(listing)
    listing.set_defaults(func=cmd_list)

    verify = with_common(certificates.add_parser("verify",
                                                 help=t("cli.certificates.help_verify")))
    verify.add_argument("code", metavar="CODE", help=t("cli.certificates.help_code"))
    verify.add_argument("--name", help=t("cli.certificates.help_name"))
    verify.set_defaults(func=cmd_verify)

    revoke = with_common(certificates.add_parser("revoke",
                                                 help=t("cli.certificates.help_revoke")))
    revoke.add_argument("serial", metavar="SERIAL", help=t("cli.certificates.help_serial"))
    revoke.add_argument("--reason", required=True, help=t("cli.certificates.help_reason"))
    revoke.set_defaults(func=cmd_revoke)
