"""Finding 14: a facilitator cannot make herself admin, nor have keys sealed to her.

With her password and raw SQL she sets her own role to admin: her next login is refused (the
CLI and the app alike), and the refusal is in the audit log for an admin to see. With her public
key put into the konselor's slot (and certificate), the konselor can no longer log in, and an
admin's next login hands nothing to her key: every box in the key file that her key pair opens
is still her own master key. The same holds in a vault upgraded from version 1, where the
konselor has not logged in since the upgrade and her slot still waits for its key pair.
"""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

import pytest
from attackers import edit_key_file, raw_sql, says, slot, unlock
from cli_harness import CliVault, assert_clean_failure, message
from cryptography.exceptions import InvalidTag
from sqlalchemy import text
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.errors import VaultError
from kdrt_desk.security.keyfile import KeyFile, account_slot_id
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.security.vault_keys import Unlocked
from kdrt_desk.services.vault_access import open_vault

REFUSED = ("error.role_signature_invalid", "error.slot_keys_invalid")
VAULT_V1 = Path(__file__).resolve().parents[2] / "fixtures" / "vault_v1"
V1_PASSWORD = "versi-satu-2026"  # every account of the fixture (its README)


def boxes_she_opens(vault: CliVault, her: Unlocked) -> list[tuple[str, str]]:
    """(slot, key name) of every box in the key file that her key pair opens."""
    assert her.pair is not None
    keyfile = KeyFile.load(vault.data_dir / "kdrt.keys")
    opened = []
    for slot_id, item in keyfile.slots.items():
        for name, boxes in item.sealed.items():
            for sealed in boxes:
                try:
                    her.pair.open_sealed(sealed.box, keyfile.sealed_aad(slot_id, name,
                                                                        sealed.gen))
                except InvalidTag:  # not sealed to her: exactly what must happen
                    continue
                opened.append((slot_id, name))
    return opened


def test_facilitator_who_makes_herself_admin_is_refused(demo_copy: CliVault) -> None:
    with raw_sql(demo_copy, "fasilitator") as (engine, _), engine.begin() as conn:
        changed = conn.execute(text(
            "UPDATE staff_account SET role = 'admin' WHERE username = 'fasilitator'"))
        assert changed.rowcount == 1  # type: ignore[attr-defined]

    for command in (["check"], ["audit", "verify"], ["participants", "list"]):
        result = demo_copy.run(*command, user="fasilitator")
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert_clean_failure(result, message("error.role_mismatch"))
        assert result.stdout == "", command
    demo_copy.sync_keyring()
    with pytest.raises(VaultError) as refused:
        open_vault(demo_copy.data_dir, "fasilitator", demo_copy.password, store=SecretStore())
    assert refused.value.key == "error.role_mismatch"

    admin = demo_copy.services("admin")
    try:
        refusals = [(e.target, e.details.get("reason"))
                    for e in admin.audit.entries(action="login_refused")]
        assert admin.audit.verify().ok
    finally:
        admin.close()
    assert refusals == [("fasilitator", "role_mismatch")] * 4
    assert {n for n in KeyName if unlock(demo_copy, "fasilitator").holds(n)} == {KeyName.MASTER}


@pytest.mark.parametrize("swap", ["slot", "slot and certificate"])
def test_her_public_key_in_the_konselors_slot_receives_nothing(demo_copy: CliVault,
                                                               swap: str) -> None:
    her = unlock(demo_copy, "fasilitator")
    assert her.pair is not None
    box = base64.b64encode(her.pair.box_public).decode("ascii")
    sign = base64.b64encode(her.pair.sign_public).decode("ascii")

    def put_her_key_in(data: dict) -> None:  # type: ignore[type-arg]
        konselor = account_slot_id(data["vault_id"], "konselor")
        target = slot(data, konselor)
        target.update(box_public=box, sign_public=sign)
        target["sealed"] = {"master": target["sealed"]["master"]}  # "waiting" for her keys
        if swap == "slot and certificate":
            cert = next(c for c in data["certificates"] if c["slot"] == konselor)
            cert.update(box_public=box, sign_public=sign)

    edit_key_file(demo_copy, put_her_key_in)  # checksums fixed: not "damaged"

    konselor = demo_copy.run("check", user="konselor")
    assert konselor.returncode == 2
    line = assert_clean_failure(konselor)
    assert any(says(line, key) for key in REFUSED), line

    admin = demo_copy.services("admin")  # an admin's login hands keys to waiting accounts
    try:
        recorded = [(e.action, e.details) for e in admin.audit.entries()
                    if e.target == "konselor"
                    and any(w in e.action for w in ("refused", "invalid", "tamper"))]
    finally:
        admin.close()

    assert boxes_she_opens(demo_copy, her) == [(her.slot_id, "master")]
    assert {n for n in KeyName if unlock(demo_copy, "fasilitator").holds(n)} == {KeyName.MASTER}
    # and the admin can see that someone tried (the message promises "this attempt was recorded")
    assert recorded, "the refused login with a swapped public key is not in the audit log"


def test_upgraded_vault_a_slot_waiting_for_its_key_pair_is_not_hers_to_fill(
        tmp_path: Path, _test_keyring: MemoryKeyring) -> None:
    """The konselor has not logged in since the admin upgraded the vault: her slot is still of
    version 1 and her certificate vouches for her role only. The facilitator writes a slot of
    the new kind there holding her own public keys (checksums fixed); the admin's next login
    must not vouch for that key as the konselor's and seal the restricted key to it."""
    data_dir = tmp_path / "vault"
    data_dir.mkdir()
    for name in ("kdrt.db", "kdrt.keys"):
        shutil.copy2(VAULT_V1 / name, data_dir / name)
    shutil.copy2(VAULT_V1 / "keyring.json", tmp_path / "keyring.json")
    vault = CliVault(data_dir, tmp_path / "keyring.json", V1_PASSWORD, tmp_path, "",
                     _test_keyring)
    upgraded = vault.run("upgrade", "--recovery-sheet", str(tmp_path / "lembar.pdf"))
    assert upgraded.returncode == 0, upgraded.stderr
    mine = vault.run("check", user="fasilitator")  # her slot gets its key pair now
    assert mine.returncode == 0, mine.stderr
    her = unlock(vault, "fasilitator")
    assert her.pair is not None

    def fill_the_konselors_slot(data: dict) -> None:  # type: ignore[type-arg]
        konselor = account_slot_id(data["vault_id"], "konselor")
        waiting = slot(data, konselor)
        assert "wrapped_seed" not in waiting  # still version 1: no key pair yet
        forged = {k: v for k, v in slot(data, her.slot_id).items() if k != "sealed"}
        waiting.clear()
        waiting.update(forged, id=konselor)

    edit_key_file(vault, fill_the_konselors_slot)

    admin = vault.services("admin")  # the admin's login: hand-over to waiting accounts
    admin.close()
    assert boxes_she_opens(vault, her) == [(her.slot_id, "master")], \
        "keys were sealed to her public key in the konselor's slot"
    assert {n for n in KeyName if unlock(vault, "fasilitator").holds(n)} == {KeyName.MASTER}
