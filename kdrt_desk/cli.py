"""Headless commands (the GUI's services): init, demo, users, participants, screening, audit, check.

User errors end with one translated line on stderr and exit code 2; bugs with exit code 70 and a
line pointing at the log, never a traceback on the terminal.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import logging
import os
import secrets
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from sqlalchemy import text

from kdrt_desk import i18n
from kdrt_desk.domain.enums import ParticipantStatus, Role
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.logging_setup import configure_logging
from kdrt_desk.repositories.participants import RegisterQuery
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.vault_access import (
    VaultPaths,
    create_vault,
    discard_new_vault,
    open_vault,
)
from kdrt_desk.wiring import build_services, default_data_dir

log = logging.getLogger(__name__)
DEMO_CENTRE = "Pusat Pemberdayaan Perempuan Sriwijaya (demo)"
DEMO_ADDRESS = "Jl. Demo No. 1, Kemuning, Palembang"


class CliUsageError(UserError):
    pass


def _password(args: argparse.Namespace, env: str = "KDRT_PASSWORD",
              prompt: str = "cli.prompt_password") -> str:
    if getattr(args, "password_stdin", False) and env == "KDRT_PASSWORD":
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        value = os.environ.get(env, "")
        if not value and sys.stdin.isatty():
            value = getpass.getpass(t(prompt))
    if not value:
        raise CliUsageError("cli.password_missing", variable=env)
    return value


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()


def _print_warnings(warnings: Sequence[str]) -> None:
    for key in warnings:
        print(t(key), file=sys.stderr)


def cmd_init(args: argparse.Namespace) -> int:
    from kdrt_desk.reports.recovery_sheet import RecoverySheet, write_recovery_sheet

    data_dir = _data_dir(args)
    sheet = Path(args.recovery_sheet).expanduser()
    if not sheet.parent.is_dir():
        raise CliUsageError("cli.sheet_folder_missing")
    if sheet.is_dir() or not os.access(sheet.parent, os.W_OK):
        # checked before the vault exists: a sheet that cannot be written loses the code
        raise CliUsageError("cli.sheet_path_unusable")
    password = _password(args)
    store = SecretStore()
    code = create_vault(data_dir, centre_name=args.centre, centre_address=args.address or "",
                        admin_username=args.admin, admin_password=password, store=store)
    paths = VaultPaths(data_dir)
    vault_id = json.loads(paths.keys.read_text())["vault_id"]
    try:
        write_recovery_sheet(sheet, RecoverySheet(args.centre, args.address or "", code,
                                                  date.today(), vault_id[:8]), i18n.language())
    except OSError as exc:
        discard_new_vault(paths)  # empty and unrecoverable without its sheet: start again
        raise CliUsageError("cli.sheet_write_failed") from exc
    if not store.available():
        print(t("warning.password_only"), file=sys.stderr)
    print(t("cli.init_done", folder=str(data_dir), sheet=str(sheet)))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from kdrt_desk.services.demo_care import insert_demo_care
    from kdrt_desk.services.demo_data import insert_participants
    from kdrt_desk.services.demo_screenings import insert_demo_screenings
    from kdrt_desk.services.demo_training import insert_demo_training
    from kdrt_desk.synthetic.participants import generate_participants

    data_dir = _data_dir(args)
    if args.participants < 0:
        raise CliUsageError("cli.participants_negative")
    password = os.environ.get("KDRT_PASSWORD") or secrets.token_urlsafe(12)
    generated = not os.environ.get("KDRT_PASSWORD")
    store = SecretStore()
    code = create_vault(data_dir, centre_name=DEMO_CENTRE, centre_address=DEMO_ADDRESS,
                        admin_username="admin", admin_password=password,
                        admin_display_name="Admin Demo", store=store)
    vault = open_vault(data_dir, "admin", password, store=store)
    try:
        services = build_services(vault)
        for role, name in ((Role.KONSELOR, "Konselor Demo"), (Role.FASILITATOR, "Fasilitator Demo"),
                           (Role.STAF, "Staf Demo")):
            services.accounts.add_account(role.value, role, password, name)
        today = date.today()
        people = sorted(generate_participants(args.participants, seed=args.seed, today=today),
                        key=lambda p: (p.registered_on or today))
        insert_participants(vault.db, vault.actor, people, today)
        insert_demo_screenings(vault.db, vault.actor, seed=args.seed, today=today)
        insert_demo_care(vault.db, vault.actor, seed=args.seed, today=today)
        insert_demo_training(vault.db, vault.actor, seed=args.seed, today=today)
    finally:
        vault.close()
    _print_warnings([] if store.available() else ["warning.password_only"])
    print(t("cli.demo_done", folder=str(data_dir), count=args.participants))
    for role in Role:
        print(f"  {role.value:<12} {t('cli.demo_password')}: "
              f"{password if generated else t('cli.demo_password_env')}")
    print(t("cli.demo_recovery", code=code))
    return 0


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    vault = open_vault(_data_dir(args), args.user, _password(args))
    _print_warnings(vault.warnings)
    return build_services(vault)


def cmd_users_add(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        new_password = _password(args, "KDRT_NEW_PASSWORD", "cli.prompt_new_password")
        services.accounts.add_account(args.new_user, args.role, new_password, args.name or "")
    finally:
        services.close()
    print(t("cli.user_added", name=args.new_user.strip().lower(), role=args.role))
    return 0


def cmd_participants_list(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        status = ParticipantStatus(args.status) if args.status else None
        rows = services.participants.list_rows(
            RegisterQuery(text=args.search or "", status=status, kecamatan=args.kecamatan or ""))
        columns = services.participants.visible_columns()
        services.participants.record_listing(len(rows), args.format)
    finally:
        services.close()
    _write_rows(sys.stdout, rows, columns, args.format)
    return 0


def cmd_screening_list(args: argparse.Namespace) -> int:
    from types import SimpleNamespace

    services = _open(args)
    try:
        status = ParticipantStatus(args.status) if args.status else None
        rows = services.screening.list_rows(status=status)
        columns = services.screening.visible_columns()
        services.screening.record_listing(len(rows), args.format)
    finally:
        services.close()
    shown = [SimpleNamespace(**{c: "" if getattr(r, c) is None else getattr(r, c)
                                for c in columns}) for r in rows]
    _write_rows(sys.stdout, shown, columns, args.format)
    return 0


def _listed(rows: Sequence[dict[str, object]]) -> list[object]:
    """Rows for ``_write_rows``: None printed as an empty cell."""
    from types import SimpleNamespace

    return [SimpleNamespace(**{k: "" if v is None else v for k, v in row.items()})
            for row in rows]


def _joined(values: object) -> str:
    """A set or list of values in one cell, separated by ``;``."""
    return ";".join(sorted(str(v) for v in values))  # type: ignore[attr-defined]


MODULE_COLUMNS = ("code", "title", "track", "sessions", "minutes", "facilitator_type",
                  "venue_features", "partner", "min_attendance_pct", "assessment_required",
                  "archived")
GROUP_COLUMNS = ("id", "name", "kecamatan", "start_date", "end_date", "venue", "members",
                 "modules", "archived")
SESSION_COLUMNS = ("id", "date", "start", "end", "group", "module", "venue", "facilitator",
                   "status", "marked", "attended")


def cmd_modules_list(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        modules = services.catalogue.modules(include_archived=True)
    finally:
        services.close()
    rows = [{"code": m.code, "title": m.title, "track": m.track.value,
             "sessions": m.session_count, "minutes": m.minutes_per_session,
             "facilitator_type": m.facilitator_type.value,
             "venue_features": _joined(f.value for f in m.venue_features),
             "partner": m.partner_name, "min_attendance_pct": m.min_attendance_pct,
             "assessment_required": m.assessment_required, "archived": m.archived}
            for m in modules]
    _write_rows(sys.stdout, _listed(rows), MODULE_COLUMNS, args.format)
    return 0


def cmd_groups_list(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        groups = services.groups.groups(include_archived=True)
        codes = {m.id: m.code for m in services.catalogue.modules(include_archived=True)}
    finally:
        services.close()
    rows = [{"id": g.id, "name": g.name, "kecamatan": g.kecamatan, "start_date": g.start_date,
             "end_date": g.end_date, "venue": g.venue_name, "members": g.member_count,
             # in the group's order, not sorted
             "modules": ";".join(codes.get(m, str(m)) for m in g.module_ids),
             "archived": g.archived} for g in groups]
    _write_rows(sys.stdout, _listed(rows), GROUP_COLUMNS, args.format)
    return 0


def _cli_date(value: str | None, option: str) -> date | None:
    """An ISO date from the command line; anything else is one translated error line."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliUsageError("cli.programme.date_invalid", value=value, option=option) from None


def cmd_sessions_list(args: argparse.Namespace) -> int:
    from kdrt_desk.domain.training import SessionQuery

    start = _cli_date(args.start, "--from")
    end = _cli_date(args.end, "--to")
    if start is not None and end is not None and start > end:
        raise CliUsageError("cli.programme.date_order", start=start.isoformat(),
                            end=end.isoformat())
    services = _open(args)
    try:
        sessions = services.sessions.sessions(
            SessionQuery(group_name=args.group or "", start=start, end=end))
    finally:
        services.close()

    def clock(value: object) -> str:
        return value.strftime("%H:%M") if value is not None else ""  # type: ignore[attr-defined]

    rows = [{"id": s.id, "date": s.session_date, "start": clock(s.start_time),
             "end": clock(s.end_time), "group": s.group_name, "module": s.module_code,
             "venue": s.venue_name, "facilitator": s.facilitator_name, "status": s.status.value,
             "marked": s.marked, "attended": s.attended} for s in sessions]
    _write_rows(sys.stdout, _listed(rows), SESSION_COLUMNS, args.format)
    return 0


def cmd_attendance_sheet(args: argparse.Namespace) -> int:
    try:
        session_id = int(args.session.strip())
    except ValueError:
        raise CliUsageError("cli.programme.session_invalid", value=args.session) from None
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CliUsageError("cli.programme.out_is_folder", path=str(out))
    if not out.parent.is_dir():
        raise CliUsageError("cli.programme.out_folder_missing", folder=str(out.parent))
    if not os.access(out.parent, os.W_OK):
        raise UserError("error.export_unwritable")  # told before the vault is even opened
    services = _open(args)
    try:
        count = services.attendance.print_sign_in_sheet(session_id, out, args.preferred_names,
                                                        i18n.language())
    finally:
        services.close()
    print(t("cli.programme.sheet_written", count=count, path=str(out)))
    return 0


def _write_rows(out: TextIO, rows: Sequence[object], columns: Sequence[str], fmt: str) -> None:
    def value(row: object, column: str) -> str:
        raw = getattr(row, column)
        return raw.isoformat() if isinstance(raw, date) else str(raw)

    if fmt == "json":
        json.dump([{c: value(r, c) for c in columns} for r in rows], out, ensure_ascii=False,
                  indent=1)
        out.write("\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([value(row, c) for c in columns])


def cmd_audit_verify(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        result = services.audit.verify()
    finally:
        services.close()
    if result.ok:
        print(t("cli.audit_ok", count=result.entries))
        return 0
    print(t("cli.audit_broken", entry=result.first_broken_id), file=sys.stderr)
    return 3


def cmd_check(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        with services.vault.db.reading() as session:
            integrity = session.execute(text("PRAGMA integrity_check")).scalar()
            cipher = session.execute(text("PRAGMA cipher_version")).scalar()
        mode = (t("cli.keyring_os", backend=SecretStore().backend_name())
                if services.vault.keys.uses_keyring else t("cli.keyring_password_only"))
        count = services.participants.count() if services.vault.actor.role != Role.FASILITATOR \
            else None
    finally:
        services.close()
    print(t("cli.check_integrity", result=integrity))
    print(t("cli.check_cipher", version=cipher))
    print(t("cli.check_keyring", mode=mode))
    if count is not None:
        print(t("cli.check_participants", count=count))
    return 0 if integrity == "ok" else 4


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kdrt-desk", description=t("cli.description"))
    parser.add_argument("--data-dir", help=t("cli.help_data_dir"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=t("cli.help_lang"))
    sub = parser.add_subparsers(dest="command")

    def with_common(p: argparse.ArgumentParser, user: bool = True) -> argparse.ArgumentParser:
        p.add_argument("--data-dir", default=argparse.SUPPRESS, help=t("cli.help_data_dir"))
        p.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                       help=t("cli.help_lang"))
        p.add_argument("--password-stdin", action="store_true", help=t("cli.help_password_stdin"))
        if user:
            p.add_argument("--user", required=True, help=t("cli.help_user"))
        return p

    init = with_common(sub.add_parser("init", help=t("cli.help_init")), user=False)
    init.add_argument("--admin", required=True)
    init.add_argument("--centre", required=True)
    init.add_argument("--address", default="")
    init.add_argument("--recovery-sheet", required=True)
    init.set_defaults(func=cmd_init)

    demo = with_common(sub.add_parser("demo", help=t("cli.help_demo")), user=False)
    demo.add_argument("--participants", type=int, default=500)
    demo.add_argument("--seed", type=int, default=2026)
    demo.set_defaults(func=cmd_demo)

    users = sub.add_parser("users", help=t("cli.help_users")).add_subparsers(dest="action",
                                                                            required=True)
    add = with_common(users.add_parser("add"))
    add.add_argument("--new-user", required=True)
    # no argparse choices: the service names a wrong role in one translated line
    add.add_argument("--role", required=True, metavar="{" + ",".join(r.value for r in Role) + "}")
    add.add_argument("--name", default="")
    add.set_defaults(func=cmd_users_add)

    parts = sub.add_parser("participants", help=t("cli.help_participants")).add_subparsers(
        dest="action", required=True)
    plist = with_common(parts.add_parser("list"))
    plist.add_argument("--search", default="")
    plist.add_argument("--status", choices=[s.value for s in ParticipantStatus])
    plist.add_argument("--kecamatan", default="")
    plist.add_argument("--format", choices=("csv", "json"), default="csv")
    plist.set_defaults(func=cmd_participants_list)

    screening = sub.add_parser("screening", help=t("cli.screening.help")).add_subparsers(
        dest="action", required=True)
    slist = with_common(screening.add_parser("list", help=t("cli.screening.help_list")))
    slist.add_argument("--status", choices=[s.value for s in ParticipantStatus],
                       help=t("cli.screening.help_status"))
    slist.add_argument("--format", choices=("csv", "json"), default="csv")
    slist.set_defaults(func=cmd_screening_list)

    _add_programme_commands(sub, with_common)

    audit = sub.add_parser("audit", help=t("cli.help_audit")).add_subparsers(dest="action",
                                                                            required=True)
    with_common(audit.add_parser("verify")).set_defaults(func=cmd_audit_verify)
    with_common(sub.add_parser("check", help=t("cli.help_check"))).set_defaults(func=cmd_check)
    return parser


def _add_programme_commands(sub, with_common) -> None:  # type: ignore[no-untyped-def]
    """modules list, groups list, sessions list, attendance sheet."""
    formats = {"choices": ("csv", "json"), "default": "csv", "help": t("cli.programme.help_format")}
    modules = sub.add_parser("modules", help=t("cli.programme.help_modules")).add_subparsers(
        dest="action", required=True)
    mlist = with_common(modules.add_parser("list", help=t("cli.programme.help_list")))
    mlist.add_argument("--format", **formats)
    mlist.set_defaults(func=cmd_modules_list)

    groups = sub.add_parser("groups", help=t("cli.programme.help_groups")).add_subparsers(
        dest="action", required=True)
    glist = with_common(groups.add_parser("list", help=t("cli.programme.help_list")))
    glist.add_argument("--format", **formats)
    glist.set_defaults(func=cmd_groups_list)

    sessions = sub.add_parser("sessions", help=t("cli.programme.help_sessions")).add_subparsers(
        dest="action", required=True)
    slist = with_common(sessions.add_parser("list", help=t("cli.programme.help_list")))
    slist.add_argument("--group", default="", help=t("cli.programme.help_group"))
    # plain strings: a bad date is one translated line, not an argparse usage message
    slist.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                       help=t("cli.programme.help_from"))
    slist.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help=t("cli.programme.help_to"))
    slist.add_argument("--format", **formats)
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
    sheet.set_defaults(func=cmd_attendance_sheet)


def run(argv: Sequence[str]) -> int:
    """Run a headless command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    configure_logging(_data_dir(args))
    try:
        return int(args.func(args))
    except ValidationError as exc:
        details = "; ".join(f"{field}: {msg}" if field else msg
                            for field, msg in exc.by_field().items())
        print(f"{t('cli.error')}: {details}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"{t('cli.error')}: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. ``head``) stopped early: not an error
        return 0
    except Exception:
        configure_logging(_data_dir(args))  # the folder may exist only now
        log.exception("unexpected error in command %s", args.command)
        print(t("cli.internal_error"), file=sys.stderr)
        return 70
