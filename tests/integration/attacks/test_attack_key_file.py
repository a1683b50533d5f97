"""Finding 4: a changed byte in a key slot is named as damage, never as a wrong password.

One byte flipped inside a slot's wrapped seed (the JSON stays valid, the checksums are not
fixed: a disk error or a clumsy edit): ``check`` names the slot, the recovery code is not called
wrong, a login is not counted towards a lock-out, the key file is never written back, and
``keys restore-previous`` brings the vault back.
"""

from __future__ import annotations

import json

import pytest
from attackers import edit_key_file, flip_byte, says, slot
from cli_harness import CliVault, assert_clean_failure, message

from kdrt_desk.errors import VaultError
from kdrt_desk.security.keyfile import RECOVERY_SLOT_ID, account_slot_id
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.vault_access import open_vault_with_recovery

DAMAGED = ("error.keyfile_damaged_previous_ok", "error.keyfile_damaged")


def _damage(vault: CliVault, slot_id: str) -> bytes:
    edit_key_file(vault, lambda data: slot(data, slot_id).update(
        wrapped_seed=flip_byte(slot(data, slot_id)["wrapped_seed"])), recompute=False)
    return (vault.data_dir / "kdrt.keys").read_bytes()


def _slot_id(vault: CliVault, username: str) -> str:
    keys = json.loads((vault.data_dir / "kdrt.keys").read_text())
    return account_slot_id(keys["vault_id"], username)


def _damage_line(result: object) -> str:
    line = assert_clean_failure(result)  # type: ignore[arg-type]
    assert any(says(line, key) for key in DAMAGED), line
    assert message("error.wrong_login") not in line
    assert message("error.recovery_code_wrong") not in line
    return line


def test_changed_byte_in_the_recovery_slot(demo_copy: CliVault) -> None:
    damaged = _damage(demo_copy, RECOVERY_SLOT_ID)

    result = demo_copy.run("check")
    assert result.returncode == 2
    line = _damage_line(result)
    assert message("cli.part_recovery") in line  # "slot pemulihan"
    assert result.stdout == ""

    # the real recovery code: "damaged", not "the code does not match"
    demo_copy.sync_keyring()
    with pytest.raises(VaultError) as refused:
        open_vault_with_recovery(demo_copy.data_dir, demo_copy.recovery_code,
                                 store=SecretStore())
    assert refused.value.key in DAMAGED
    assert (demo_copy.data_dir / "kdrt.keys").read_bytes() == damaged


def test_changed_byte_in_the_admin_slot(demo_copy: CliVault) -> None:
    keys = demo_copy.data_dir / "kdrt.keys"
    guard_before = json.loads(keys.read_text())["guard"]
    damaged = _damage(demo_copy, _slot_id(demo_copy, "admin"))

    # her right password twice, a wrong one once: "damaged" every time, nothing counted
    wrong = demo_copy.env(KDRT_PASSWORD="bukan kata sandinya")
    for env in (None, wrong, None):
        result = demo_copy.run("participants", "list", env=env)
        assert result.returncode == 2
        _damage_line(result)
        assert result.stdout == ""
        assert keys.read_bytes() == damaged, "the key file was written from a damaged state"
    assert json.loads(keys.read_text())["guard"] == guard_before

    # another account's check names the damaged slot by its account
    check = demo_copy.run("check", user="konselor")
    assert message("cli.part_account", name="admin") in _damage_line(check)

    restored = demo_copy.run("keys", "restore-previous", user=None)
    assert restored.returncode == 0, restored.stderr
    assert keys.read_bytes() != damaged
    assert list(demo_copy.data_dir.glob("kdrt.keys.damaged-*")), "the damaged file is kept"
    after = demo_copy.run("participants", "list", "--format", "json")
    assert after.returncode == 0, after.stderr
    assert len(json.loads(after.stdout)) == 200


def test_check_names_a_damaged_staf_slot(demo_copy: CliVault) -> None:
    damaged = _damage(demo_copy, _slot_id(demo_copy, "staf"))
    result = demo_copy.run("check")
    assert result.returncode == 2
    assert message("cli.part_account", name="staf") in _damage_line(result)  # "slot akun staf"
    assert (demo_copy.data_dir / "kdrt.keys").read_bytes() == damaged
