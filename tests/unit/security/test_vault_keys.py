"""Key slots: unlock, lock-out after five wrong tries, recovery, password-only mode."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from support.constants import FAST_KDF
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.errors import VaultError
from kdrt_desk.security.key_custody import KeyCustody
from kdrt_desk.security.keyfile import KeyFile
from kdrt_desk.security.recovery_code import normalise_recovery_code
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.vault_keys import VaultKeys


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def make(tmp_path: Path, clock: Clock | None = None) -> tuple[VaultKeys, bytes, str]:
    keys = VaultKeys(tmp_path / "kdrt.keys", SecretStore(), FAST_KDF, clock or Clock())
    code = keys.new_recovery_code()
    custody = KeyCustody.found(keys, "sari", "kata-sandi-sari", code)
    keys.save()
    return keys, custody.holder.master, code


def reopen(tmp_path: Path, clock: Clock | None = None) -> VaultKeys:
    return VaultKeys(tmp_path / "kdrt.keys", SecretStore(), FAST_KDF, clock or Clock())


def test_right_password_unwraps_the_master_key(tmp_path: Path) -> None:
    _, master, _ = make(tmp_path)
    assert reopen(tmp_path).unlock("Sari ", "kata-sandi-sari").master == master


def test_wrong_password_and_unknown_user_give_the_same_error(tmp_path: Path) -> None:
    make(tmp_path)
    keys = reopen(tmp_path)
    with pytest.raises(VaultError) as wrong:
        keys.unlock("sari", "salah")
    with pytest.raises(VaultError) as unknown:
        keys.unlock("tidakada", "kata-sandi-sari")
    assert wrong.value.key == unknown.value.key == "error.wrong_login"
    events = [e["event"] for e in keys.pending_events()]
    assert events == ["login_failed", "login_failed"]


def test_five_wrong_tries_lock_the_account_for_five_minutes(tmp_path: Path) -> None:
    clock = Clock()
    make(tmp_path, clock)
    keys = reopen(tmp_path, clock)
    for _ in range(5):
        with pytest.raises(VaultError):
            keys.unlock("sari", "salah")
    with pytest.raises(VaultError) as locked:
        reopen(tmp_path, clock).unlock("sari", "kata-sandi-sari")
    assert locked.value.key == "error.account_locked"
    assert locked.value.params["minutes"] == 5
    assert "account_locked" in [e["event"] for e in reopen(tmp_path).pending_events()]
    clock.now += timedelta(minutes=5, seconds=1)
    assert reopen(tmp_path, clock).unlock("sari", "kata-sandi-sari").master


def test_four_wrong_tries_then_success_resets_the_counter(tmp_path: Path) -> None:
    make(tmp_path)
    keys = reopen(tmp_path)
    for _ in range(4):
        with pytest.raises(VaultError):
            keys.unlock("sari", "salah")
    keys.unlock("sari", "kata-sandi-sari")
    for _ in range(4):
        with pytest.raises(VaultError):
            keys.unlock("sari", "salah")
    assert keys.unlock("sari", "kata-sandi-sari")


def test_recovery_code_restores_the_keyring_secret_on_a_new_pc(
        tmp_path: Path, _test_keyring: MemoryKeyring) -> None:
    _, master, code = make(tmp_path)
    _test_keyring.entries.clear()  # a new PC or another Windows account
    keys = reopen(tmp_path)
    with pytest.raises(VaultError) as missing:
        keys.unlock("sari", "kata-sandi-sari")
    assert missing.value.key == "error.keyring_secret_missing"
    typed = code.lower().replace("-", " ")
    assert reopen(tmp_path).unlock_with_recovery(typed).master == master
    assert reopen(tmp_path).unlock("sari", "kata-sandi-sari").master == master


def test_wrong_or_malformed_recovery_code_is_refused(tmp_path: Path) -> None:
    _, _, code = make(tmp_path)
    keys = reopen(tmp_path)
    with pytest.raises(VaultError) as malformed:
        keys.unlock_with_recovery("ABCD-EFGH")
    assert malformed.value.key == "error.recovery_code_format"
    other = ("0000-" + code[5:]) if not code.startswith("0000") else ("1111-" + code[5:])
    with pytest.raises(VaultError) as wrong:
        keys.unlock_with_recovery(other)
    assert wrong.value.key == "error.recovery_code_wrong"


def test_password_change_and_removal(tmp_path: Path) -> None:
    keys, master, _ = make(tmp_path)
    custody = KeyCustody(keys, keys.unlock("sari", "kata-sandi-sari"))
    custody.change_own_password("sari", "sandi-baru-sekali")
    keys.save()
    with pytest.raises(VaultError):
        reopen(tmp_path).unlock("sari", "kata-sandi-sari")
    assert reopen(tmp_path).unlock("sari", "sandi-baru-sekali").master == master
    custody.remove_account("sari")
    keys.save()
    assert not reopen(tmp_path).has_account("sari")


def test_key_file_holds_no_username_or_key_in_clear(tmp_path: Path) -> None:
    _, master, code = make(tmp_path)
    raw = (tmp_path / "kdrt.keys").read_bytes()
    assert b"sari" not in raw
    assert master.hex().encode() not in raw
    assert code.encode() not in raw


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": "other"}',
                                    b'{"format": "kdrt-desk-keys", "version": 1}'])
def test_damaged_key_file_is_a_clear_error(tmp_path: Path, damage: bytes) -> None:
    make(tmp_path)
    (tmp_path / "kdrt.keys").write_bytes(damage)
    with pytest.raises(VaultError) as err:
        reopen(tmp_path)
    assert err.value.key in ("error.keyfile_damaged", "error.keyfile_damaged_previous_ok")


def test_without_an_os_keyring_the_vault_is_password_only(tmp_path: Path) -> None:
    keyring.set_keyring(FailKeyring())
    keys, master, code = make(tmp_path)
    assert not keys.uses_keyring
    assert json.loads((tmp_path / "kdrt.keys").read_text())["uses_keyring"] is False
    assert reopen(tmp_path).unlock("sari", "kata-sandi-sari").master == master
    assert reopen(tmp_path).unlock_with_recovery(code).master == master


def test_recovery_codes_are_random_and_normalise() -> None:
    from kdrt_desk.security.recovery_code import generate_recovery_code

    codes = {generate_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    code = codes.pop()
    assert len(code) == 34 and code.count("-") == 6
    assert normalise_recovery_code(code.lower().replace("-", "")) == code
    assert normalise_recovery_code("O" + code[1:]) == normalise_recovery_code("0" + code[1:])
    assert normalise_recovery_code("too short") is None


def test_keyfile_round_trip_keeps_slots(tmp_path: Path) -> None:
    keys, _, _ = make(tmp_path)
    loaded = KeyFile.load(tmp_path / "kdrt.keys")
    assert loaded.vault_id == keys.vault_id
    assert set(loaded.slots) == set(keys.file().slots)
    assert loaded.to_bytes() == keys.file().to_bytes()
