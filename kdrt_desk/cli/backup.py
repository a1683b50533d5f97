"""``backup`` (for Windows Task Scheduler: an encrypted, verified backup to a file) and
``restore`` (``--check``: the restore drill, touching no vault; otherwise restore into
``--data-dir``, keeping the replaced vault aside)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import (
    CliUsageError,
    add_overwrite,
    data_dir,
    opened,
    password,
    with_common,
)
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands


def cmd_backup(args: argparse.Namespace) -> int:
    from kdrt_desk.security.atomic_file import OutputWriter

    out = Path(args.out).expanduser()
    OutputWriter(data_dir(args)).check(out, overwrite=args.overwrite)  # before a login, too
    with opened(args) as services:
        record, check = services.backups.make(out, overwrite=args.overwrite, kind="scheduled")
    if not check.ok:
        print(t("cli.backup.failed_check", path=record.path, problem=t(check.problem)),
              file=sys.stderr)
        return 3
    summary = check.summary()
    print(t("cli.backup.written", path=record.path, size=f"{record.size / 2**20:.1f}",
            participants=summary["participants"], audit=summary["audit"]))
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
    if not args.check:
        print(t("cli.restore.restored", folder=str(data_dir(args))))
        print(t("cli.restore.reapplied", count=reapplied))
    return 0


def add_commands(sub: Subcommands) -> None:
    backup = with_common(sub.add_parser("backup", help=t("cli.backup.help")))
    backup.add_argument("--out", required=True, metavar="FILE", help=t("cli.backup.help_out"))
    add_overwrite(backup)
    backup.set_defaults(func=cmd_backup)
    restore = with_common(sub.add_parser("restore", help=t("cli.restore.help")), user=False)
    restore.add_argument("file", metavar="FILE", help=t("cli.restore.help_file"))
    restore.add_argument("--check", action="store_true", help=t("cli.restore.help_check"))
    restore.add_argument("--user", default="", help=t("cli.restore.help_user"))
    restore.add_argument("--recovery-code-stdin", action="store_true",
                         help=t("cli.restore.help_recovery"))
    restore.set_defaults(func=cmd_restore)
