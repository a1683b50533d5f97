"""The parser (each command group adds its own) and the run that turns errors into exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from kdrt_desk import i18n
from kdrt_desk.cli import (
    accounts,
    backup,
    calendar,
    certificates,
    demo,
    exports,
    imports,
    indicators,
    monitoring,
    programme,
    register,
    schedule,
    vault,
)
from kdrt_desk.cli.common import data_dir
from kdrt_desk.errors import UserError, ValidationError
from kdrt_desk.i18n import t
from kdrt_desk.logging_setup import configure_logging
from kdrt_desk.security.keyring_choice import choose_os_keyring

log = logging.getLogger("kdrt_desk.cli")
# a new command group is a module with ``add_commands(sub)``, listed here
GROUPS = (vault, demo, accounts, register, programme, calendar, schedule, monitoring,
          indicators, certificates, imports, exports, backup)


def language_in(argv: Sequence[str]) -> str | None:
    """The last valid ``--lang`` in ``argv`` (before or after the command), read before the
    parser is built so that its help texts are in that language."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        value = (argv[index + 1] if arg == "--lang" and index + 1 < len(argv)
                 else arg.removeprefix("--lang=") if arg.startswith("--lang=") else None)
        if value in i18n.LANGUAGES:
            found = value
    return found


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kdrt-desk", description=t("cli.description"))
    parser.add_argument("--data-dir", help=t("cli.help_data_dir"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=t("cli.help_lang"))
    parser.add_argument("--self-check", action="store_true", help=t("cli.help_self_check"))
    sub = parser.add_subparsers(dest="command", title=t("cli.help_commands"))
    for group in GROUPS:
        group.add_commands(sub)
    return parser


def _cure(exc: UserError, args: argparse.Namespace) -> str:
    """After damage a backup cures, the newest one and the commands (on the same line)."""
    from kdrt_desk.services.backup_offer import CURED_BY_RESTORE, restore_hint

    if exc.key not in CURED_BY_RESTORE or args.command == "restore":
        return ""
    return " " + restore_hint(data_dir(args))


def run(argv: Sequence[str]) -> int:
    """Run a headless command; returns the exit code (argparse's own errors exit with 2)."""
    lang = language_in(argv)
    if lang is not None:
        i18n.set_language(lang)
    args = build_parser().parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    if getattr(args, "func", None) is None:  # options only, no command
        build_parser().print_help(sys.stderr)
        return 2
    configure_logging(data_dir(args))
    choose_os_keyring()  # Windows: the Credential Manager (a scheduled backup reads it)
    try:
        return int(args.func(args))
    except ValidationError as exc:
        details = "; ".join(f"{field}: {msg}" if field else msg
                            for field, msg in exc.by_field().items())
        print(f"{t('cli.error')}: {details}", file=sys.stderr)
        return 2
    except UserError as exc:
        print(f"{t('cli.error')}: {exc.message}{_cure(exc, args)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader (e.g. ``head``) stopped early: not an error
        return 0
    except Exception:
        configure_logging(data_dir(args))  # the folder may exist only now
        log.exception("unexpected error in command %s", args.command)
        print(t("cli.internal_error"), file=sys.stderr)
        return 70


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)
