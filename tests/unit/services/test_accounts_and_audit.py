"""Staff accounts re-wrap key slots; the audit log is chained, append-only and verifiable."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError, IntegrityError
from support.constants import PASSWORD
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import PermissionDeniedError, UserError, ValidationError, VaultError
from kdrt_desk.services.settings import CentreSettings
from kdrt_desk.wiring import Services

NEW = "sandi-staf-baru-1"


def test_an_admin_adds_an_account_that_can_log_in(vault: VaultFixture, admin: Services) -> None:
    admin.accounts.add_account("Rina.Staf", Role.STAF, NEW, "Rina")
    names = {(a.username, a.role) for a in admin.accounts.list_accounts()}
    assert ("rina.staf", Role.STAF) in names
    admin.close()
    rina = vault.services("rina.staf", NEW)
    assert rina.vault.actor.role == Role.STAF
    with pytest.raises(PermissionDeniedError):
        rina.accounts.add_account("lain", Role.ADMIN, NEW)
    rina.close()


@pytest.mark.parametrize(("username", "role", "password", "field"), [
    ("x", Role.STAF, NEW, "username"),
    ("rina staf", Role.STAF, NEW, "username"),
    ("rina", "boss", NEW, "role"),
    ("rina", Role.STAF, "pendek", "password"),
    ("rinarinarina", Role.STAF, "rinarinarina", "password"),
])
def test_invalid_accounts_are_refused_with_field_messages(
        admin: Services, username: str, role: str, password: str, field: str) -> None:
    with pytest.raises(ValidationError) as exc:
        admin.accounts.add_account(username, role, password)
    assert field in exc.value.by_field()
    assert [a.username for a in admin.accounts.list_accounts()] == ["admin"]


def test_taken_username_is_refused(admin: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        admin.accounts.add_account("ADMIN", Role.STAF, NEW)
    assert exc.value.errors[0].key == "error.username_taken"


def test_reset_password_forces_a_change_and_old_password_stops_working(
        vault: VaultFixture, admin: Services) -> None:
    admin.accounts.add_account("sari", Role.KONSELOR, NEW)
    admin.accounts.reset_password("sari", "sandi-dari-admin")
    admin.close()
    with pytest.raises(VaultError):
        vault.open("sari", NEW)
    sari = vault.services("sari", "sandi-dari-admin")
    assert sari.accounts.must_change_password()
    with pytest.raises(ValidationError):
        sari.accounts.change_own_password("salah", "sandi-pilihan-sari")
    sari.accounts.change_own_password("sandi-dari-admin", "sandi-pilihan-sari")
    assert not sari.accounts.must_change_password()
    sari.close()
    vault.open("sari", "sandi-pilihan-sari").close()


def test_deactivated_accounts_cannot_log_in_and_the_last_admin_stays(
        vault: VaultFixture, admin: Services) -> None:
    admin.accounts.add_account("dina", Role.FASILITATOR, NEW)
    admin.accounts.set_active("dina", False)
    with pytest.raises(UserError) as self_exc:
        admin.accounts.set_active("admin", False)
    assert self_exc.value.key == "error.cannot_deactivate_self"
    admin.close()
    with pytest.raises(VaultError):
        vault.open("dina", NEW)


def test_lock_screen_unlock_checks_the_password_and_audits(admin: Services) -> None:
    admin.accounts.record_session_event("locked")
    assert not admin.accounts.unlock("salah")
    assert admin.accounts.unlock(PASSWORD)
    actions = [e.action for e in admin.audit.entries()]
    assert actions[:3] == ["unlocked", "unlock_failed", "locked"]


def test_failed_logins_reach_the_audit_log_at_the_next_login(vault: VaultFixture) -> None:
    for _ in range(2):
        with pytest.raises(VaultError):
            vault.open("admin", "salah")
    services = vault.services()
    failures = services.audit.entries(action="login_failed")
    assert [(e.actor, e.target) for e in failures] == [("system", "admin")] * 2
    services.close()


def test_audit_chain_verifies_and_detects_tampering(admin: Services) -> None:
    admin.settings.update(CentreSettings("Pusat Baru", "Jl. Baru", 10, "F11", "id"))
    check = admin.audit.verify()
    assert check.ok and check.entries >= 4
    with admin.vault.db.engine.begin() as conn, pytest.raises((IntegrityError, DatabaseError)):
        conn.execute(text("UPDATE audit_entry SET actor = 'x' WHERE id = 2"))
    with admin.vault.db.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER audit_entry_append_only_update"))
        conn.execute(text("UPDATE audit_entry SET actor = 'x' WHERE id = 2"))
    check = admin.audit.verify()
    assert not check.ok and check.first_broken_id == 2


def test_audit_filters(admin: Services) -> None:
    admin.accounts.add_account("rina", Role.STAF, NEW)
    assert [e.target for e in admin.audit.entries(action="account_created")] == ["rina", "admin"]
    assert {e.action for e in admin.audit.entries(text="rina")} == {"account_created"}
    assert "login" in admin.audit.actions()


def test_settings_validate_and_persist(admin: Services) -> None:
    with pytest.raises(ValidationError) as exc:
        admin.settings.update(CentreSettings("", "", 0, "Z", "fr"))
    assert set(exc.value.by_field()) == {"centre_name", "idle_minutes", "panic_key", "language"}
    admin.settings.update(CentreSettings("Pusat Baru", "Jl. Baru", 10, "F11", "en"))
    assert admin.settings.current() == CentreSettings("Pusat Baru", "Jl. Baru", 10, "F11", "en")


def test_a_failed_account_change_leaves_neither_file_half_written(
        vault: VaultFixture, admin: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key file cannot be written (disk full): the account is not in the database, not in
    the key file on disk, and not in the one in memory that the next change saves."""
    from kdrt_desk.security.keyfile import KeyFile

    keys_path = vault.data_dir / "kdrt.keys"
    before = keys_path.read_bytes()

    def full(self: KeyFile, path: object) -> None:
        raise VaultError("error.disk_full")

    with monkeypatch.context() as patch:
        patch.setattr(KeyFile, "save", full)
        with pytest.raises(VaultError):
            admin.accounts.add_account("rina", Role.STAF, "kata-sandi-rina-2026")
    assert keys_path.read_bytes() == before
    assert not admin.vault.keys.has_account("rina")
    assert "rina" not in {a.username for a in admin.accounts.list_accounts()}

    # a commit that fails after the key file was written: the file is put back
    from sqlalchemy.orm import Session

    def refuse(self: Session) -> None:
        raise VaultError("error.disk_full")

    with monkeypatch.context() as patch:
        patch.setattr(Session, "commit", refuse)
        with pytest.raises(VaultError):
            admin.accounts.add_account("rina", Role.STAF, "kata-sandi-rina-2026")
    assert not admin.vault.keys.has_account("rina")
    assert not KeyFile.load(keys_path).slots.keys() - KeyFile.from_bytes(before).slots.keys()
    admin.accounts.add_account("dewi", Role.STAF, "kata-sandi-dewi-2026")
    saved = KeyFile.load(keys_path)
    names = {a.username for a in admin.accounts.list_accounts()}
    assert "dewi" in names and "rina" not in names
    assert admin.vault.keys.slot_id("rina") not in saved.slots
