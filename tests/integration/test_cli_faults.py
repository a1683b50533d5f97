"""Bad input and broken files through the real CLI: one translated line, no traceback, no damage.

Every fault ends with a non-zero exit code and exactly one line on stderr, Indonesian by default
and English with ``--lang en``; afterwards the vault (restored where the test broke a file, as an
admin would from a backup) still opens with all 200 participants.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from cli_harness import (
    DEMO_PARTICIPANTS,
    CliVault,
    assert_clean_failure,
    assert_vault_intact,
    load_keyring_file,
    make_env,
    message,
    run_cli,
)
from support.constants import FAST_KDF

from kdrt_desk.security.secret_store import SecretStore, store_name
from kdrt_desk.security.vault_keys import VaultKeys, utc_now
from kdrt_desk.services.vault_access import create_vault, open_vault_with_recovery

LANGS = ("id", "en")


def both_languages(vault: CliVault, *args: str, key: str, user: str | None = "admin",
                   env: dict[str, str] | None = None, process: bool = False,
                   **params: object) -> None:
    """The command fails cleanly with the catalogue message ``key`` in Indonesian and English."""
    for lang in LANGS:
        result = vault.run(*args, user=user, env=env, lang=None if lang == "id" else lang,
                           process=process)
        assert_clean_failure(result, message(key, lang, **params))


# -- logins ------------------------------------------------------------------------------------
def test_wrong_password_and_unknown_user_give_the_same_line(demo_copy: CliVault) -> None:
    wrong = demo_copy.env(KDRT_PASSWORD="bukan kata sandinya")
    for lang in LANGS:
        flag = () if lang == "id" else ("--lang", lang)
        bad_password = demo_copy.run("check", *flag, env=wrong)
        unknown_user = demo_copy.run("check", *flag, user="tidak.ada")
        line = assert_clean_failure(bad_password, message("error.wrong_login", lang))
        assert assert_clean_failure(unknown_user) == line
        assert bad_password.stdout == unknown_user.stdout == ""
    assert_vault_intact(demo_copy)


def test_five_wrong_passwords_lock_the_account(demo_copy: CliVault) -> None:
    wrong = demo_copy.env(KDRT_PASSWORD="salah-salah-salah")
    for _ in range(5):
        assert_clean_failure(demo_copy.run("check", env=wrong), message("error.wrong_login"))
    for lang in LANGS:
        right = demo_copy.run("check", lang=None if lang == "id" else lang)
        line = assert_clean_failure(right)
        assert any(message("error.account_locked", lang, minutes=m) in line
                   for m in range(1, 6)), line

    # Other accounts still open the vault; the failures reached the audit log.
    services = demo_copy.services("konselor")
    try:
        assert services.participants.count() == DEMO_PARTICIPANTS
    finally:
        services.close()
    keys_path = demo_copy.data_dir / "kdrt.keys"
    later = VaultKeys(keys_path, SecretStore(), clock=lambda: utc_now() + timedelta(minutes=6))
    assert later.unlock("admin", demo_copy.password)  # the lock-out ends after five minutes
    admin = demo_copy.services("admin")
    try:
        failed = admin.audit.entries(action="login_failed")
        locked = admin.audit.entries(action="account_locked")
    finally:
        admin.close()
    assert [e.target for e in failed].count("admin") == 5
    assert [e.target for e in locked] == ["admin"]


def test_no_password_given(demo_copy: CliVault) -> None:
    no_password = make_env(demo_copy.keyring_file, demo_copy.home)
    both_languages(demo_copy, "check", key="cli.password_missing", env=no_password,
                   variable="KDRT_PASSWORD")
    empty_stdin = demo_copy.run("check", "--password-stdin", env=no_password, input="")
    assert_clean_failure(empty_stdin, message("cli.password_missing", variable="KDRT_PASSWORD"))
    assert_vault_intact(demo_copy)


# -- init ----------------------------------------------------------------------------------------
def _init_args(data_dir: Path, sheet: Path) -> list[str]:
    return ["init", "--data-dir", str(data_dir), "--admin", "sari", "--centre", "Pusat Uji",
            "--recovery-sheet", str(sheet)]


def test_init_into_an_existing_vault_changes_nothing(demo_copy: CliVault, tmp_path: Path) -> None:
    before = demo_copy.snapshot()
    sheet = tmp_path / "lembar.pdf"
    env = demo_copy.env(KDRT_PASSWORD="kata sandi baru yang panjang")
    for lang in LANGS:
        flag = [] if lang == "id" else ["--lang", lang]
        result = run_cli(*_init_args(demo_copy.data_dir, sheet), *flag, env=env)
        assert_clean_failure(result, message("error.vault_exists", lang))
    after = demo_copy.snapshot()
    assert after["kdrt.keys"] == before["kdrt.keys"]
    assert after["kdrt.db"] == before["kdrt.db"]
    assert not sheet.exists()
    assert_vault_intact(demo_copy)


def test_init_into_a_folder_that_cannot_be_written(tmp_path: Path) -> None:
    parent = tmp_path / "hanya-baca"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        if os.access(parent, os.W_OK):  # running as root: permissions do not apply
            blocker = tmp_path / "berkas.txt"
            blocker.write_text("bukan folder")
            target = blocker / "sub"
        else:
            target = parent / "brankas"
        sheet = tmp_path / "lembar.pdf"
        env = make_env(tmp_path / "keyring.json", tmp_path, KDRT_PASSWORD="kata sandi panjang 1")
        for lang in LANGS:
            flag = [] if lang == "id" else ["--lang", lang]
            result = run_cli(*_init_args(target, sheet), *flag, env=env)
            assert_clean_failure(result, message("error.folder_read_only", lang))
        assert not target.exists()
        assert not sheet.exists()
        assert load_keyring_file(tmp_path / "keyring.json") == {}
    finally:
        parent.chmod(0o700)


def test_init_with_a_folder_as_recovery_sheet_creates_no_vault(tmp_path: Path) -> None:
    """The sheet cannot be written: the vault must not be left behind with its code lost."""
    sheet = tmp_path / "lembar"
    sheet.mkdir()
    data_dir = tmp_path / "brankas"
    env = make_env(tmp_path / "keyring.json", tmp_path, KDRT_PASSWORD="kata sandi panjang 1")
    result = run_cli(*_init_args(data_dir, sheet), env=env)
    assert_clean_failure(result, message("cli.error"))
    assert not (data_dir / "kdrt.keys").exists(), "a vault whose recovery code nobody saw"
    assert not (data_dir / "kdrt.db").exists()


# -- damaged or wrong files ----------------------------------------------------------------------
@pytest.mark.parametrize("damage", ["truncated", "empty", "garbage", "json_null", "json_list"])
def test_damaged_key_file(demo_copy: CliVault, damage: str) -> None:
    keys = demo_copy.data_dir / "kdrt.keys"
    original = keys.read_bytes()
    db_before = (demo_copy.data_dir / "kdrt.db").read_bytes()
    broken = {"truncated": original[: len(original) // 2], "empty": b"",
              "garbage": b"{ini bukan json", "json_null": b"null",
              "json_list": b"[1, 2, 3]"}[damage]
    keys.write_bytes(broken)
    # the demo wrote the key file more than once: its previous generation is offered
    for lang in LANGS:
        result = demo_copy.run("check", lang=None if lang == "id" else lang)
        assert_clean_failure(result, message("error.keyfile_damaged_previous_ok", lang,
                                             what=message("cli.part_file", lang)))
    assert keys.read_bytes() == broken
    assert (demo_copy.data_dir / "kdrt.db").read_bytes() == db_before
    keys.write_bytes(original)
    assert_vault_intact(demo_copy)


def test_key_file_of_another_vault(demo_copy: CliVault, tmp_path: Path) -> None:
    other = tmp_path / "lain"
    create_vault(other, centre_name="Pusat Lain", centre_address="", admin_username="admin",
                 admin_password=demo_copy.password, store=SecretStore(), kdf=FAST_KDF)
    other_id = json.loads((other / "kdrt.keys").read_text())["vault_id"]
    entries = load_keyring_file(demo_copy.keyring_file)
    entries[f"KDRT Desk/{other_id}"] = demo_copy.memory.entries[("KDRT Desk", other_id)]
    demo_copy.keyring_file.write_text(json.dumps(entries))

    keys = demo_copy.data_dir / "kdrt.keys"
    original = keys.read_bytes()
    db_before = (demo_copy.data_dir / "kdrt.db").read_bytes()
    shutil.copy2(other / "kdrt.keys", keys)
    for lang in LANGS:
        line = assert_clean_failure(demo_copy.run("check", lang=lang))
        assert (message("error.keyfile_foreign", lang) in line
                or message("error.database_damaged", lang) in line), line
        assert "kdrt-desk restore" in line  # and how to restore the newest backup
    assert (demo_copy.data_dir / "kdrt.db").read_bytes() == db_before
    keys.write_bytes(original)
    assert_vault_intact(demo_copy)


def _swap_database(vault: CliVault, content: bytes) -> bytes:
    db = vault.data_dir / "kdrt.db"
    original = db.read_bytes()
    db.write_bytes(content)
    return original


def test_plain_sqlite_file_as_database(demo_copy: CliVault, tmp_path: Path) -> None:
    plain = tmp_path / "plain.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE catatan (isi TEXT)")
        conn.execute("INSERT INTO catatan VALUES ('bukan brankas')")
    conn.close()
    content = plain.read_bytes()
    original = _swap_database(demo_copy, content)
    both_languages(demo_copy, "check", key="error.database_foreign")
    assert (demo_copy.data_dir / "kdrt.db").read_bytes() == content
    _swap_database(demo_copy, original)
    assert_vault_intact(demo_copy)


def test_random_bytes_as_database(demo_copy: CliVault) -> None:
    content = os.urandom(64 * 1024)
    original = _swap_database(demo_copy, content)
    both_languages(demo_copy, "check", key="error.database_damaged")
    assert (demo_copy.data_dir / "kdrt.db").read_bytes() == content
    _swap_database(demo_copy, original)
    assert_vault_intact(demo_copy)


@pytest.mark.parametrize("pages", ["tail", "all_but_first"])
def test_damaged_pages_inside_the_database(demo_copy: CliVault, pages: str) -> None:
    """A disk error inside an encrypted page: the damage message, not an internal error."""
    db = demo_copy.data_dir / "kdrt.db"
    original = db.read_bytes()
    damaged = bytearray(original)
    page = 4096
    count = len(damaged) // page
    first = count - 12 if pages == "tail" else 1
    for number in range(first, count):
        damaged[number * page + 64: number * page + 192] = bytes(128)
    db.write_bytes(bytes(damaged))
    for lang in LANGS:
        for command in (["check"], ["participants", "list", "--search", "sari"]):
            result = demo_copy.run(*command, lang=lang)
            assert_clean_failure(result, message("error.database_damaged", lang))
    db.write_bytes(original)
    assert_vault_intact(demo_copy)


def test_missing_keyring_secret_points_to_the_recovery_code(demo_copy: CliVault) -> None:
    saved = demo_copy.keyring_file.read_text()
    demo_copy.keyring_file.write_text("{}")
    both_languages(demo_copy, "check", key="error.keyring_secret_missing", store=store_name())
    for lang, words in (("id", "kode pemulihan"), ("en", "recovery code")):
        assert words in message("error.keyring_secret_missing", lang)

    # The recovery code is the way back: it opens the vault and restores the secret.
    demo_copy.memory.entries.clear()
    vault = open_vault_with_recovery(demo_copy.data_dir, demo_copy.recovery_code,
                                     store=SecretStore())
    vault.close()
    assert demo_copy.memory.entries
    demo_copy.keyring_file.write_text(saved)
    assert_vault_intact(demo_copy)


def test_vault_in_use_by_another_process(demo_copy: CliVault) -> None:
    holder = demo_copy.open()
    try:
        both_languages(demo_copy, "check", key="error.vault_in_use", process=True)
    finally:
        holder.close()
    result = demo_copy.run("check", process=True)
    assert result.returncode == 0, result.stderr


# -- bad arguments -------------------------------------------------------------------------------
@pytest.mark.parametrize(("new_user", "role", "password", "fields"), [
    ("rina", "staf", "pendek", {"password": ("error.password_short", {"minimum": 10})}),
    ("9 Rina!", "staf", "kata sandi cukup panjang", {"username": ("error.username_format", {})}),
    ("rina", "bos", "kata sandi cukup panjang", {"role": ("error.role_unknown", {})}),
    ("x", "bos", "abc", {"username": ("error.username_format", {}),
                         "role": ("error.role_unknown", {}),
                         "password": ("error.password_short", {"minimum": 10})}),
])
def test_users_add_reports_each_bad_field(demo_copy: CliVault, new_user: str, role: str,
                                          password: str, fields: dict) -> None:
    env = demo_copy.env(KDRT_NEW_PASSWORD=password)
    result = demo_copy.run("users", "add", "--new-user", new_user, "--role", role, env=env)
    line = assert_clean_failure(result, message("cli.error") + ": ")
    for field, (key, params) in fields.items():
        assert f"{field}: {message(key, **params)}" in line
    assert len(line.split("; ")) == len(fields)
    services = demo_copy.services()
    try:
        names = {a.username for a in services.accounts.list_accounts()}
    finally:
        services.close()
    assert names == {"admin", "konselor", "fasilitator", "staf"}


def test_unknown_status_is_a_usage_error(demo: CliVault) -> None:
    result = demo.run("participants", "list", "--status", "nonsense", process=True)
    assert result.returncode == 2
    assert "--status" in result.stderr and "usage:" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
