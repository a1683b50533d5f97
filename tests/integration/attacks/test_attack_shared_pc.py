"""The attacker's tests of the PC's shared folder (issue 15): ``kdrt.link`` lets an admin's login
put the installation secret into another Windows account's Credential Manager.

She has the folder (or a copy of it), her own staff password, the PC's machine seal (any account
on the PC has it) and the app's own code to write entries. Nothing she writes may get her the
secret on an account that lacks it, touch the login guard, or lock anybody out; a copy of the
folder on another PC opens nothing even with the admin's password.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.fake_machine_seal import MachineKeySeal
from support.fake_os_keyring import MemoryKeyring
from support.shared_pc import mark_shared
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import VaultError
from kdrt_desk.security import machine_seal
from kdrt_desk.security.crypto import random_key
from kdrt_desk.security.keyfile import account_slot_id
from kdrt_desk.security.link_file import LINK_NAME, LinkFile
from kdrt_desk.security.machine_seal import MachineSealError
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.windows_accounts import open_for_login
from kdrt_desk.wiring import build_services

STAF, STAF_PASSWORD = "rina", "kata-sandi-staf-1"
ADMIN2, ADMIN2_PASSWORD = "dewi", "kata-sandi-admin-2"


def login(folder: Path, user: str, password: str):  # noqa: ANN201
    return open_for_login(folder, user, password, store=SecretStore(), kdf=FAST_KDF)


@pytest.fixture
def shared(vault: VaultFixture, this_pc: MachineKeySeal) -> VaultFixture:
    """A vault in the PC's shared folder: the admin's link entry, a staff and a second admin."""
    mark_shared(vault, [STAF])
    services = build_services(login(vault.data_dir, ADMIN, PASSWORD))
    try:
        services.accounts.add_account(STAF, Role.STAF, STAF_PASSWORD)
        services.accounts.add_account(ADMIN2, Role.ADMIN, ADMIN2_PASSWORD)
    finally:
        services.close()
    login(vault.data_dir, ADMIN2, ADMIN2_PASSWORD).close()
    return vault


def vault_id_of(folder: Path) -> str:
    return str(json.loads((folder / "kdrt.keys").read_text())["vault_id"])


def link_of(folder: Path) -> LinkFile:
    return LinkFile.load(folder / LINK_NAME, vault_id_of(folder))


def refused(folder: Path, user: str, password: str) -> str:
    with pytest.raises(VaultError) as caught:
        login(folder, user, password)
    return caught.value.key


def test_a_copy_of_the_folder_with_the_admin_password_opens_nothing_on_another_pc(
        shared: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring,
        tmp_path: Path) -> None:
    copy = tmp_path / "copied"
    shutil.copytree(shared.data_dir, copy)
    _test_keyring.entries.clear()  # her PC: no Credential Manager entry
    elsewhere = this_pc.other_pc()
    previous = machine_seal.install(elsewhere)
    try:
        keys_before = (copy / "kdrt.keys").read_bytes()
        assert refused(copy, ADMIN, PASSWORD) == "error.link_other_pc"
        for slot_id in link_of(copy).entries:
            with pytest.raises(MachineSealError):
                link_of(copy).open(slot_id, PASSWORD, elsewhere)
        assert (copy / "kdrt.keys").read_bytes() == keys_before
        assert _test_keyring.entries == {}
    finally:
        machine_seal.install(previous)


def test_a_staff_password_opens_no_entry(shared: VaultFixture, this_pc: MachineKeySeal,
                                         _test_keyring: MemoryKeyring) -> None:
    _test_keyring.entries.clear()
    assert refused(shared.data_dir, STAF, STAF_PASSWORD) == "error.keyring_secret_missing_shared"
    link = link_of(shared.data_dir)
    assert account_slot_id(link.vault_id, STAF) not in link.entries
    assert len(link.entries) == 2
    assert all(link.open(slot_id, STAF_PASSWORD, this_pc) is None for slot_id in link.entries)
    assert _test_keyring.entries == {}


def test_an_admin_entry_moved_to_her_slot_opens_nothing(
        shared: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring) -> None:
    folder = shared.data_dir
    data = json.loads((folder / LINK_NAME).read_text())
    vault_id = vault_id_of(folder)
    admin_entry = data["entries"][account_slot_id(vault_id, ADMIN)]
    data["entries"][account_slot_id(vault_id, STAF)] = admin_entry
    (folder / LINK_NAME).write_text(json.dumps(data))
    _test_keyring.entries.clear()
    assert refused(folder, STAF, STAF_PASSWORD) == "error.wrong_login"
    assert refused(folder, STAF, PASSWORD) == "error.wrong_login"
    assert _test_keyring.entries == {}


def test_her_own_forged_entry_is_refused_for_her_role(
        shared: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring) -> None:
    """On her linked account she has the secret and the PC's seal: she writes an entry for her
    own slot with the app's code. On an account not linked yet it is refused: not an Admin."""
    folder = shared.data_dir
    vault_id = vault_id_of(folder)
    secret = SecretStore().get(vault_id)
    assert secret is not None
    link = link_of(folder)
    slot_id = account_slot_id(vault_id, STAF)
    keyfile = json.loads((folder / "kdrt.keys").read_text())
    slot_salt = next(s for s in keyfile["slots"] if s["id"] == slot_id)["salt"]
    import base64

    link.put(slot_id, base64.b64decode(slot_salt), STAF_PASSWORD, secret, FAST_KDF, this_pc)
    link.save(folder / LINK_NAME)
    _test_keyring.entries.clear()
    assert refused(folder, STAF, STAF_PASSWORD) == "error.keyring_secret_missing_shared"
    assert _test_keyring.entries == {}


def test_a_planted_secret_never_touches_the_guard(
        shared: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring) -> None:
    """An entry under the admin's slot with a password the attacker chose and a secret of her
    own: it opens, but the secret does not open the admin's slot. The guard is never read with
    it (it would look edited and lock everyone out): the key file stays byte for byte."""
    folder = shared.data_dir
    link = link_of(folder)
    slot_id = account_slot_id(link.vault_id, ADMIN)
    link.put(slot_id, link.entries[slot_id].slot_salt, "pilihan-penyerang", random_key(),
             FAST_KDF, this_pc)
    link.save(folder / LINK_NAME)
    first = dict(_test_keyring.entries)
    _test_keyring.entries.clear()
    keys_before = (folder / "kdrt.keys").read_bytes()
    assert refused(folder, ADMIN, "pilihan-penyerang") == "error.wrong_login"
    assert refused(folder, ADMIN, PASSWORD) == "error.wrong_login"
    assert (folder / "kdrt.keys").read_bytes() == keys_before
    assert _test_keyring.entries == {}
    _test_keyring.entries.update(first)  # the admin, on the first account: nobody locked out
    vault = login(folder, ADMIN, PASSWORD)
    try:
        assert vault.actor.role == Role.ADMIN
        assert not any(e["event"] == "guard_tampered" for e in vault.keys.pending_events())
    finally:
        vault.close()
    assert link_of(folder).open(slot_id, PASSWORD, this_pc) is not None  # her entry written again


def test_a_demoted_admin_with_her_old_entry_cannot_link(
        shared: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring) -> None:
    folder = shared.data_dir
    services = build_services(login(folder, ADMIN, PASSWORD))
    services.accounts.change_role(ADMIN2, Role.STAF)
    services.close()
    # the demotion was the last thing done: her entry is still in the file
    assert account_slot_id(vault_id_of(folder), ADMIN2) in link_of(folder).entries
    _test_keyring.entries.clear()
    assert refused(folder, ADMIN2, ADMIN2_PASSWORD) == "error.keyring_secret_missing_shared"
    assert _test_keyring.entries == {}
