"""Staff accounts: users add, deactivate, set-role, hand-over."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import opened, password, with_common
from kdrt_desk.domain.enums import Role
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

# no argparse choices: the service names a wrong role in one translated line
ROLE_METAVAR = "{" + ",".join(r.value for r in Role) + "}"


def cmd_users_add(args: argparse.Namespace) -> int:
    with opened(args) as services:
        new_password = password(args, "KDRT_NEW_PASSWORD", "cli.prompt_new_password")
        services.accounts.add_account(args.new_user, args.role, new_password, args.name or "")
    print(t("cli.user_added", name=args.new_user.strip().lower(), role=args.role))
    return 0


def cmd_users_deactivate(args: argparse.Namespace) -> int:
    with opened(args) as services:
        held = services.accounts.set_active(args.name, False)
        if args.rotate_keys:
            services.accounts.rotate_after(args.name, held)
    print(t("cli.user_deactivated", name=args.name.strip().lower()))
    if args.rotate_keys:
        print(t("cli.keys_rotated"))
    return 0


def cmd_users_hand_over(args: argparse.Namespace) -> int:
    with opened(args) as services:
        owner_password = password(args, "KDRT_ACCOUNT_PASSWORD", "cli.prompt_account_password")
        given = services.accounts.confirm_keys(args.name, owner_password)
    print(t("cli.keys_handed_over", name=args.name.strip().lower(),
            keys=", ".join(sorted(k.value for k in given)) or "-"))
    return 0


def cmd_users_set_role(args: argparse.Namespace) -> int:
    with opened(args) as services:
        lost = services.accounts.change_role(args.name, args.role)
        if args.rotate_keys:
            services.accounts.rotate_after(args.name, lost)
    print(t("cli.user_role_changed", name=args.name.strip().lower(), role=args.role))
    if args.rotate_keys and lost:
        print(t("cli.keys_rotated"))
    return 0


def add_commands(sub: Subcommands) -> None:
    users = sub.add_parser("users", help=t("cli.help_users")).add_subparsers(dest="action",
                                                                            required=True)
    add = with_common(users.add_parser("add", help=t("cli.help_users_add")))
    add.add_argument("--new-user", required=True, help=t("cli.help_new_user"))
    add.add_argument("--role", required=True, metavar=ROLE_METAVAR, help=t("cli.help_role"))
    add.add_argument("--name", default="", help=t("cli.help_display_name"))
    add.set_defaults(func=cmd_users_add)

    deactivate = with_common(users.add_parser("deactivate", help=t("cli.help_deactivate")))
    deactivate.add_argument("--name", required=True, help=t("cli.help_account"))
    deactivate.add_argument("--rotate-keys", action="store_true", help=t("cli.help_rotate"))
    deactivate.set_defaults(func=cmd_users_deactivate)

    set_role = with_common(users.add_parser("set-role", help=t("cli.help_set_role")))
    set_role.add_argument("--name", required=True, help=t("cli.help_account"))
    set_role.add_argument("--role", required=True, metavar=ROLE_METAVAR, help=t("cli.help_role"))
    set_role.add_argument("--rotate-keys", action="store_true", help=t("cli.help_rotate"))
    set_role.set_defaults(func=cmd_users_set_role)

    hand_over = with_common(users.add_parser("hand-over", help=t("cli.help_hand_over")))
    hand_over.add_argument("--name", required=True, help=t("cli.help_account"))
    hand_over.set_defaults(func=cmd_users_hand_over)
