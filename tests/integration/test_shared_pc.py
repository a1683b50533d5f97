"""One PC, several Windows accounts (issue 15): the shared folder, finding it, and linking another
Windows account with an admin's login or the recovery code.

Each Windows account has its own Credential Manager: here, the test keyring emptied is the other
account's. The PC's machine seal (DPAPI on Windows) is the ``this_pc`` fixture's.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.fake_machine_seal import MachineKeySeal
from support.fake_os_keyring import MemoryKeyring
from support.shared_pc import mark_shared
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError, ValidationError, VaultError
from kdrt_desk.models import AuditEntry
from kdrt_desk.security import machine_seal
from kdrt_desk.security.link_file import LINK_NAME, LinkFile
from kdrt_desk.security.secret_store import SERVICE, SecretStore
from kdrt_desk.services.vault_access import create_vault, open_vault_with_recovery
from kdrt_desk.services.windows_accounts import (
    SharedFolderService,
    icacls_arguments,
    open_for_login,
    parse_windows_users,
    prepare_shared_folder,
    restrict_folder,
)
from kdrt_desk.vault_files import FolderChoice, VaultPaths, shared_data_dir
from kdrt_desk.wiring import Services, build_services

STAF, STAF_PASSWORD = "rina", "kata-sandi-staf-1"
ADMIN2, ADMIN2_PASSWORD = "dewi", "kata-sandi-admin-2"


def login(vault: VaultFixture, user: str = ADMIN, password: str = PASSWORD):  # noqa: ANN201
    return open_for_login(vault.data_dir, user, password, store=SecretStore(), kdf=FAST_KDF)


def share(vault: VaultFixture) -> None:
    """The vault made in the PC's shared folder: its mark, the admin's link entry, a staff."""
    mark_shared(vault, [STAF])
    services = build_services(login(vault))
    try:
        services.accounts.add_account(STAF, Role.STAF, STAF_PASSWORD)
    finally:
        services.close()


def other_account(keyring: MemoryKeyring) -> dict[tuple[str, str], str]:
    """Switch to another Windows account: its Credential Manager is empty. Returns this one's."""
    kept = dict(keyring.entries)
    keyring.entries.clear()
    return kept


def secret_of(keyring: MemoryKeyring, vault_id: str) -> str | None:
    return keyring.entries.get((SERVICE, vault_id))


def test_an_admin_login_links_another_windows_account(vault: VaultFixture, this_pc: MachineKeySeal,
                                                      _test_keyring: MemoryKeyring) -> None:
    share(vault)
    vault_id = json.loads(VaultPaths(vault.data_dir).keys.read_text())["vault_id"]
    first = other_account(_test_keyring)
    # the staff member on her own Windows account: not linked yet, her password is not enough
    with pytest.raises(VaultError) as refused:
        login(vault, STAF, STAF_PASSWORD)
    assert refused.value.key == "error.keyring_secret_missing_shared"
    assert "admin" in refused.value.message and "kode pemulihan" in refused.value.message
    assert _test_keyring.entries == {}
    # an admin logs in once on that account: linked, and told so
    opened = login(vault)
    assert "warning.account_linked" in opened.warnings
    services = build_services(opened)
    services.vault.finish_login()
    with services.vault.db.reading() as session:
        linked = session.scalars(select(AuditEntry.target).where(
            AuditEntry.action == "account_linked")).all()
    services.close()
    assert linked == [ADMIN]
    assert secret_of(_test_keyring, vault_id) == first[(SERVICE, vault_id)]
    # now the staff member logs in on her account with her own password
    staff = login(vault, STAF, STAF_PASSWORD)
    assert staff.actor.role == Role.STAF and staff.warnings == []
    staff.close()


def test_the_link_file_holds_no_secret_and_follows_a_password_change(
        vault: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring) -> None:
    share(vault)
    vault_id = json.loads((vault.data_dir / "kdrt.keys").read_text())["vault_id"]
    raw = (vault.data_dir / LINK_NAME).read_bytes()
    secret_b64 = secret_of(_test_keyring, vault_id)
    assert secret_b64 is not None and secret_b64.encode() not in raw
    import base64
    assert base64.b64decode(secret_b64) not in raw
    services = build_services(login(vault))
    services.accounts.change_own_password(PASSWORD, "kata-sandi-baru-9")
    services.close()
    other_account(_test_keyring)
    with pytest.raises(VaultError) as old:
        login(vault, ADMIN, PASSWORD)
    assert old.value.key == "error.wrong_login"
    assert _test_keyring.entries == {}
    linked = login(vault, ADMIN, "kata-sandi-baru-9")
    assert "warning.account_linked" in linked.warnings
    linked.close()


def test_an_own_folder_keeps_the_recovery_message_and_writes_no_link(
        vault: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring) -> None:
    login(vault).close()
    assert not (vault.data_dir / LINK_NAME).exists()
    other_account(_test_keyring)
    with pytest.raises(VaultError) as missing:
        login(vault)
    assert missing.value.key == "error.keyring_secret_missing"


def test_without_a_machine_seal_the_recovery_code_still_links(
        vault: VaultFixture, _test_keyring: MemoryKeyring) -> None:
    assert machine_seal.current() is None  # not Windows: no DPAPI
    mark_shared(vault, [])
    login(vault).close()
    assert not (vault.data_dir / LINK_NAME).exists()
    first = other_account(_test_keyring)
    with pytest.raises(VaultError) as missing:
        login(vault)
    assert missing.value.key == "error.keyring_secret_missing"  # it names the recovery code
    recovered = open_vault_with_recovery(vault.data_dir, vault.recovery_code, kdf=FAST_KDF)
    recovered.close()
    assert _test_keyring.entries == first
    login(vault).close()


def test_a_link_sealed_on_another_pc_says_so(vault: VaultFixture, this_pc: MachineKeySeal,
                                             _test_keyring: MemoryKeyring) -> None:
    share(vault)
    other_account(_test_keyring)
    previous = machine_seal.install(this_pc.other_pc())
    try:
        with pytest.raises(VaultError) as elsewhere:
            login(vault)
    finally:
        machine_seal.install(previous)
    assert elsewhere.value.key == "error.link_other_pc"
    assert "kode pemulihan" in elsewhere.value.message
    assert _test_keyring.entries == {}


def test_an_admin_login_on_the_first_account_rewrites_an_entry_from_another_pc(
        vault: VaultFixture, this_pc: MachineKeySeal, _test_keyring: MemoryKeyring) -> None:
    """The folder moved to a new PC (with its Credential Manager entry): her next login there
    seals her entry to the new PC, so the other accounts there can be linked."""
    share(vault)
    new_pc = this_pc.other_pc()
    previous = machine_seal.install(new_pc)
    try:
        login(vault).close()
        vault_id = json.loads((vault.data_dir / "kdrt.keys").read_text())["vault_id"]
        link = LinkFile.load(vault.data_dir / LINK_NAME, vault_id)
        slot_id = next(iter(link.entries))
        assert link.open(slot_id, PASSWORD, new_pc) is not None
    finally:
        machine_seal.install(previous)


def test_a_demoted_or_reset_admin_loses_her_entry(vault: VaultFixture, this_pc: MachineKeySeal,
                                                  _test_keyring: MemoryKeyring) -> None:
    share(vault)
    services = build_services(login(vault))
    services.accounts.add_account(ADMIN2, Role.ADMIN, ADMIN2_PASSWORD)
    services.close()
    login(vault, ADMIN2, ADMIN2_PASSWORD).close()
    vault_id = json.loads((vault.data_dir / "kdrt.keys").read_text())["vault_id"]
    assert len(LinkFile.load(vault.data_dir / LINK_NAME, vault_id).entries) == 2
    services = build_services(login(vault))
    services.accounts.change_role(ADMIN2, Role.STAF)
    services.close()
    login(vault).close()  # the next admin login tidies the file
    assert len(LinkFile.load(vault.data_dir / LINK_NAME, vault_id).entries) == 1


# -- the shared folder ----------------------------------------------------------------------------
def test_windows_user_names_are_checked() -> None:
    assert parse_windows_users(" rina, Siti Aminah ,\nRINA\n, ") == ["rina", "Siti Aminah"]
    for wrong in ("a/b", "kantor:1", "x" * 21, "titik.", 'kutip"'):
        with pytest.raises(ValidationError) as bad:
            parse_windows_users(f"rina, {wrong}")
        (problem,) = bad.value.errors
        assert problem.field == "windows_users" and "bukan nama akun Windows" in problem.message
    with pytest.raises(ValidationError):
        parse_windows_users(",".join(f"staf{n}" for n in range(31)))


def test_the_acl_opens_the_folder_to_the_named_users_only(tmp_path: Path) -> None:
    folder = tmp_path / "KDRT Desk"
    assert icacls_arguments(folder, "ani", ["rina", "ani"]) == [
        "icacls", str(folder), "/inheritance:r", "/grant:r", "ani:(OI)(CI)F",
        "/grant:r", "rina:(OI)(CI)M"]
    ran: list[list[str]] = []

    def icacls(arguments: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        ran.append(arguments)
        return subprocess.CompletedProcess(arguments, 1332, b"rina: No mapping between account "
                                           b"names and security IDs was done.\r\n", b"")

    folder.mkdir()
    with pytest.raises(VaultError) as failed:
        restrict_folder(folder, ["rina"], platform="win32", run=icacls, owner="ani")
    assert failed.value.key == "error.shared_folder_acl" and "No mapping" in failed.value.message
    assert ran == [icacls_arguments(folder, "ani", ["rina"])]


def test_the_shared_folder_is_new_and_private_here(tmp_path: Path) -> None:
    folder = tmp_path / "ProgramData" / "KDRT Desk"
    prepare_shared_folder(folder, ["rina", "siti"])
    assert folder.stat().st_mode & 0o777 == 0o700 and list(folder.iterdir()) == []
    # a folder that is already there may be someone else's (its owner keeps its access)
    with pytest.raises(VaultError) as there:
        prepare_shared_folder(folder, ["rina"])
    assert there.value.key == "error.shared_folder_exists" and str(folder) in there.value.message

    def refused(arguments: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        return subprocess.CompletedProcess(arguments, 5, b"Access is denied.\r\n", b"")

    other = tmp_path / "ProgramData" / "KDRT Desk 2"
    with pytest.raises(VaultError):
        prepare_shared_folder(other, ["rina"], platform="win32", run=refused)
    assert not other.exists()  # a refused ACL leaves no folder behind


def test_no_name_reaches_icacls_unchecked(tmp_path: Path) -> None:
    """Names come from the encrypted database, and each is checked again before icacls runs:
    no option, no group."""
    ran: list[list[str]] = []

    def icacls(arguments: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        ran.append(arguments)
        return subprocess.CompletedProcess(arguments, 0, b"", b"")

    for users, removed in ((["rina", "/grant:r"], []), (["rina"], ["rina:(OI)(CI)F"]),
                           (["Everyone"], []), (["Users"], [])):
        with pytest.raises(ValidationError):
            restrict_folder(tmp_path, users, platform="win32", run=icacls, owner="ani",
                            removed=removed)
    assert ran == []
    restrict_folder(tmp_path, ["Rina"], platform="win32", run=icacls, owner="ani",
                    removed=["rina", "siti"])
    assert ran[0][-2:] == ["/remove:g", "siti"]  # "rina" is "Rina": kept


def test_the_app_finds_the_shared_folder_when_its_own_has_no_vault(
        tmp_path: Path, this_pc: MachineKeySeal) -> None:
    own, shared = tmp_path / "own", tmp_path / "shared"
    assert FolderChoice(own, shared).data_dir() == own  # nothing anywhere: the wizard, here
    prepare_shared_folder(shared, ["rina"])
    create_vault(shared, centre_name="Pusat", centre_address="", admin_username=ADMIN,
                 admin_password=PASSWORD, kdf=FAST_KDF)
    assert FolderChoice(own, shared).data_dir() == shared
    assert not FolderChoice(own, shared).shared_closed()
    create_vault(own, centre_name="Pusat", centre_address="", admin_username=ADMIN,
                 admin_password=PASSWORD, kdf=FAST_KDF)
    assert FolderChoice(own, shared).data_dir() == own  # her own vault comes first
    assert shared_data_dir("linux") is None
    assert str(shared_data_dir("win32")).endswith("KDRT Desk")


def test_an_account_not_named_starts_its_own_wizard(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses a folder whose ACL does not name her (the tests run as root here, so
    the refusal is the one OS answer stood in for): her own folder, and the wizard says so."""
    import os

    own, shared = tmp_path / "own", tmp_path / "shared"
    prepare_shared_folder(shared, [])
    real_stat = os.stat

    def refused(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(shared) + os.sep):
            raise PermissionError(13, "Access is denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", refused)
    assert FolderChoice(own, shared).data_dir() == own
    assert FolderChoice(own, shared).shared_closed()
    monkeypatch.undo()
    assert not FolderChoice(own, shared).shared_closed()
    assert not FolderChoice(own, None).shared_closed()


def test_an_admin_changes_who_may_open_the_shared_folder(
        vault: VaultFixture, this_pc: MachineKeySeal) -> None:
    share(vault)
    ran: list[list[str]] = []

    def icacls(arguments: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        ran.append(arguments)
        return subprocess.CompletedProcess(arguments, 0, b"", b"")

    services = build_services(login(vault))
    try:
        service = SharedFolderService(services.vault.db, services.vault.actor, vault.data_dir,
                                      platform="win32", run=icacls)
        assert service.users() == [STAF]
        assert service.change_users("siti, Wulan") == ["siti", "Wulan"]
        assert ran[0][-2:] == ["/remove:g", STAF]
        assert "siti:(OI)(CI)M" in ran[0] and "Wulan:(OI)(CI)M" in ran[0]
        assert service.users() == ["siti", "Wulan"]
        with pytest.raises(ValidationError):
            service.change_users("siti, a*b")
        assert service.users() == ["siti", "Wulan"] and len(ran) == 1
        with services.vault.db.reading() as session:
            details = session.scalars(select(AuditEntry.details).where(
                AuditEntry.action == "shared_users_changed")).all()
        assert len(details) == 1 and "siti, Wulan" in details[0] and STAF in details[0]
    finally:
        services.close()
    staff = build_services(login(vault, STAF, STAF_PASSWORD))
    try:
        with pytest.raises(PermissionDeniedError):
            staff.shared_folder.change_users("rina")
        assert staff.shared_folder.users() == ["siti", "Wulan"]
    finally:
        staff.close()


def test_an_own_folder_has_no_shared_users_to_change(admin: Services) -> None:
    assert admin.shared_folder.users() is None
    with pytest.raises(VaultError) as refused:
        admin.shared_folder.change_users("rina")
    assert refused.value.key == "error.not_shared_folder"
