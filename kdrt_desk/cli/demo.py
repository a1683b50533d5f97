"""``demo``: a vault full of synthetic data, one login per role; removed whole if it fails."""

from __future__ import annotations

import argparse
import os
import secrets
import sys
from datetime import date
from typing import TYPE_CHECKING

from kdrt_desk.cli.common import cli_int, data_dir, opened_vault, print_warnings, with_common
from kdrt_desk.domain.enums import Role
from kdrt_desk.i18n import t

if TYPE_CHECKING:
    from kdrt_desk.cli.common import Subcommands

DEMO_MAX_PARTICIPANTS = 200_000  # above what the benchmarks use; a bigger one fills the disk
DEMO_CENTRE = "Pusat Pemberdayaan Perempuan Sriwijaya (demo)"
DEMO_ADDRESS = "Jl. Demo No. 1, Kemuning, Palembang"
DEMO_STAFF = ((Role.KONSELOR, "Konselor Demo"), (Role.FASILITATOR, "Fasilitator Demo"),
              (Role.STAF, "Staf Demo"))


def cmd_demo(args: argparse.Namespace) -> int:
    # the demo's generators and loaders, all imported here
    from kdrt_desk.demo.assessments import insert_demo_assessments
    from kdrt_desk.demo.care import (
        insert_demo_care,
        insert_withdrawal_requests,
        reject_demo_withdrawal,
    )
    from kdrt_desk.demo.certificates import insert_demo_certificates
    from kdrt_desk.demo.livelihoods import insert_demo_livelihoods
    from kdrt_desk.demo.next_intake import insert_next_intake
    from kdrt_desk.demo.participants import insert_participants
    from kdrt_desk.demo.routines import insert_demo_routines
    from kdrt_desk.demo.screenings import insert_demo_screenings
    from kdrt_desk.demo.targets import insert_demo_targets
    from kdrt_desk.demo.training import insert_demo_training
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.services.vault_access import VaultPaths, create_vault, discard_new_vault
    from kdrt_desk.synthetic.participants import generate_participants
    from kdrt_desk.wiring import build_services

    folder = data_dir(args)
    count = cli_int(args.participants, "--participants", 0, DEMO_MAX_PARTICIPANTS)
    password = os.environ.get("KDRT_PASSWORD") or secrets.token_urlsafe(12)
    store = SecretStore()
    code = create_vault(folder, centre_name=DEMO_CENTRE, centre_address=DEMO_ADDRESS,
                        admin_username="admin", admin_password=password,
                        admin_display_name="Admin Demo", store=store)
    # the login and the code before the long work: a demo that fails later is removed whole
    print_warnings([] if store.available() else ["warning.password_only"])
    print(t("cli.demo_done", folder=str(folder), count=count))
    print(t("cli.demo_login", users=" / ".join(["admin", *(r.value for r, _n in DEMO_STAFF)]),
            password=password))
    print(t("cli.demo_recovery", code=code), flush=True)
    try:
        with opened_vault(folder, "admin", password, store) as vault:
            services = build_services(vault)
            for role, name in DEMO_STAFF:
                services.accounts.add_account(role.value, role, password, name)
            today = date.today()
            people = sorted(generate_participants(count, seed=args.seed, today=today),
                            key=lambda p: (p.registered_on or today))
            with vault.db.bulk():  # thousands of transactions: the audit mark once at the end
                insert_participants(vault.db, vault.actor, people, today)
                insert_demo_screenings(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_care(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_training(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_routines(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_livelihoods(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_assessments(vault.db, vault.actor, seed=args.seed, today=today)
                insert_demo_targets(vault.db, vault.actor, today=today)
                insert_demo_certificates(vault.db, vault.actor, seed=args.seed)
                insert_next_intake(vault.db, vault.actor, today=today)
        # withdrawals the staff recorded: one waits for confirmation, one was taken back
        with opened_vault(folder, Role.STAF.value, password, store) as staff:
            requested = insert_withdrawal_requests(staff.db, staff.actor, args.seed, today)
        if len(requested) > 1:
            with opened_vault(folder, "admin", password, store) as vault:
                reject_demo_withdrawal(vault.db, vault.actor, requested[1])
    except BaseException:
        discard_new_vault(VaultPaths(folder))
        print(t("cli.demo_removed", folder=str(folder)), file=sys.stderr)
        raise
    return 0


def add_commands(sub: Subcommands) -> None:
    demo = with_common(sub.add_parser("demo", help=t("cli.help_demo")), user=False)
    demo.add_argument("--participants", default="500", metavar="N",
                      help=t("cli.help_demo_participants", maximum=f"{DEMO_MAX_PARTICIPANTS:,}"))
    demo.add_argument("--seed", type=int, default=2026, help=t("cli.help_demo_seed"))
    demo.set_defaults(func=cmd_demo)
