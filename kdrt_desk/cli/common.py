"""What every command shares: passwords, the data folder, ``opened(args)``, checked arguments."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from kdrt_desk import i18n
from kdrt_desk.errors import UserError
from kdrt_desk.i18n import t
from kdrt_desk.vault_files import found_data_dir

if TYPE_CHECKING:
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.vault_access import OpenVault
    from kdrt_desk.wiring import Services

    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

MAX_ID = 2**63 - 1
FORMATS = ("csv", "json")


class CliUsageError(UserError):
    pass


def password(args: argparse.Namespace, env: str = "KDRT_PASSWORD",
             prompt: str = "cli.prompt_password") -> str:
    """A password from ``--password-stdin`` (the login's only), ``env`` or a terminal prompt."""
    if getattr(args, "password_stdin", False) and env == "KDRT_PASSWORD":
        value = sys.stdin.readline().rstrip("\r\n")
    else:
        value = os.environ.get(env, "")
        if not value and sys.stdin.isatty():
            value = getpass.getpass(t(prompt))
    if not value:
        raise CliUsageError("cli.password_missing", variable=env)
    return value


def data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir).expanduser() if args.data_dir else found_data_dir()


def print_warnings(warnings: Sequence[str]) -> None:
    for key in warnings:
        print(t(key), file=sys.stderr)


@contextmanager
def opened_vault(folder: Path, user: str, secret: str,
                 store: SecretStore | None = None) -> Iterator[OpenVault]:
    """The vault opened as ``user``, closed (its instance lock released) however the block ends."""
    from kdrt_desk.services.windows_accounts import open_for_login

    vault = open_for_login(folder, user, secret, store=store)
    try:
        yield vault
    finally:
        vault.close()


@contextmanager
def opened(args: argparse.Namespace, secret: str | None = None) -> Iterator[Services]:
    """The services of the vault ``--data-dir`` opened as ``--user``; closed when the block ends.

    The password is asked for unless given; a vault waiting for ``upgrade`` is refused."""
    from kdrt_desk.wiring import build_services

    with opened_vault(data_dir(args), args.user,
                      password(args) if secret is None else secret) as vault:
        if vault.upgrade_required:
            raise CliUsageError("cli.upgrade_required")
        print_warnings(vault.warnings)
        yield build_services(vault)  # Services.close() is vault.close(): done by opened_vault


def cli_int(value: object, option: str, low: int, high: int) -> int:
    """A whole number from the command line, in range, before it reaches SQLite."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise CliUsageError("cli.number_invalid", option=option, value=value) from None
    if not low <= number <= high:
        raise CliUsageError("cli.number_out_of_range", option=option, low=low, high=high)
    return number


def cli_date(value: str | None, option: str) -> date | None:
    """An ISO date from the command line; anything else is one translated error line."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CliUsageError("cli.programme.date_invalid", value=value, option=option) from None


def with_common(p: argparse.ArgumentParser, user: bool = True) -> argparse.ArgumentParser:
    """The options every command takes (after its name, too): folder, language, password, user."""
    p.add_argument("--data-dir", default=argparse.SUPPRESS, help=t("cli.help_data_dir"))
    p.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                   help=t("cli.help_lang"))
    p.add_argument("--password-stdin", action="store_true", help=t("cli.help_password_stdin"))
    if user:
        p.add_argument("--user", required=True, help=t("cli.help_user"))
    return p


def add_format(p: argparse.ArgumentParser, help_key: str = "cli.programme.help_format") -> None:
    p.add_argument("--format", choices=FORMATS, default="csv", help=t(help_key))


def add_overwrite(p: argparse.ArgumentParser) -> None:
    p.add_argument("--overwrite", action="store_true", help=t("cli.help_overwrite"))
