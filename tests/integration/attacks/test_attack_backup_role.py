"""Issue 14: the Backup operator account of the scheduled backup, attacked with its own password.

Whoever takes the backup account's password (it lives in that Windows account's Credential
Manager, so anyone at that Windows login can read it) and a copy of the data folder gets the
master key and nothing more: raw SQL shows no sealed value in clear, no field key or signing key
of any slot opens for her key pair, and every service and command beyond making and checking a
backup refuses her. The scheduled run itself (``backup --password-from-keyring``) writes a
backup that passes its check; a missing or stale keyring entry, or another role's password,
is one clear message.
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from attackers import (
    dump_database,
    every_key,
    field_keys_held,
    found_in,
    open_with,
    raw_sql,
    sealed_cells,
    unlock,
    variants,
    vault_files,
)
from cli_harness import CliVault, assert_clean_failure, load_keyring_file, message
from cryptography.exceptions import InvalidTag

from kdrt_desk.cli.backup import KEYRING_SERVICE
from kdrt_desk.db.engine import encrypted_engine
from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.participant import ParticipantInput
from kdrt_desk.errors import PermissionDeniedError, UserError
from kdrt_desk.security.keyfile import KeyFile
from kdrt_desk.security.secret_store import SecretStore, store_name
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.services.backups import AutoSettings, check_backup
from kdrt_desk.services.settings import CentreSettings
from kdrt_desk.wiring import Services, build_services

USER = "cadangan"
SECRET = "sandi cadangan malam 2026"
ENTRY = f"{KEYRING_SERVICE}/{USER}"  # how the tests' file keyring names the entry
# what a zero-argument call of hers may return: the backup's own work, and the settings and
# geography every login reads under the master key (no participant data)
HARMLESS = {
    ("backups", "auto_settings"), ("backups", "make_automatic"), ("backups", "rotate"),
    ("backups", "status"), ("accounts", "must_change_password"), ("settings", "current"),
    ("neighbours", "current"), ("neighbours", "is_shipped"), ("neighbours", "pairs"),
    ("livelihoods", "bounds"), ("schedule_export", "uid_domain"), ("retention", "years"),
    ("participants", "visible_columns"), ("screening", "visible_columns"),
    ("alerts", "open_for_me"),  # her alerts: none reach a role without the restricted key
    ("shared_folder", "users"),  # the Windows accounts the PC's folder is open to (About box)
}
REFUSED = ("error.permission_denied", "error.export_full_admin_only")
# demo values that make good needles: long free text and numbers, none also kept in plain
# tables (a kecamatan, a criterion code)
NEEDLE_COLUMNS = {
    "participant.nik", "participant.phone", "participant.trusted_contact_phone",
    "participant.trusted_contact_name", "participant.safe_call_times",
    "participant_case.safety_notes", "participant_case.referral_other",
    "screening.interview_notes", "screening.safety_plan", "screening.experience",
    "screening_decision.reason_text", "service_record.outcome_note",
}


@pytest.fixture
def vault(demo_copy: CliVault) -> CliVault:
    """The demo with a Backup operator account, added by the admin through the services."""
    admin = demo_copy.services("admin")
    try:
        admin.accounts.add_account(USER, Role.BACKUP, SECRET, "Tugas cadangan malam")
    finally:
        admin.close()
    return demo_copy


@pytest.fixture
def her(vault: CliVault) -> Iterator[Services]:
    services = build_services(vault.open(USER, SECRET))  # her own password, not the demo's
    try:
        yield services
    finally:
        services.close()


def as_her(vault: CliVault, *args: str, password: str | None = SECRET, **kw: Any
           ) -> Any:
    env = vault.env(KDRT_PASSWORD=password or "", KDRT_NEW_PASSWORD="sandi baru sekali")
    if password is None:
        env.pop("KDRT_PASSWORD")
    return vault.run(*args, user=USER, env=env, **kw)


def admin_needles(vault: CliVault) -> set[bytes]:
    """Every sealed text value of the demo an admin can open (14 characters or more)."""
    needles: set[bytes] = set()
    with raw_sql(vault, "admin") as (engine, holder), engine.connect() as conn:
        keys = field_keys_held(holder)
        for table, column, tier, ident, data in sealed_cells(conn):
            opened = open_with(keys[tier][int.from_bytes(data[2:4], "big")], table, column,
                               ident, data)
            assert opened is not None, f"the admin cannot open {table}.{column}"
            value = json.loads(opened.rstrip(b"\x00")[:-1])
            if f"{table}.{column}" in NEEDLE_COLUMNS and isinstance(value, str) \
                    and len(value) >= 14:
                needles |= variants(value)
    return needles


def test_her_password_opens_the_master_key_and_no_sealed_value(vault: CliVault) -> None:
    needles = admin_needles(vault)
    assert len(needles) > 300  # the demo's NIKs, phones and notes

    holder = unlock(vault, USER, SECRET)
    assert {name for name in KeyName if holder.holds(name)} == {KeyName.MASTER}
    with raw_sql(vault, "admin") as (_e, admin):  # the control: an admin holds them all
        assert {name for name in KeyName if admin.holds(name)} == set(KeyName)
    engine = encrypted_engine(vault.data_dir / "kdrt.db", holder.master)
    try:
        with engine.connect() as conn:
            dump = dump_database(conn)
            assert "participant.nik" in dump and "participant_case.safety_notes" in dump
            assert found_in(dump, needles) == {}
            cells = 0
            for table, column, _tier, ident, data in sealed_cells(conn):
                cells += 1
                for key in every_key(holder):  # the master key: all her slot holds
                    assert open_with(key, table, column, ident, data) is None, (table, column)
            assert cells > 1000
    finally:
        engine.dispose()
    assert found_in(vault_files(vault.data_dir), needles) == {}


def test_her_key_pair_unseals_no_tier_key_in_any_slot(vault: CliVault) -> None:
    holder = unlock(vault, USER, SECRET)
    assert holder.pair is not None
    keyfile = KeyFile.load(vault.data_dir / "kdrt.keys")
    own = keyfile.slots[holder.slot_id]
    assert set(own.sealed) == {KeyName.MASTER.value}  # nothing else was sealed to her
    tried: dict[str, int] = {}
    opened: list[tuple[str, str]] = []
    for slot_id, slot in keyfile.slots.items():
        for name, boxes in slot.sealed.items():
            for box in boxes:
                tried[name] = tried.get(name, 0) + 1
                try:
                    holder.pair.open_sealed(box.box, keyfile.sealed_aad(slot_id, name, box.gen))
                except InvalidTag:
                    continue
                opened.append((slot_id, name))
    # every tier and the signing key were tried, in the admin's, konselor's, staf's and the
    # recovery slot; only her own master key box opens
    assert set(tried) >= {k.value for k in KeyName}
    assert opened == [(holder.slot_id, KeyName.MASTER.value)]


def _refusals(her: Services, tmp: Path) -> dict[str, Callable[[], object]]:
    person = ParticipantInput(full_name="Uji Tolak", kecamatan="Kemuning",
                              registered_on=date.today())
    return {
        "participants.list_rows": her.participants.list_rows,
        "participants.count": her.participants.count,
        "participants.get": lambda: her.participants.get(1),
        "participants.open_restricted": lambda: her.participants.open_restricted(1),
        "participants.register": lambda: her.participants.register(person),
        "accounts.list_accounts": her.accounts.list_accounts,
        "accounts.add_account": lambda: her.accounts.add_account(
            "baru.admin", Role.ADMIN, "sandi baru sekali", ""),
        "accounts.reset_password": lambda: her.accounts.reset_password(
            "admin", "sandi baru sekali"),
        "accounts.change_role": lambda: her.accounts.change_role(USER, Role.ADMIN),
        "accounts.set_active": lambda: her.accounts.set_active("admin", False),
        "audit.entries": her.audit.entries,
        "audit.verify": her.audit.verify,
        "work_exports.participants": lambda: her.work_exports.participants(tmp / "p.xlsx"),
        "work_exports.full": lambda: her.work_exports.full(tmp / "f.xlsx"),
        "settings.update": lambda: her.settings.update(CentreSettings(
            "Pusat lain", "Jl. Lain", 5, "F12", "id")),
        "backups.set_auto_settings": lambda: her.backups.set_auto_settings(
            AutoSettings(daily=True, on_close=True)),
        "screening.list": lambda: her.screening.list_rows(),
        "groups.groups": lambda: her.groups.groups(),
        "sessions.sessions": lambda: her.sessions.sessions(),
    }


def test_every_other_service_call_refuses_her(her: Services, tmp_path: Path) -> None:
    assert her.vault.actor.role is Role.BACKUP
    out = tmp_path / "keluar"
    out.mkdir()
    for name, call in _refusals(her, out).items():
        with pytest.raises(UserError) as refused:
            call()
        assert refused.value.key in REFUSED, name
        assert not list(out.iterdir()), name
    # every public method without arguments of every service: refused, or on the short list
    # of what holds no participant data
    answered = []
    for item in dataclasses.fields(her):
        if item.name == "vault":
            continue
        for method, bound in inspect.getmembers(getattr(her, item.name), inspect.ismethod):
            needs = [p for p in inspect.signature(bound).parameters.values()
                     if p.default is p.empty and p.kind in (p.POSITIONAL_OR_KEYWORD,
                                                            p.KEYWORD_ONLY)]
            if method.startswith("_") or needs or (item.name, method) in HARMLESS:
                continue
            try:
                bound()
            except PermissionDeniedError:
                continue
            except UserError as exc:
                answered.append((item.name, method, exc.key))
                continue
            answered.append((item.name, method, "answered"))
    assert answered == []


@pytest.mark.parametrize("command", [
    ("participants", "list"), ("screening", "list"),
    ("users", "add", "--new-user", "baru", "--role", "admin"),
    ("audit", "verify"), ("export", "participants", "--out", "{tmp}/p.xlsx"),
    ("export", "full", "--out", "{tmp}/f.xlsx"),
])
def test_her_commands_beyond_backup_are_refused(vault: CliVault, tmp_path: Path,
                                                command: tuple[str, ...]) -> None:
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = as_her(vault, *argv, input=SECRET + "\n" + SECRET + "\n")
    line = assert_clean_failure(result)
    assert any(message(key) in line for key in REFUSED), line
    assert result.stdout == ""
    assert not list(tmp_path.glob("*.xlsx"))


def test_scheduled_backup_reads_her_password_from_the_keyring(vault: CliVault,
                                                              tmp_path: Path) -> None:
    stored = as_her(vault, "backup-account", "remember", "--password-stdin", password=None,
                    input=SECRET + "\n")
    assert stored.returncode == 0, stored.stderr
    assert message("cli.backup_account.remembered", user=USER, store=store_name()) \
        in stored.stdout
    assert load_keyring_file(vault.keyring_file)[ENTRY] == SECRET

    target = tmp_path / "usb" / "kdrt.bak"
    target.parent.mkdir()
    for attempt in range(2):  # the second night replaces the file
        made = as_her(vault, "backup", "--out", str(target), "--password-from-keyring",
                      *(["--overwrite"] if attempt else []), password=None)
        assert made.returncode == 0, made.stderr
        assert str(target) in made.stdout and "200" in made.stdout
    vault.sync_keyring()
    check = check_backup(target, username="admin", password=vault.password, store=SecretStore())
    assert check.ok, check.problem
    assert check.summary()["participants"] == 200
    admin = vault.services("admin")
    try:
        made_by = [(e.actor, e.action) for e in admin.audit.entries(action="backup_made")]
        status = admin.backups.status()
        assert admin.audit.verify().ok
    finally:
        admin.close()
    assert made_by == [(USER, "backup_made")] * 2
    assert status.last_good is not None and status.last_good.path == str(target)
    assert found_in({"backup": target.read_bytes()}, admin_needles(vault)) == {}


def test_a_missing_stale_or_foreign_keyring_entry_is_one_clear_line(vault: CliVault,
                                                                    tmp_path: Path) -> None:
    target = tmp_path / "kdrt.bak"
    store = store_name()
    missing = as_her(vault, "backup", "--out", str(target), "--password-from-keyring",
                     password=None)
    assert_clean_failure(missing, message("cli.backup.keyring_missing", user=USER, store=store))
    english = as_her(vault, "backup", "--out", str(target), "--password-from-keyring",
                     "--lang", "en", password=None)
    assert_clean_failure(english, message("cli.backup.keyring_missing", "en", user=USER,
                                          store=store))

    entries = load_keyring_file(vault.keyring_file)
    vault.keyring_file.write_text(json.dumps({**entries, ENTRY: "sandi lama yang diganti"}))
    stale = as_her(vault, "backup", "--out", str(target), "--password-from-keyring",
                   password=None)
    assert_clean_failure(stale, message("cli.backup.keyring_wrong", user=USER, store=store))
    assert not target.exists()

    # remembering checks the password first, and keeps only a Backup operator's
    wrong = as_her(vault, "backup-account", "remember", "--password-stdin", password=None,
                   input="bukan sandinya sama sekali\n")
    assert_clean_failure(wrong, message("error.wrong_login"))
    admin_kept = vault.run("backup-account", "remember", "--password-stdin", user="admin",
                           input=vault.password + "\n")
    assert_clean_failure(admin_kept, message("cli.backup.keyring_not_backup_role",
                                             user="admin", store=store))
    kept = load_keyring_file(vault.keyring_file)
    assert kept[ENTRY] == "sandi lama yang diganti"
    assert f"{KEYRING_SERVICE}/admin" not in kept
    # an admin's password put there by hand is not used for the scheduled backup either
    vault.keyring_file.write_text(json.dumps({**kept, f"{KEYRING_SERVICE}/admin":
                                              vault.password}))
    foreign = vault.run("backup", "--out", str(target), "--password-from-keyring",
                        user="admin", env={**vault.env(), "KDRT_PASSWORD": ""})
    assert_clean_failure(foreign, message("cli.backup.keyring_not_backup_role", user="admin",
                                          store=store))
    assert not target.exists()

    forgot = as_her(vault, "backup-account", "forget", password=None)
    assert forgot.returncode == 0, forgot.stderr
    assert ENTRY not in load_keyring_file(vault.keyring_file)


def test_check_runs_for_her_without_counting_participants(vault: CliVault) -> None:
    """The scheduled task may run ``check`` before its backup: it works (the file's checks need
    only the database key) and prints no participant count she may not see."""
    result = as_her(vault, "check")
    assert result.returncode == 0, result.stderr
    assert "200" not in result.stdout and "Traceback" not in result.stderr
