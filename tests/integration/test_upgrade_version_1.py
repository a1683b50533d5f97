"""A vault made before sealed fields (tests/fixtures/vault_v1, key file version 1, schema 0003)
upgraded when an admin first opens it: keys first, then every value sealed in one transaction,
no plaintext copy left behind, a crash between the two finished at the next admin login, and
the other accounts' keys handed over when an admin is next logged in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine
from kdrt_desk.errors import VaultError
from kdrt_desk.security.crypto import DEFAULT_KDF
from kdrt_desk.security.keyfile import KeyFile
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.security.vault_keys import VaultKeys
from kdrt_desk.services import vault_upgrade
from kdrt_desk.services.vault_access import OpenVault, open_vault, open_vault_with_recovery
from kdrt_desk.services.vault_upgrade import upgrade_version_1
from kdrt_desk.wiring import build_services

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "vault_v1"
PASSWORD = "versi-satu-2026"
OLD_CODE = "0ASJ-4SFH-ZYPV-VQAZ-ZCAA-3HH7-Z6PT"
SEALED_BEFORE = ("SELECT nik, phone, trusted_contact_phone FROM participant",
                 "SELECT safety_notes FROM participant_case",
                 "SELECT interview_notes, safety_plan FROM screening",
                 "SELECT outcome_note FROM service_record")


@pytest.fixture
def old_vault(tmp_path: Path, _test_keyring: MemoryKeyring) -> Path:
    data_dir = tmp_path / "vault"
    data_dir.mkdir()
    for name in ("kdrt.db", "kdrt.keys"):
        shutil.copy2(FIXTURE / name, data_dir / name)
    for key, value in json.loads((FIXTURE / "keyring.json").read_text()).items():
        service, user = key.split("/", 1)
        _test_keyring.entries[(service, user)] = value
    return data_dir


def plain_values(data_dir: Path) -> set[str]:
    """What the version 1 file holds in clear under the master key alone (long enough to be
    told apart from noise in a byte scan)."""
    master = VaultKeys(data_dir / "kdrt.keys", SecretStore()).unlock("admin", PASSWORD).master
    engine = encrypted_engine(data_dir / "kdrt.db", master)
    found: set[str] = set()
    try:
        with engine.connect() as conn:
            for sql in SEALED_BEFORE:
                for row in conn.execute(text(sql)):
                    found.update(v for v in row if isinstance(v, str) and len(v) >= 10)
    finally:
        engine.dispose()
    return found


def every_file_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file())


def upgrade(data_dir: Path, sheet: Path) -> tuple[OpenVault, str]:
    vault = open_vault(data_dir, "admin", PASSWORD, kdf=DEFAULT_KDF)
    assert vault.upgrade_required
    codes: list[str] = []

    def write(code: str) -> None:
        codes.append(code)
        sheet.write_text(code)

    try:
        return upgrade_version_1(vault, write), codes[0]
    except BaseException:
        vault.close()
        raise


def test_only_an_admin_may_open_an_old_vault_and_nothing_changes_before(old_vault: Path) -> None:
    files = ("kdrt.db", "kdrt.keys")
    before = {name: (old_vault / name).read_bytes() for name in files}
    for user in ("staf", "konselor", "fasilitator"):
        with pytest.raises(VaultError) as refused:
            open_vault(old_vault, user, PASSWORD)
        assert refused.value.key == "error.upgrade_needs_admin"
    vault = open_vault(old_vault, "admin", PASSWORD)
    assert vault.upgrade_required and vault.actor.username == "admin"
    vault.close()
    assert {name: (old_vault / name).read_bytes() for name in files} == before


def test_the_upgrade_seals_every_value_and_leaves_no_plaintext_copy(old_vault: Path,
                                                                    tmp_path: Path) -> None:
    secrets = plain_values(old_vault)
    assert len(secrets) > 50  # the fixture really holds NIKs, phones and notes
    v1_keys = (old_vault / "kdrt.keys").read_bytes()
    vault, code = upgrade(old_vault, tmp_path / "sheet.txt")
    try:
        services = build_services(vault)
        assert services.audit.verify().ok
        rows = services.participants.list_rows()
        assert {r.nik for r in rows if r.nik} <= secrets and any(r.nik for r in rows)
    finally:
        vault.close()
    assert KeyFile.load(old_vault / "kdrt.keys").version == 2
    assert (old_vault / "kdrt.keys.prev").read_bytes() != v1_keys
    assert KeyFile.load(old_vault / "kdrt.keys.prev").version == 2  # the previous generation
    assert not (old_vault / "kdrt.db.before-upgrade").exists()
    wal = old_vault / "kdrt.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    everything = every_file_bytes(old_vault)
    leaked = [s for s in secrets if s.encode() in everything]
    assert leaked == []
    master = VaultKeys(old_vault / "kdrt.keys", SecretStore()).unlock("admin", PASSWORD).master
    engine = encrypted_engine(old_vault / "kdrt.db", master)  # the master key alone, as before
    try:
        with engine.connect() as conn:
            for sql in SEALED_BEFORE:
                for row in conn.execute(text(sql)):
                    assert all(v is None or isinstance(v, bytes) for v in row), sql
    finally:
        engine.dispose()
    with pytest.raises(VaultError):
        open_vault_with_recovery(old_vault, OLD_CODE)  # the old sheet no longer opens it
    recovered = open_vault_with_recovery(old_vault, code)
    assert recovered.holder.holds(KeyName.RESTRICTED) and recovered.holder.holds(KeyName.CONTACT)
    recovered.close()


def test_other_accounts_get_their_keys_once_they_prove_their_key_pair(old_vault: Path,
                                                                      tmp_path: Path) -> None:
    """A key pair made at the owner's own login is unchecked: an admin hands over the field
    keys only when the owner typed her password in the admin's session (a facilitator, who
    gets no field key, is vouched for at the next admin login)."""
    vault, _ = upgrade(old_vault, tmp_path / "sheet.txt")
    vault.close()
    staf = open_vault(old_vault, "staf", PASSWORD)
    assert staf.actor.awaiting_keys == {KeyName.CONTACT}
    assert "warning.keys_pending" in staf.warnings
    assert not staf.actor.may(Permission.VIEW_CONTACT)
    staf.close()
    open_vault(old_vault, "fasilitator", PASSWORD).close()
    admin = open_vault(old_vault, "admin", PASSWORD)  # an admin's login alone: not enough
    accounts = build_services(admin).accounts
    status = {a.username: a.key_status.value for a in accounts.list_accounts()}
    assert status["staf"] == "awaiting_confirmation" and status["fasilitator"] == "complete"
    assert status["konselor"] == "awaiting_login"
    with pytest.raises(VaultError):
        accounts.confirm_keys("staf", "bukan kata sandinya")
    assert accounts.confirm_keys("staf", PASSWORD) == [KeyName.CONTACT]
    # not logged in since the upgrade: her key pair is made here (her password opened her slot)
    assert sorted(accounts.confirm_keys("konselor", PASSWORD)) == [
        KeyName.CONTACT, KeyName.RESTRICTED]
    admin.close()
    staf = open_vault(old_vault, "staf", PASSWORD)
    try:
        assert staf.actor.awaiting_keys == frozenset()
        rows = build_services(staf).participants.list_rows()
        assert any(r.nik for r in rows)
    finally:
        staf.close()
    audit = open_vault(old_vault, "admin", PASSWORD)
    try:
        entries = build_services(audit).audit.entries(action="keys_handed_over")
        assert {e.target for e in entries} >= {"staf"}
        assert build_services(audit).audit.verify().ok
    finally:
        audit.close()


def test_a_crash_between_the_keys_and_the_sealing_is_finished_at_the_next_admin_login(
        old_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class PowerCutError(Exception):
        pass

    def cut(*_args: object, **_kwargs: object) -> None:
        raise PowerCutError

    with monkeypatch.context() as patch:
        patch.setattr(vault_upgrade, "finish_pending_upgrade", cut)
        with pytest.raises(PowerCutError):
            upgrade(old_vault, tmp_path / "sheet.txt")
    keyfile = KeyFile.load(old_vault / "kdrt.keys")
    assert keyfile.version == 2 and keyfile.upgrade_pending
    master = VaultKeys(old_vault / "kdrt.keys", SecretStore()).unlock("admin", PASSWORD).master
    engine = encrypted_engine(old_vault / "kdrt.db", master)
    assert migrate.current_revision(engine) == "0003"  # never a half-converted table
    engine.dispose()
    with pytest.raises(VaultError) as refused:
        open_vault(old_vault, "konselor", PASSWORD)
    assert refused.value.key == "error.upgrade_needs_admin"
    vault = open_vault(old_vault, "admin", PASSWORD)
    try:
        assert not vault.upgrade_required
        assert not KeyFile.load(old_vault / "kdrt.keys").upgrade_pending
        assert migrate.is_current(vault.db.engine)
        assert any(r.nik for r in build_services(vault).participants.list_rows())
    finally:
        vault.close()
    assert not (old_vault / "kdrt.db.before-upgrade").exists()


def test_a_recovery_sheet_that_cannot_be_written_changes_nothing(old_vault: Path) -> None:
    keys_before = (old_vault / "kdrt.keys").read_bytes()
    vault = open_vault(old_vault, "admin", PASSWORD)

    def fail(_code: str) -> None:
        raise OSError("no space")

    with pytest.raises(OSError):
        upgrade_version_1(vault, fail)
    vault.close()
    assert (old_vault / "kdrt.keys").read_bytes() == keys_before
    again = open_vault(old_vault, "admin", PASSWORD)
    assert again.upgrade_required
    again.close()
