"""Key slots of version 2: who holds which key, signed roles, hand-overs, rotation, the guard,
checksums and the previous generation of the key file."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support.constants import FAST_KDF

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import VaultError
from kdrt_desk.security.crypto import SlotKeyPair
from kdrt_desk.security.key_custody import (
    KeyCustody,
    awaiting_certification,
    certificate_problem,
    certified_role,
    missing_keys,
)
from kdrt_desk.security.keyfile import RECOVERY_SLOT_ID, KeyFile, KeyFileDamagedError
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.security.vault_keys import VaultKeys

PASSWORDS = {"sari": "kata-sandi-sari", "konselor1": "kata-sandi-kons", "staf1": "kata-sandi-staf",
             "fasil1": "kata-sandi-fasil"}
ROLES = {"konselor1": Role.KONSELOR, "staf1": Role.STAF, "fasil1": Role.FASILITATOR}


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def found(tmp_path: Path, clock: Clock | None = None) -> tuple[VaultKeys, KeyCustody, str]:
    keys = VaultKeys(tmp_path / "kdrt.keys", SecretStore(), FAST_KDF, clock or Clock())
    code = keys.new_recovery_code()
    custody = KeyCustody.found(keys, "sari", PASSWORDS["sari"], code)
    keys.save()  # as a new vault does; the accounts come later (kdrt.keys.prev: this one)
    for name, role in ROLES.items():
        custody.add_account(name, role, PASSWORDS[name])
    keys.save()
    return keys, custody, code


def reopen(tmp_path: Path, clock: Clock | None = None) -> VaultKeys:
    return VaultKeys(tmp_path / "kdrt.keys", SecretStore(), FAST_KDF, clock or Clock())


def held(tmp_path: Path, name: str) -> frozenset[KeyName]:
    unlocked = reopen(tmp_path).unlock(name, PASSWORDS[name])
    return frozenset(n for n in KeyName if unlocked.holds(n))


def test_each_role_holds_only_the_keys_of_its_tiers(tmp_path: Path) -> None:
    _, custody, code = found(tmp_path)
    assert held(tmp_path, "sari") == frozenset(KeyName)
    assert held(tmp_path, "konselor1") == {KeyName.MASTER, KeyName.RESTRICTED, KeyName.CONTACT}
    assert held(tmp_path, "staf1") == {KeyName.MASTER, KeyName.CONTACT}
    assert held(tmp_path, "fasil1") == {KeyName.MASTER}
    recovery = reopen(tmp_path).unlock_with_recovery(code)
    assert frozenset(n for n in KeyName if recovery.holds(n)) == frozenset(KeyName)
    masters = {reopen(tmp_path).unlock(n, p).master for n, p in PASSWORDS.items()}
    assert masters == {custody.holder.master}  # one database key for everyone


def test_roles_come_from_certificates_signed_by_the_vault(tmp_path: Path) -> None:
    found(tmp_path)
    keyfile = reopen(tmp_path).file()
    for name, role in ROLES.items():
        assert certified_role(keyfile, reopen(tmp_path).slot_id(name)) == role
    assert certified_role(keyfile, RECOVERY_SLOT_ID) is None


def test_a_role_edited_in_the_file_no_longer_verifies(tmp_path: Path) -> None:
    found(tmp_path)
    path = tmp_path / "kdrt.keys"
    data = json.loads(path.read_text())
    slot = reopen(tmp_path).slot_id("fasil1")
    for cert in data["certificates"]:
        if cert["slot"] == slot:
            cert["role"] = "admin"  # the attacker's edit; she cannot sign it again
    path.write_text(json.dumps(data))  # the file checksum now fails too: recompute it as she would
    data.pop("checksum")
    from kdrt_desk.security.keyfile import checksum

    data["checksum"] = checksum(data)
    path.write_text(json.dumps(data))
    keyfile = KeyFile.load(path)
    assert not keyfile.damaged
    assert certificate_problem(keyfile, slot) == "error.role_signature_invalid"
    with pytest.raises(VaultError) as refused:
        certified_role(keyfile, slot)
    assert refused.value.key == "error.role_signature_invalid"


def test_a_swapped_public_key_receives_nothing(tmp_path: Path) -> None:
    """The attacker puts her own public key into the konselor's slot: the certificate no
    longer matches, so no admin hands it a key."""
    keys, _, _ = found(tmp_path)
    keyfile = keys.file()
    konselor = keys.slot_id("konselor1")
    mine = SlotKeyPair.generate()
    keyfile.slots[konselor].box_public = mine.box_public
    keyfile.slots[konselor].sealed = {}
    assert certificate_problem(keyfile, konselor) == "error.role_signature_invalid"
    admin = KeyCustody(keys, keys.unlock("sari", PASSWORDS["sari"]))
    given, refused = admin.hand_over()
    assert konselor not in {slot for slot, _ in given} and refused == [konselor]
    assert keyfile.slots[konselor].sealed == {}
    with pytest.raises(VaultError):
        admin.grant(konselor, frozenset({KeyName.RESTRICTED}))


def test_a_role_change_hands_over_and_takes_back_without_the_password(tmp_path: Path) -> None:
    keys, _, _ = found(tmp_path)
    admin = KeyCustody(keys, keys.unlock("sari", PASSWORDS["sari"]))
    lost = admin.change_role("konselor1", Role.STAF)
    keys.save()
    assert lost == {KeyName.RESTRICTED}
    assert held(tmp_path, "konselor1") == {KeyName.MASTER, KeyName.CONTACT}
    assert admin.change_role("fasil1", Role.KONSELOR) == frozenset()
    keys.save()
    assert held(tmp_path, "fasil1") == {KeyName.MASTER, KeyName.RESTRICTED, KeyName.CONTACT}
    assert certified_role(reopen(tmp_path).file(), keys.slot_id("fasil1")) == Role.KONSELOR


def test_a_rotation_gives_new_generations_to_holders_and_drops_the_old(tmp_path: Path) -> None:
    keys, custody, code = found(tmp_path)
    old_contact = custody.holder.newest(KeyName.CONTACT)
    admin = KeyCustody(keys, keys.unlock("sari", PASSWORDS["sari"]))
    admin.remove_account("staf1")
    admin.begin_rotation(frozenset({KeyName.MASTER, KeyName.CONTACT}))
    keys.save()
    both = reopen(tmp_path).unlock("konselor1", PASSWORDS["konselor1"])
    assert sorted(both.keys[KeyName.CONTACT]) == [1, 2]  # until the database is sealed again
    admin.finish_rotation()
    keys.save()
    after = reopen(tmp_path).unlock("konselor1", PASSWORDS["konselor1"])
    assert sorted(after.keys[KeyName.CONTACT]) == [2]
    assert after.newest(KeyName.CONTACT) != old_contact
    assert sorted(reopen(tmp_path).unlock_with_recovery(code).keys[KeyName.MASTER]) == [2]
    assert sorted(reopen(tmp_path).unlock("fasil1", PASSWORDS["fasil1"]).keys) == [
        KeyName.MASTER]
    # the removed account's slot is gone, and the previous key file holds only old generations
    assert not reopen(tmp_path).has_account("staf1")
    previous = VaultKeys(tmp_path / "kdrt.keys.prev", SecretStore(), FAST_KDF)
    assert 2 in previous.unlock("konselor1", PASSWORDS["konselor1"]).keys[KeyName.CONTACT]


def test_an_aborted_rotation_leaves_the_keys_as_they_were(tmp_path: Path) -> None:
    keys, custody, _ = found(tmp_path)
    before = keys.file().to_bytes()
    admin = KeyCustody(keys, keys.unlock("sari", PASSWORDS["sari"]))
    admin.begin_rotation(frozenset({KeyName.RESTRICTED}))
    admin.abort_rotation()
    assert json.loads(keys.file().to_bytes())["slots"] == json.loads(before)["slots"]


def test_a_new_signing_key_signs_every_role_again(tmp_path: Path) -> None:
    keys, _, code = found(tmp_path)
    old_signer = keys.file().signing_public
    admin = KeyCustody(keys, keys.unlock("sari", PASSWORDS["sari"]))
    admin.rotate_signing_key()
    keys.save()
    keyfile = reopen(tmp_path).file()
    assert keyfile.signing_public != old_signer and keyfile.signing_history == [old_signer]
    assert held(tmp_path, "staf1") == {KeyName.MASTER, KeyName.CONTACT}
    assert certified_role(keyfile, keys.slot_id("staf1")) == Role.STAF
    assert reopen(tmp_path).unlock_with_recovery(code).holds(KeyName.SIGNING)


def test_an_upgraded_account_gets_its_keys_when_its_owner_proves_its_key_pair(
        tmp_path: Path) -> None:
    """A version 1 slot gets its key pair at its owner's login, unchecked: an admin's login
    hands it nothing until its owner's password opened it in the admin's session."""
    keys, _, _ = found(tmp_path)
    admin = KeyCustody(keys, keys.unlock("sari", PASSWORDS["sari"]))
    slot_id = keys.slot_id("staf1")
    slot = keys.file().slots[slot_id]
    slot.sealed = {"master": slot.sealed["master"]}  # what her own login sealed to herself
    admin.certify(slot_id, Role.STAF, None)  # the role vouched for, the key pair still to come
    keys.save()
    assert awaiting_certification(keys.file(), slot_id)
    assert missing_keys(keys.file(), slot_id) == {KeyName.CONTACT}
    assert held(tmp_path, "staf1") == {KeyName.MASTER}  # "menunggu kunci dari Admin"
    staf = reopen(tmp_path)
    assert KeyCustody(staf, staf.unlock("staf1", PASSWORDS["staf1"])).hand_over() == ([], [])
    later = reopen(tmp_path)
    custody = KeyCustody(later, later.unlock("sari", PASSWORDS["sari"]))
    assert custody.hand_over() == ([], [])  # an admin alone does not vouch for it
    given = custody.confirm_key_pair(later.unlock("staf1", PASSWORDS["staf1"]))
    later.save()
    assert given == [KeyName.CONTACT]
    assert held(tmp_path, "staf1") == {KeyName.MASTER, KeyName.CONTACT}
    assert not awaiting_certification(reopen(tmp_path).file(), slot_id)


def test_a_damaged_slot_is_named_never_a_wrong_password(tmp_path: Path) -> None:
    found(tmp_path)
    path = tmp_path / "kdrt.keys"
    data = json.loads(path.read_text())
    slot_id = reopen(tmp_path).slot_id("staf1")
    slot = next(s for s in data["slots"] if s["id"] == slot_id)
    wrapped = bytearray(base64.b64decode(slot["wrapped_seed"]))
    wrapped[3] ^= 0x01  # one changed byte, as a failing disk would do it
    slot["wrapped_seed"] = base64.b64encode(bytes(wrapped)).decode()
    damaged = json.dumps(data).encode()
    path.write_bytes(damaged)
    keys = reopen(tmp_path)
    assert keys.file().damaged == [slot_id]
    for user in ("staf1", "sari"):
        with pytest.raises(KeyFileDamagedError) as refused:
            keys.unlock(user, PASSWORDS[user])
        assert refused.value.key == "error.keyfile_damaged_previous_ok"
        assert refused.value.damaged == [slot_id]
    assert path.read_bytes() == damaged  # never written back from a damaged state
    assert keys.file().guard.lockout == {}  # and never counted towards a lock-out
    with pytest.raises(KeyFileDamagedError):
        keys.save()


def test_the_previous_generation_is_kept_only_for_new_key_material(tmp_path: Path) -> None:
    keys, _, _ = found(tmp_path)
    prev = tmp_path / "kdrt.keys.prev"
    before = prev.read_bytes()
    keys.forget_pending_events(0)
    keys.file().guard.events.append({"at": "x", "event": "login_failed", "slot": "unknown"})
    keys.save()  # a guard change: no new generation
    assert prev.read_bytes() == before
    admin = KeyCustody(keys, keys.unlock("sari", PASSWORDS["sari"]))
    current = (tmp_path / "kdrt.keys").read_bytes()
    admin.change_own_password("sari", "sandi-baru-sari")
    keys.save()
    assert prev.read_bytes() == current


def test_an_edited_lockout_locks_everyone_and_is_recorded(tmp_path: Path) -> None:
    clock = Clock()
    found(tmp_path, clock)
    keys = reopen(tmp_path, clock)
    for _ in range(5):
        with pytest.raises(VaultError):
            keys.unlock("staf1", "salah")
    path = tmp_path / "kdrt.keys"
    data = json.loads(path.read_text())
    assert data["guard"]["lockout"]  # the lock-out is there
    data["guard"]["lockout"] = {}  # the attacker wipes it, keeping the old MAC
    data.pop("checksum")
    from kdrt_desk.security.keyfile import checksum

    data["checksum"] = checksum(data)
    path.write_text(json.dumps(data))
    with pytest.raises(VaultError) as locked:
        reopen(tmp_path, clock).unlock("staf1", PASSWORDS["staf1"])
    assert locked.value.key == "error.account_locked"
    events = [e["event"] for e in reopen(tmp_path, clock).pending_events()]
    assert "guard_tampered" in events and "login_during_lockout" in events
    clock.now += timedelta(minutes=5, seconds=1)
    assert reopen(tmp_path, clock).unlock("staf1", PASSWORDS["staf1"]).holds(KeyName.CONTACT)
