"""The vault's commands: init, upgrade, keys restore-previous, audit verify, check."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk import i18n
from kdrt_desk.cli.common import (
    CliUsageError,
    add_overwrite,
    data_dir,
    opened,
    opened_vault,
    password,
    with_common,
)
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t
from kdrt_desk.security.permissions import Permission

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands


def sheet_path(args: argparse.Namespace, folder: Path) -> Path:
    """The recovery sheet's path, checked before anything is made: a sheet that cannot be
    written (or would land in the data folder, beside the vault it opens) loses the code."""
    from kdrt_desk.security.atomic_file import OutputWriter

    sheet = Path(args.recovery_sheet).expanduser()
    if not sheet.parent.is_dir():
        raise CliUsageError("cli.sheet_folder_missing")
    if sheet.is_dir() or not os.access(sheet.parent, os.W_OK):
        raise CliUsageError("cli.sheet_path_unusable")
    return OutputWriter(folder).check(sheet, overwrite=args.overwrite)


def write_sheet(args: argparse.Namespace, folder: Path, sheet: Path, centre: str,
                address: str, code: str, vault_id: str) -> None:
    from kdrt_desk.services.recovery import write_recovery_sheet

    write_recovery_sheet(folder, sheet, centre_name=centre, centre_address=address, code=code,
                         vault_id=vault_id, lang=i18n.language(), overwrite=args.overwrite)


def cmd_init(args: argparse.Namespace) -> int:
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.vault_access import VaultPaths, create_vault, discard_new_vault

    folder = data_dir(args)
    sheet = sheet_path(args, folder)
    secret = password(args)
    store = SecretStore()
    code = create_vault(folder, centre_name=args.centre, centre_address=args.address or "",
                        admin_username=args.admin, admin_password=secret, store=store)
    paths = VaultPaths(folder)
    vault_id = json.loads(paths.keys.read_text())["vault_id"]
    try:
        write_sheet(args, folder, sheet, args.centre, args.address or "", code, vault_id)
    except UserError as exc:
        discard_new_vault(paths)  # empty and unrecoverable without its sheet: start again
        raise CliUsageError("cli.sheet_write_failed") from exc
    if not store.available():
        print(t("warning.password_only"), file=sys.stderr)
    print(t("cli.init_done", folder=str(folder), sheet=str(sheet)))
    return 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    """A vault made before sealed fields: seal it (an admin; a new recovery sheet)."""
    from kdrt_desk.services.settings import SettingsService
    from kdrt_desk.services.vault_upgrade import upgrade_version_1

    folder = data_dir(args)
    sheet = sheet_path(args, folder)
    with opened_vault(folder, args.user, password(args)) as vault:
        if not vault.upgrade_required:
            raise UserError("error.upgrade_not_needed")
        centre = SettingsService(vault.db, vault.actor).current()
        upgraded = upgrade_version_1(vault, lambda code: write_sheet(
            args, folder, sheet, centre.centre_name, centre.centre_address, code,
            vault.keys.vault_id))
        upgraded.close()  # the sealed vault upgrade_version_1 opened in place of this one
    print(t("cli.upgraded", sheet=str(sheet)))
    return 0


def cmd_keys_restore_previous(args: argparse.Namespace) -> int:
    from kdrt_desk.security.instance_lock import InstanceLock
    from kdrt_desk.services.vault_access import VaultPaths
    from kdrt_desk.services.vault_check import restore_previous_key_file

    folder = data_dir(args)
    with InstanceLock(folder):
        kept = restore_previous_key_file(VaultPaths(folder))
    print(t("cli.keys_restored", kept=str(kept)))
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """The chain itself, then against the newest audit head anchors of backups it can see:
    ``--against FILE`` (opened with the same login, or ``--recovery-code-stdin``), otherwise
    the one this PC's keyring remembers, the last good backup's and the newest automatic one's."""
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.backups import anchors_to_compare

    secret = password(args)
    code = ""
    if args.recovery_code_stdin:
        code = sys.stdin.readline().strip()
        if not code:
            raise CliUsageError("cli.restore.need_user")
    against = Path(args.against).expanduser() if args.against else None
    with opened(args, secret) as services:
        result = services.audit.verify()
        seen = anchors_to_compare(services.vault, username=args.user, password=secret,
                                  recovery_code=code, store=SecretStore(),
                                  against=against) if result.ok else []
        problems = [(found, services.audit.check_anchor(found.anchor)) for found in seen]
    if not result.ok:
        key = {"missing": "cli.audit_truncated", "signature": "cli.audit_signature",
               "actor": "cli.audit_actor"}.get(result.problem, "cli.audit_broken")
        print(t(key, entry=result.first_broken_id), file=sys.stderr)
        return 3
    for found, problem in problems:
        if problem:
            source = t("cli.audit_anchor_keyring") if found.source == "keyring" else found.source
            print(t("cli.audit_anchor_missing" if problem == "missing"
                    else "cli.audit_anchor_changed", entry=found.anchor.entry_id,
                    at=_when(found.anchor.at), source=source,
                    made=_when(found.made_at) if found.made_at
                    else t("cli.audit_anchor_unknown")), file=sys.stderr)
            return 3
    print(t("cli.audit_ok", count=result.entries))
    if against is not None and not seen:
        print(t("cli.audit_anchor_absent", source=str(against)), file=sys.stderr)
        return 3
    if seen:
        newest = seen[0]
        print(t("cli.audit_anchor_ok", count=len(seen), entry=newest.anchor.entry_id,
                at=_when(newest.anchor.at),
                source=t("cli.audit_anchor_keyring") if newest.source == "keyring"
                else newest.source))
    else:
        print(t("cli.audit_anchor_none"))
    return 0


def _when(stamp: str) -> str:
    """An ISO time as the messages show it: "2026-12-03 09:15" (UTC)."""
    return stamp[:16].replace("T", " ")


def wal_left_over(folder: Path) -> bool:
    """A non-empty ``kdrt.db-wal`` while no app holds the vault (its instance lock is free):
    committed changes may be in that file only (a crash, a power cut), and a copy of
    ``kdrt.db`` alone would lose them. While an app runs, a WAL is normal and not reported."""
    from kdrt_desk.db.engine import wal_path
    from kdrt_desk.errors import VaultError
    from kdrt_desk.security.instance_lock import InstanceLock
    from kdrt_desk.services.vault_access import VaultPaths

    wal = wal_path(VaultPaths(folder).database)
    if _size(wal) == 0:
        return False
    lock = InstanceLock(folder)
    try:
        lock.acquire()
    except VaultError:
        return False  # an app has it open (opening it for the check says so next)
    try:
        return _size(wal) > 0  # looked at again under the lock: no app closed it meanwhile
    finally:
        lock.release()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def cmd_check(args: argparse.Namespace) -> int:
    """The key file slot by slot (before any login), then the database page by page and
    every sealed value this account can open.

    Before opening, a non-empty ``kdrt.db-wal`` left while no app holds the vault is warned
    about (``cli.check_wal_left``, on stdout with the other lines). The check's own open and
    close moves that WAL into ``kdrt.db``, which it then says (``cli.check_wal_moved``): the
    exit code is unchanged by it (0 when all else is sound). Only a WAL still not empty after
    the check (``cli.check_wal_still``) makes the exit code 5 (4, damage, comes first)."""
    from sqlalchemy import select

    from kdrt_desk.db.engine import cipher_version, integrity_check, wal_path
    from kdrt_desk.models import StaffAccount
    from kdrt_desk.repositories.sealed_values import unreadable_values
    from kdrt_desk.security.crypto import DEFAULT_KDF
    from kdrt_desk.security.keyfile import KeyFileDamagedError
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.security.vault_keys import part_label
    from kdrt_desk.services.vault_access import VaultPaths
    from kdrt_desk.services.vault_check import check_key_file, signature_problems

    paths = VaultPaths(data_dir(args))
    secret = password(args)
    wal = wal_path(paths.database)
    wal_before = wal_left_over(paths.data_dir)
    if wal_before:
        print(t("cli.check_wal_left", wal=wal.name))
    if paths.keys.exists():
        report = check_key_file(paths, SecretStore(), DEFAULT_KDF, args.user, secret)
        if not report.intact:
            raise KeyFileDamagedError(report.damaged, ", ".join(part_label(p) for p in
                                                                 report.damaged),
                                      report.previous_intact)
    with opened(args, secret) as services:
        engine = services.vault.db.engine
        integrity = integrity_check(engine)
        cipher = cipher_version(engine)
        with services.vault.db.reading() as session:
            unreadable = unreadable_values(session, services.vault.db.keys)
            usernames = list(session.scalars(select(StaffAccount.username)))
        unsigned = signature_problems(services.vault.keys.file(), usernames)
        mode = (t("cli.keyring_os", backend=SecretStore().backend_name())
                if services.vault.keys.uses_keyring else t("cli.keyring_password_only"))
        count = (services.participants.count()
                 if services.vault.actor.may(Permission.VIEW_ALL_PARTICIPANTS) else None)
        slots = len(services.vault.keys.file().slots)
        holds_keys = bool(services.vault.db.keys.tiers())
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
    wal_after = wal_before and _size(wal) > 0
    if wal_before:
        print(t("cli.check_wal_still" if wal_after else "cli.check_wal_moved", wal=wal.name))
    if integrity != "ok" or unreadable or unsigned:
        return 4
    return 5 if wal_after else 0


def add_commands(sub: Subcommands) -> None:
    init = with_common(sub.add_parser("init", help=t("cli.help_init")), user=False)
    init.add_argument("--admin", required=True, help=t("cli.help_admin"))
    init.add_argument("--centre", required=True, help=t("cli.help_centre"))
    init.add_argument("--address", default="", help=t("cli.help_address"))
    init.add_argument("--recovery-sheet", required=True, metavar="FILE.pdf",
                      help=t("cli.help_recovery_sheet"))
    add_overwrite(init)
    init.set_defaults(func=cmd_init)

    upgrade = with_common(sub.add_parser("upgrade", help=t("cli.help_upgrade")))
    upgrade.add_argument("--recovery-sheet", required=True, metavar="FILE.pdf",
                         help=t("cli.help_recovery_sheet"))
    add_overwrite(upgrade)
    upgrade.set_defaults(func=cmd_upgrade)

    keys = sub.add_parser("keys", help=t("cli.help_keys")).add_subparsers(dest="action",
                                                                         required=True)
    restore = with_common(keys.add_parser("restore-previous",
                                          help=t("cli.help_keys_restore")), user=False)
    restore.set_defaults(func=cmd_keys_restore_previous)

    audit = sub.add_parser("audit", help=t("cli.help_audit")).add_subparsers(dest="action",
                                                                            required=True)
    verify = with_common(audit.add_parser("verify", help=t("cli.help_audit_verify")))
    verify.add_argument("--against", metavar="BACKUP", default="",
                        help=t("cli.help_audit_against"))
    verify.add_argument("--recovery-code-stdin", action="store_true",
                        help=t("cli.restore.help_recovery"))
    verify.set_defaults(func=cmd_audit_verify)
    with_common(sub.add_parser("check", help=t("cli.help_check"))).set_defaults(func=cmd_check)
