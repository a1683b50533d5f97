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
import re
import secrets
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from kdrt_desk import i18n
from kdrt_desk.domain.enums import ParticipantStatus, Role
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.logging_setup import configure_logging
from kdrt_desk.repositories.participants import RegisterQuery
from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.vault_access import (
    VaultPaths,
    create_vault,
    discard_new_vault,
    open_vault,
)
from kdrt_desk.wiring import build_services, default_data_dir

log = logging.getLogger(__name__)
DEMO_MAX_PARTICIPANTS = 200_000  # above what the benchmarks use; a bigger one fills the disk
MAX_ID = 2**63 - 1
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


def _sheet_path(args: argparse.Namespace, data_dir: Path) -> Path:
    """The recovery sheet's path, checked before anything is made: a sheet that cannot be
    written (or would land in the data folder, beside the vault it opens) loses the code."""
    sheet = Path(args.recovery_sheet).expanduser()
    if not sheet.parent.is_dir():
        raise CliUsageError("cli.sheet_folder_missing")
    if sheet.is_dir() or not os.access(sheet.parent, os.W_OK):
        raise CliUsageError("cli.sheet_path_unusable")
    return OutputWriter(data_dir).check(sheet, overwrite=args.overwrite)


def _write_sheet(args: argparse.Namespace, data_dir: Path, sheet: Path, centre: str,
                 address: str, code: str, vault_id: str) -> None:
    from kdrt_desk.services.recovery import write_recovery_sheet

    write_recovery_sheet(data_dir, sheet, centre_name=centre, centre_address=address, code=code,
                         vault_id=vault_id, lang=i18n.language(), overwrite=args.overwrite)


def cmd_init(args: argparse.Namespace) -> int:
    data_dir = _data_dir(args)
    sheet = _sheet_path(args, data_dir)
    password = _password(args)
    store = SecretStore()
    code = create_vault(data_dir, centre_name=args.centre, centre_address=args.address or "",
                        admin_username=args.admin, admin_password=password, store=store)
    paths = VaultPaths(data_dir)
    vault_id = json.loads(paths.keys.read_text())["vault_id"]
    try:
        _write_sheet(args, data_dir, sheet, args.centre, args.address or "", code, vault_id)
    except UserError as exc:
        discard_new_vault(paths)  # empty and unrecoverable without its sheet: start again
        raise CliUsageError("cli.sheet_write_failed") from exc
    if not store.available():
        print(t("warning.password_only"), file=sys.stderr)
    print(t("cli.init_done", folder=str(data_dir), sheet=str(sheet)))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from kdrt_desk.services.demo_care import (
        insert_demo_care,
        insert_withdrawal_requests,
        reject_demo_withdrawal,
    )
    from kdrt_desk.services.demo_data import insert_participants
    from kdrt_desk.services.demo_screenings import insert_demo_screenings
    from kdrt_desk.services.demo_training import insert_demo_training
    from kdrt_desk.synthetic.participants import generate_participants

    data_dir = _data_dir(args)
    count = _cli_int(args.participants, "--participants", 0, DEMO_MAX_PARTICIPANTS)
    password = os.environ.get("KDRT_PASSWORD") or secrets.token_urlsafe(12)
    generated = not os.environ.get("KDRT_PASSWORD")
    store = SecretStore()
    code = create_vault(data_dir, centre_name=DEMO_CENTRE, centre_address=DEMO_ADDRESS,
                        admin_username="admin", admin_password=password,
                        admin_display_name="Admin Demo", store=store)
    # the logins and the code before the long work: a demo that fails later is removed whole
    _print_warnings([] if store.available() else ["warning.password_only"])
    print(t("cli.demo_done", folder=str(data_dir), count=count))
    for role in Role:
        print(f"  {role.value:<12} {t('cli.demo_password')}: "
              f"{password if generated else t('cli.demo_password_env')}")
    print(t("cli.demo_recovery", code=code), flush=True)
    try:
        vault = open_vault(data_dir, "admin", password, store=store)
        try:
            services = build_services(vault)
            for role, name in ((Role.KONSELOR, "Konselor Demo"),
                               (Role.FASILITATOR, "Fasilitator Demo"), (Role.STAF, "Staf Demo")):
                services.accounts.add_account(role.value, role, password, name)
            today = date.today()
            people = sorted(generate_participants(count, seed=args.seed, today=today),
                            key=lambda p: (p.registered_on or today))
            with vault.db.bulk():  # thousands of transactions: the audit mark once at the end
                insert_participants(vault.db, vault.actor, people, today)
                insert_demo_screenings(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_care(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_training(vault.db, vault.actor, seed=args.seed, today=today)
        finally:
            vault.close()
        # withdrawals the staff recorded: one waits for confirmation, one was taken back
        staff = open_vault(data_dir, Role.STAF.value, password, store=store)
        try:
            requested = insert_withdrawal_requests(staff.db, staff.actor, args.seed, today)
        finally:
            staff.close()
        if len(requested) > 1:
            vault = open_vault(data_dir, "admin", password, store=store)
            try:
                reject_demo_withdrawal(vault.db, vault.actor, requested[1])
            finally:
                vault.close()
    except BaseException:
        discard_new_vault(VaultPaths(data_dir))
        print(t("cli.demo_removed", folder=str(data_dir)), file=sys.stderr)
        raise
    return 0


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    return _open_with(args, _password(args))


def _cli_int(value: object, option: str, low: int, high: int) -> int:
    """A whole number from the command line, in range, before it reaches SQLite."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise CliUsageError("cli.number_invalid", option=option, value=value) from None
    if not low <= number <= high:
        raise CliUsageError("cli.number_out_of_range", option=option, low=low, high=high)
    return number


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
    if not 1 <= session_id <= MAX_ID:
        raise CliUsageError("cli.programme.session_invalid", value=args.session)
    out = Path(args.out).expanduser()
    if out.is_dir():
        raise CliUsageError("cli.programme.out_is_folder", path=str(out))
    if not out.parent.is_dir():
        raise CliUsageError("cli.programme.out_folder_missing", folder=str(out.parent))
    if not os.access(out.parent, os.W_OK):
        raise UserError("error.export_unwritable")  # told before the vault is even opened
    OutputWriter(_data_dir(args)).check(out, overwrite=args.overwrite)  # before a login, too
    services = _open(args)
    try:
        count = services.attendance.print_sign_in_sheet(session_id, out, args.preferred_names,
                                                        i18n.language(), overwrite=args.overwrite)
    finally:
        services.close()
    print(t("cli.programme.sheet_written", count=count, path=str(out)))
    return 0


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f]")


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: a leading = + - @ tab or CR (a formula to Excel,
    e.g. =HYPERLINK(...)) gets an apostrophe in front; control characters are replaced."""
    neutral = "'" + text if text.startswith(FORMULA_STARTS) else text
    return CONTROL_CHARACTERS.sub("\ufffd", neutral)


def _write_rows(out: TextIO, rows: Sequence[object], columns: Sequence[str], fmt: str) -> None:
    def value(row: object, column: str) -> str:
        raw = getattr(row, column)
        if raw is None:
            return ""  # absent: an empty cell, never "None"
        return raw.isoformat() if isinstance(raw, date) else str(raw)

    if fmt == "json":
        json.dump([{c: value(r, c) for c in columns} for r in rows], out, ensure_ascii=False,
                  indent=1)  # JSON escapes control characters itself
        out.write("\n")
        return
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(value(row, c)) for c in columns])


def cmd_audit_verify(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        result = services.audit.verify()
    finally:
        services.close()
    if result.ok:
        print(t("cli.audit_ok", count=result.entries))
        return 0
    key = {"missing": "cli.audit_truncated", "signature": "cli.audit_signature",
           "actor": "cli.audit_actor"}.get(result.problem, "cli.audit_broken")
    print(t(key, entry=result.first_broken_id), file=sys.stderr)
    return 3


def cmd_check(args: argparse.Namespace) -> int:
    """The key file slot by slot (before any login), then the database page by page and
    every sealed value this account can open."""
    from sqlalchemy import select

    from kdrt_desk.db.engine import cipher_version, integrity_check
    from kdrt_desk.models import StaffAccount
    from kdrt_desk.repositories.sealed_values import unreadable_values
    from kdrt_desk.security.crypto import DEFAULT_KDF
    from kdrt_desk.security.keyfile import KeyFileDamagedError
    from kdrt_desk.security.vault_keys import part_label
    from kdrt_desk.services.vault_check import check_key_file, signature_problems

    paths = VaultPaths(_data_dir(args))
    password = _password(args)
    if paths.keys.exists():
        report = check_key_file(paths, SecretStore(), DEFAULT_KDF, args.user, password)
        if not report.intact:
            raise KeyFileDamagedError(report.damaged, ", ".join(part_label(p) for p in
                                                                 report.damaged),
                                      report.previous_intact)
    services = _open_with(args, password)
    try:
        engine = services.vault.db.engine
        integrity = integrity_check(engine)
        cipher = cipher_version(engine)
        with services.vault.db.reading() as session:
            unreadable = unreadable_values(session, services.vault.db.keys)
            usernames = list(session.scalars(select(StaffAccount.username)))
        unsigned = signature_problems(services.vault.keys.file(), usernames)
        mode = (t("cli.keyring_os", backend=SecretStore().backend_name())
                if services.vault.keys.uses_keyring else t("cli.keyring_password_only"))
        count = services.participants.count() if services.vault.actor.role != Role.FASILITATOR \
            else None
        slots = len(services.vault.keys.file().slots)
        holds_keys = bool(services.vault.db.keys.tiers())
    finally:
        services.close()
    print(t("cli.check_integrity", result=integrity))
    print(t("cli.check_cipher", version=cipher))
    print(t("cli.check_keyring", mode=mode))
    print(t("cli.check_slots", count=slots))
    if unsigned:
        print(t("cli.check_signatures_bad", parts=", ".join(part_label(p) for p in unsigned)))
    else:
        print(t("cli.check_signatures_ok"))
    if unreadable:
        print(t("cli.check_unreadable", values="; ".join(
            f"{column} ({n})" for column, n in sorted(unreadable.items()))))
    else:
        print(t("cli.check_sealed_ok") if holds_keys else t("cli.check_sealed_none"))
    if count is not None:
        print(t("cli.check_participants", count=count))
    return 0 if integrity == "ok" and not unreadable and not unsigned else 4


def _open_with(args: argparse.Namespace, password: str):  # type: ignore[no-untyped-def]
    vault = open_vault(_data_dir(args), args.user, password)
    if vault.upgrade_required:
        vault.close()
        raise CliUsageError("cli.upgrade_required")
    _print_warnings(vault.warnings)
    return build_services(vault)


def cmd_keys_restore_previous(args: argparse.Namespace) -> int:
    from kdrt_desk.security.instance_lock import InstanceLock
    from kdrt_desk.services.vault_check import restore_previous_key_file

    data_dir = _data_dir(args)
    with InstanceLock(data_dir):
        kept = restore_previous_key_file(VaultPaths(data_dir))
    print(t("cli.keys_restored", kept=str(kept)))
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    """A vault made before sealed fields: seal it (an admin; a new recovery sheet)."""
    from kdrt_desk.services.settings import SettingsService
    from kdrt_desk.services.vault_upgrade import upgrade_version_1

    data_dir = _data_dir(args)
    sheet = _sheet_path(args, data_dir)
    vault = open_vault(data_dir, args.user, _password(args))
    try:
        if not vault.upgrade_required:
            raise UserError("error.upgrade_not_needed")
        centre = SettingsService(vault.db, vault.actor).current()
        vault = upgrade_version_1(vault, lambda code: _write_sheet(
            args, data_dir, sheet, centre.centre_name, centre.centre_address, code,
            vault.keys.vault_id))
    finally:
        vault.close()
    print(t("cli.upgraded", sheet=str(sheet)))
    return 0


def cmd_users_deactivate(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        held = services.accounts.set_active(args.name, False)
        if args.rotate_keys:
            services.accounts.rotate_after(args.name, held)
    finally:
        services.close()
    print(t("cli.user_deactivated", name=args.name.strip().lower()))
    if args.rotate_keys:
        print(t("cli.keys_rotated"))
    return 0


def cmd_users_hand_over(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        owner_password = _password(args, "KDRT_ACCOUNT_PASSWORD", "cli.prompt_account_password")
        given = services.accounts.confirm_keys(args.name, owner_password)
    finally:
        services.close()
    print(t("cli.keys_handed_over", name=args.name.strip().lower(),
            keys=", ".join(sorted(k.value for k in given)) or "-"))
    return 0


def cmd_users_set_role(args: argparse.Namespace) -> int:
    services = _open(args)
    try:
        lost = services.accounts.change_role(args.name, args.role)
        if args.rotate_keys:
            services.accounts.rotate_after(args.name, lost)
    finally:
        services.close()
    print(t("cli.user_role_changed", name=args.name.strip().lower(), role=args.role))
    if args.rotate_keys and lost:
        print(t("cli.keys_rotated"))
    return 0


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
    init.add_argument("--overwrite", action="store_true", help=t("cli.help_overwrite"))
    init.set_defaults(func=cmd_init)

    upgrade = with_common(sub.add_parser("upgrade", help=t("cli.help_upgrade")))
    upgrade.add_argument("--recovery-sheet", required=True)
    upgrade.add_argument("--overwrite", action="store_true", help=t("cli.help_overwrite"))
    upgrade.set_defaults(func=cmd_upgrade)

    keys = sub.add_parser("keys", help=t("cli.help_keys")).add_subparsers(dest="action",
                                                                         required=True)
    restore = with_common(keys.add_parser("restore-previous",
                                          help=t("cli.help_keys_restore")), user=False)
    restore.set_defaults(func=cmd_keys_restore_previous)

    demo = with_common(sub.add_parser("demo", help=t("cli.help_demo")), user=False)
    demo.add_argument("--participants", default="500", metavar="N")
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
    deactivate = with_common(users.add_parser("deactivate", help=t("cli.help_deactivate")))
    deactivate.add_argument("--name", required=True)
    deactivate.add_argument("--rotate-keys", action="store_true", help=t("cli.help_rotate"))
    deactivate.set_defaults(func=cmd_users_deactivate)
    set_role = with_common(users.add_parser("set-role", help=t("cli.help_set_role")))
    set_role.add_argument("--name", required=True)
    set_role.add_argument("--role", required=True,
                          metavar="{" + ",".join(r.value for r in Role) + "}")
    set_role.add_argument("--rotate-keys", action="store_true", help=t("cli.help_rotate"))
    set_role.set_defaults(func=cmd_users_set_role)
    hand_over = with_common(users.add_parser("hand-over", help=t("cli.help_hand_over")))
    hand_over.add_argument("--name", required=True)
    hand_over.set_defaults(func=cmd_users_hand_over)

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
    sheet.add_argument("--overwrite", action="store_true", help=t("cli.help_overwrite"))
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
