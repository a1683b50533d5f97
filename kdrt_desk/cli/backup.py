"""``backup`` (for Windows Task Scheduler: an encrypted, verified backup to a file, with the
Backup operator's password from the OS credential store: ``backup-account remember``) and
``restore`` (``--check``: the restore drill, touching no vault; otherwise restore into
``--data-dir``, keeping the replaced vault aside)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import (
    CliUsageError,
    add_overwrite,
    data_dir,
    opened,
    opened_vault,
    password,
    with_common,
)
from kdrt_desk.domain.enums import Role
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands
    from kdrt_desk.wiring import Services


# the backup account's password in the OS credential store (Windows Credential Manager), by
# its username: what a scheduled task reads instead of a password in a file
KEYRING_SERVICE = "KDRT Desk backup"


def _keyring_password(user: str) -> str:
    import keyring

    from kdrt_desk.security.secret_store import store_name

    name = user.strip().lower()
    try:
        value = keyring.get_password(KEYRING_SERVICE, name)
    except Exception:  # noqa: BLE001 - any backend failure means "no password kept here"
        value = None
    if not value:
        raise CliUsageError("cli.backup.keyring_missing", user=name, store=store_name())
    return value


@contextmanager
def _backup_login(args: argparse.Namespace) -> Iterator[Services]:
    """The services, logged in with ``--password-from-keyring`` (a Backup operator only; a
    stored password that no longer works says so) or the usual password sources."""
    from kdrt_desk.errors import VaultError
    from kdrt_desk.security.secret_store import store_name

    if not args.password_from_keyring:
        with opened(args) as services:
            yield services
        return
    name = args.user.strip().lower()
    try:
        with opened(args, _keyring_password(name)) as services:
            if services.vault.actor.role != Role.BACKUP:
                raise CliUsageError("cli.backup.keyring_not_backup_role", user=name,
                                    store=store_name())
            yield services
    except VaultError as exc:
        if exc.key != "error.wrong_login":
            raise
        raise CliUsageError("cli.backup.keyring_wrong", user=name, store=store_name()) from None


def cmd_backup(args: argparse.Namespace) -> int:
    from kdrt_desk.security.atomic_file import OutputWriter

    out = Path(args.out).expanduser()
    OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)  # before a login, too
    with _backup_login(args) as services:
        record, check = services.backups.make(out, overwrite=args.overwrite, kind="scheduled")
    if not check.ok:
        print(t("cli.backup.failed_check", path=record.path, problem=t(check.problem)),
              file=sys.stderr)
        return 3
    summary = check.summary()
    print(t("cli.backup.written", path=record.path, size=f"{record.size / 2**20:.1f}",
            participants=summary["participants"], audit=summary["audit"]))
    return 0


def cmd_backup_account_remember(args: argparse.Namespace) -> int:
    """Check the password by logging in (audited; wrong tries count towards the lock-out),
    then keep it in the OS credential store: only a Backup operator's, never in a plain file."""
    import keyring
    from keyring.errors import KeyringError

    from kdrt_desk.errors import VaultError
    from kdrt_desk.security.secret_store import SecretStore, store_name

    store = store_name()
    if not SecretStore().available():
        raise CliUsageError("cli.backup_account.keyring_unavailable", store=store)
    name = args.user.strip().lower()
    secret = password(args)
    with opened_vault(data_dir(args), name, secret) as vault:
        if vault.actor.role != Role.BACKUP:
            raise CliUsageError("cli.backup.keyring_not_backup_role", user=name, store=store)
    try:
        keyring.set_password(KEYRING_SERVICE, name, secret)
    except KeyringError as exc:
        raise VaultError("error.keyring_unwritable", store=store) from exc
    print(t("cli.backup_account.remembered", user=name, store=store))
    return 0


def cmd_backup_account_forget(args: argparse.Namespace) -> int:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    from kdrt_desk.errors import VaultError
    from kdrt_desk.security.secret_store import store_name

    store = store_name()
    name = args.user.strip().lower()
    try:
        keyring.delete_password(KEYRING_SERVICE, name)
    except PasswordDeleteError:
        print(t("cli.backup_account.nothing_to_forget", user=name, store=store))
        return 0
    except KeyringError as exc:
        raise VaultError("error.keyring_unwritable", store=store) from exc
    print(t("cli.backup_account.forgotten", user=name, store=store))
    return 0


def _credentials(args: argparse.Namespace) -> tuple[str, str, str]:
    """(user, password, recovery code): the code from standard input, or a staff login."""
    if args.recovery_code_stdin:
        code = sys.stdin.readline().strip()
        if not code:
            raise CliUsageError("cli.restore.need_user")
        return "", "", code
    if not args.user:
        raise CliUsageError("cli.restore.need_user")
    return args.user, password(args), ""


def cmd_restore(args: argparse.Namespace) -> int:
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.backups import check_backup, restore_backup

    file = Path(args.file).expanduser()
    store = SecretStore()
    user, secret, code = _credentials(args)
    reapplied = 0
    if args.check:
        check = check_backup(file, username=user, password=secret, recovery_code=code,
                             store=store)
    else:
        done = restore_backup(file, data_dir(args), username=user, password=secret,
                              recovery_code=code, store=store)
        check, reapplied = done.check, done.reapplied
    if not check.ok:
        print(t("cli.restore.check_failed", path=str(file), problem=t(check.problem)),
              file=sys.stderr)
        return 3
    print(t("cli.restore.checked", path=str(file), made=check.made_at[:16].replace("T", " "),
            **check.summary()))
    if check.anchor is not None:
        print(t("cli.restore.anchor", entry=check.anchor.entry_id,
                at=check.anchor.at[:16].replace("T", " ")))
    else:
        print(t("cli.restore.no_anchor"))
    if not args.check:
        print(t("cli.restore.restored", folder=str(data_dir(args))))
        print(t("cli.restore.reapplied", count=reapplied))
    return 0


def add_commands(sub: Subcommands) -> None:
    from kdrt_desk.security.secret_store import store_name

    store = store_name("win32")  # what Task Scheduler runs with: the help names it
    backup = with_common(sub.add_parser(
        "backup", help=t("cli.backup.help"), epilog=t("cli.backup.task_scheduler"),
        formatter_class=argparse.RawDescriptionHelpFormatter))
    backup.add_argument("--out", required=True, metavar="FILE", help=t("cli.backup.help_out"))
    backup.add_argument("--password-from-keyring", action="store_true",
                        help=t("cli.backup.help_keyring", store=store))
    add_overwrite(backup)
    backup.set_defaults(func=cmd_backup)
    account = sub.add_parser("backup-account", help=t("cli.backup_account.help"),
                             epilog=t("cli.backup.task_scheduler"),
                             formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = account.add_subparsers(dest="action", required=True)
    remember = with_common(actions.add_parser(
        "remember", help=t("cli.backup_account.help_remember", store=store)))
    remember.set_defaults(func=cmd_backup_account_remember)
    forget = with_common(actions.add_parser(
        "forget", help=t("cli.backup_account.help_forget", store=store)))
    forget.set_defaults(func=cmd_backup_account_forget)
    restore = with_common(sub.add_parser("restore", help=t("cli.restore.help")), user=False)
    restore.add_argument("file", metavar="FILE", help=t("cli.restore.help_file"))
    restore.add_argument("--check", action="store_true", help=t("cli.restore.help_check"))
    restore.add_argument("--user", default="", help=t("cli.restore.help_user"))
    restore.add_argument("--recovery-code-stdin", action="store_true",
                         help=t("cli.restore.help_recovery"))
    restore.set_defaults(func=cmd_restore)
