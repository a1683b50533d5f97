"""Offboarding: after an account leaves and its keys are rotated, her old slot, a copy of the
files she kept and ``kdrt.keys.prev`` open nothing written from then on; a cancelled rotation
leaves everything as it was; the others need to do nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text
from support.constants import FAST_KDF, PASSWORD
from support.participant_samples import TODAY, sample
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.errors import UserError, VaultError
from kdrt_desk.models import Participant
from kdrt_desk.models.sealed import SealedBlob
from kdrt_desk.security.field_crypto import (
    FieldKeys,
    TierWithheldError,
    UnreadableValueError,
    identity,
)
from kdrt_desk.security.keyfile import KeyFile
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.tiers import KeyName, Tier
from kdrt_desk.security.vault_keys import VaultKeys
from kdrt_desk.services.vault_access import open_vault_with_recovery

NEW_NIK = "1671014506850003"


def kept_copy(vault: VaultFixture, into: Path) -> Path:
    """What a staff member could have copied to a USB stick while she still worked here."""
    into.mkdir()
    for name in ("kdrt.db", "kdrt.keys"):
        shutil.copy2(vault.data_dir / name, into / name)
    return into


def test_old_keys_open_nothing_written_after_the_rotation(vault: VaultFixture,
                                                          tmp_path: Path) -> None:
    team = Team.hired(vault)
    team("admin").participants.register(sample(full_name="Sebelum Rotasi", nik=""),
                                        today=TODAY)
    copy = kept_copy(vault, tmp_path / "usb")
    old = VaultKeys(copy / "kdrt.keys", SecretStore(), FAST_KDF).unlock("staf1", PASSWORD)
    old_contact = old.newest(KeyName.CONTACT)

    admin = team("admin")
    held = admin.accounts.set_active("staf1", False)
    assert held == {KeyName.MASTER, KeyName.CONTACT}
    admin.accounts.rotate_after("staf1", held)
    saved = admin.participants.register(sample(full_name="Sesudah Rotasi", nik=NEW_NIK),
                                        today=TODAY)
    assert admin.participants.get(saved.id).nik == NEW_NIK
    assert admin.audit.verify().ok
    rotated = [e for e in admin.audit.entries(action="keys_rotated")]
    assert rotated and rotated[0].target == "staf1"
    team.close()

    # her old master key does not open the database as it is now
    engine = encrypted_engine(vault.data_dir / "kdrt.db", old.master)
    with pytest.raises(VaultError):
        verify_open(engine, vault.data_dir / "kdrt.db")
    # her old contact key does not open a value written now (even with the current master)
    current = VaultKeys(vault.data_dir / "kdrt.keys", SecretStore(), FAST_KDF).unlock(
        "konselor1", PASSWORD)
    engine = encrypted_engine(vault.data_dir / "kdrt.db", current.master)
    with engine.connect() as conn:
        blob, seal_id = conn.execute(select(Participant.nik, Participant.seal_id).where(
            Participant.id == saved.id)).one()
    engine.dispose()
    assert isinstance(blob, SealedBlob)
    with pytest.raises((TierWithheldError, UnreadableValueError)):
        FieldKeys({Tier.CONTACT: {1: old_contact}}).open(blob.column_key, identity(seal_id),
                                                         blob.data)
    # her slot is gone, and no generation of the key file beside the vault holds it
    for name in ("kdrt.keys", "kdrt.keys.prev"):
        keys = VaultKeys(vault.data_dir / name, SecretStore(), FAST_KDF)
        assert not keys.has_account("staf1")
    # the others: nothing to do
    for user in ("admin", "konselor1", "fasilitator1"):
        services = vault.services(user)
        assert services.vault.actor.awaiting_keys == frozenset()
        services.close()
    recovered = open_vault_with_recovery(vault.data_dir, vault.recovery_code, kdf=FAST_KDF)
    assert recovered.holder.newest(KeyName.CONTACT) == current.newest(KeyName.CONTACT)
    recovered.close()


def test_a_cancelled_rotation_leaves_nothing_behind(vault: VaultFixture) -> None:
    team = Team.hired(vault)
    admin = team("admin")
    admin.participants.register(sample(), today=TODAY)
    held = admin.accounts.set_active("konselor2", False)
    slots_before = KeyFile.load(vault.data_dir / "kdrt.keys").material()["slots"]
    with admin.vault.db.engine.connect() as conn:
        nik_before = conn.execute(text("SELECT nik FROM participant")).scalar_one()

    with pytest.raises(UserError, match="Dibatalkan"):
        admin.accounts.rotate_after("konselor2", held, lambda rows: False)
    after = KeyFile.load(vault.data_dir / "kdrt.keys")
    assert after.rotation is None
    assert after.material()["slots"] == slots_before
    with admin.vault.db.engine.connect() as conn:
        assert conn.execute(text("SELECT nik FROM participant")).scalar_one() == nik_before
    assert admin.participants.list_rows()[0].nik == "1671044506850001"
    team.close()


def test_a_fault_after_the_values_are_resealed_is_finished_at_the_next_login(
        vault: VaultFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """The values are sealed under the new generations (committed) and then the re-encryption
    of the file fails: nothing is taken back (that would leave values no key opens), the
    rotation stays marked, and the admin's next login finishes it."""
    from kdrt_desk.services import key_rotation

    team = Team.hired(vault)
    admin = team("admin")
    admin.participants.register(sample(), today=TODAY)
    held = admin.accounts.set_active("konselor2", False)

    def fails(*_args: object) -> None:
        raise VaultError("error.disk_full")

    monkeypatch.setattr(key_rotation, "rekey_engine", fails)
    with pytest.raises(VaultError):
        admin.accounts.rotate_after("konselor2", held)
    pending = KeyFile.load(vault.data_dir / "kdrt.keys")
    assert pending.rotation is not None  # still marked: the new generations are kept
    assert admin.participants.list_rows()[0].nik == "1671044506850001"
    team.close()
    monkeypatch.undo()

    services = vault.services("admin")  # the next admin login finishes the rotation
    try:
        assert services.participants.list_rows()[0].nik == "1671044506850001"
        finished = KeyFile.load(vault.data_dir / "kdrt.keys")
        assert finished.rotation is None
        assert services.vault.db.engine.kdrt_creator.key == services.vault.holder.newest(
            KeyName.MASTER)
    finally:
        services.close()
