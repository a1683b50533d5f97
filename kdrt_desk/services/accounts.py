"""Staff accounts: add, list, reset or change a password, change a role, deactivate.

Each change writes the account's key slot: a new account gets its own key pair, its role signed
with the vault's signing key and the keys of that role sealed to it; a role change or a reset is
signed again the same way, so nobody needs to know anyone else's password. Deactivating or
demoting someone returns the keys she held, which ``rotate_keys`` can replace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError, VaultError
from kdrt_desk.models import StaffAccount
from kdrt_desk.security.key_custody import (
    awaiting_certification,
    certificate_problem,
    missing_keys,
)
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import SYSTEM
from kdrt_desk.services.key_rotation import keys_to_rotate, rotate_keys
from kdrt_desk.services.vault_access import OpenVault, validate_new_password, validate_username
from kdrt_desk.services.windows_accounts import keep_link

DISPLAY_NAME_LIMIT = 120


class KeyStatus(StrEnum):
    COMPLETE = "complete"
    AWAITING_KEYS = "awaiting_keys"  # its field keys come when a holder is logged in
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # upgraded: its owner confirms at an admin's
    AWAITING_LOGIN = "awaiting_login"  # upgraded from version 1: no key pair yet
    REFUSED = "refused"  # role or public key not signed by an admin: receives nothing
    NONE = "none"  # no key slot (deactivated)


@dataclass(frozen=True)
class AccountInfo:
    username: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool
    last_login_at: datetime | None
    key_status: KeyStatus = KeyStatus.COMPLETE


class AccountService:
    def __init__(self, vault: OpenVault) -> None:
        self.vault = vault
        self.db = vault.db
        self.actor = vault.actor

    @property
    def keys(self):  # type: ignore[no-untyped-def]
        return self.vault.keys

    def list_accounts(self) -> list[AccountInfo]:
        self.actor.require(Permission.MANAGE_USERS)
        with self.db.reading() as session:
            rows = session.scalars(select(StaffAccount).order_by(StaffAccount.username))
            return [AccountInfo(r.username, r.display_name, self._signed_role(r.username, r),
                                r.active,
                                r.must_change_password,
                                r.last_login_at.replace(tzinfo=UTC) if r.last_login_at else None,
                                self._key_status(r.username))
                    for r in rows]

    def _key_status(self, username: str) -> KeyStatus:
        keyfile = self.keys.file()
        slot_id = self.keys.slot_id(username)
        slot = keyfile.slots.get(slot_id)
        if slot is None:
            return KeyStatus.NONE
        if slot.legacy:
            return KeyStatus.AWAITING_LOGIN
        if certificate_problem(keyfile, slot_id) is not None:
            return KeyStatus.REFUSED
        if awaiting_certification(keyfile, slot_id):
            return KeyStatus.AWAITING_CONFIRMATION
        if missing_keys(keyfile, slot_id):
            return KeyStatus.AWAITING_KEYS
        return KeyStatus.COMPLETE

    def add_account(self, username: str, role: Role | str, password: str,
                    display_name: str = "") -> None:
        self.actor.require(Permission.MANAGE_USERS)
        problems: list[UserError] = []
        try:
            name = validate_username(username)
        except ValidationError as exc:
            problems.extend(exc.errors)
            name = username
        try:
            role = Role(role)
        except ValueError:
            problems.append(UserError("error.role_unknown", field="role"))
        try:
            validate_new_password(password, name)
        except ValidationError as exc:
            problems.extend(exc.errors)
        problems.extend(self._display_name_problems(display_name))
        if problems:
            raise ValidationError(problems)
        with self.keys.changing(), self.db.transaction() as session:
            if session.scalar(select(StaffAccount.id).where(StaffAccount.username == name)):
                raise ValidationError([UserError("error.username_taken", field="username")])
            session.add(StaffAccount(username=name, display_name=display_name.strip(),
                                     role=Role(role).value, created_at=datetime.now(UTC)))
            audit_log.append(session, self.actor.username, "account_created", name,
                             {"role": Role(role).value})
            session.flush()
            self.vault.custody().add_account(name, Role(role), password)
            self.keys.save()

    @staticmethod
    def _display_name_problems(display_name: str) -> list[UserError]:
        problems = reject_control_characters("display_name", display_name)
        if len(display_name.strip()) > DISPLAY_NAME_LIMIT:
            problems.append(UserError("error.too_long", field="display_name",
                                      limit=DISPLAY_NAME_LIMIT))
        return problems

    def reset_password(self, username: str, new_password: str) -> None:
        """An admin sets a new password for another account; she must change it at next login.

        The account gets a new key pair (its old seed is out of reach without the old
        password) with the keys of its role sealed to it again."""
        self.actor.require(Permission.MANAGE_USERS)
        name = username.strip().lower()
        validate_new_password(new_password, name)
        with self.keys.changing(), self.db.transaction() as session:
            account = self._account(session, name)
            # a reset by another admin forces a change; one chosen via the recovery code does not
            account.must_change_password = self.actor.username not in (name, SYSTEM.username)
            account.active = True
            audit_log.append(session, self.actor.username, "password_reset", name)
            session.flush()
            self.vault.custody().reset_password(name, self._signed_role(name, account),
                                                new_password)
            self.keys.save()

    def confirm_keys(self, username: str, password: str) -> list[KeyName]:
        """Hand an account upgraded from version 1 the keys of its role, once its owner typed
        her password here (in an admin's session): that proves the key pair in its slot is hers.
        The lock-out rules apply to the password. Audited."""
        self.actor.require(Permission.MANAGE_USERS)
        name = username.strip().lower()
        if name == self.actor.username:
            raise UserError("error.keys_own_account")
        with self.db.reading() as session:
            self._account(session, name)
        owner = self.keys.unlock(name, password)  # a wrong one counts towards her lock-out
        with self.keys.changing(), self.db.transaction() as session:
            given = self.vault.custody().confirm_key_pair(owner)
            audit_log.append(session, self.actor.username, "keys_handed_over", name,
                             {"keys": sorted(k.value for k in given),
                              "confirmed_with_password": True})
            session.flush()
            self.keys.save()
        return given

    def change_own_password(self, old_password: str, new_password: str) -> None:
        name = self.actor.username
        if not self.keys.check_password(name, old_password):
            raise ValidationError([UserError("error.old_password_wrong", field="old_password")])
        validate_new_password(new_password, name, "new_password")
        with self.keys.changing(), self.db.transaction() as session:
            account = self._account(session, name)
            account.must_change_password = False
            audit_log.append(session, name, "password_changed", name)
            session.flush()
            self.vault.custody().change_own_password(name, new_password)
            self.keys.save()
        keep_link(self.vault, new_password)  # the PC's shared folder: her entry, new password

    def change_role(self, username: str, role: Role | str) -> frozenset[KeyName]:
        """Give an account another role: signed again, keys of the new role handed over, those
        of the old one taken back. Returns the keys it held and no longer does (the caller
        offers to rotate them with ``rotate_after``)."""
        self.actor.require(Permission.MANAGE_USERS)
        try:
            new_role = Role(role)
        except ValueError:
            raise ValidationError([UserError("error.role_unknown", field="role")]) from None
        name = username.strip().lower()
        with self.keys.changing(), self.db.transaction() as session:
            account = self._account(session, name)
            old_role = self._signed_role(name, account)
            if old_role == new_role:
                return frozenset()
            if name == self.actor.username:
                raise UserError("error.cannot_change_own_role")
            if old_role == Role.ADMIN:
                self._keep_an_admin(session, name)
            if not self.keys.has_account(name):
                raise UserError("error.reactivate_needs_password")
            account.role = new_role.value
            audit_log.append(session, self.actor.username, "role_changed", name,
                             {"from": old_role.value, "to": new_role.value})
            session.flush()
            lost = self.vault.custody().change_role(name, new_role)
            self.keys.save()
        return lost

    def set_active(self, username: str, active: bool) -> frozenset[KeyName]:
        """Deactivating removes the account's key slot (returns the keys it held, to rotate);
        reactivating needs a password reset."""
        self.actor.require(Permission.MANAGE_USERS)
        name = username.strip().lower()
        if active and not self.keys.has_account(name):
            raise UserError("error.reactivate_needs_password")
        if name == self.actor.username and not active:
            raise UserError("error.cannot_deactivate_self")
        with self.keys.changing(), self.db.transaction() as session:
            account = self._account(session, name)
            signed = self._signed_role(name, account)
            if not active and signed == Role.ADMIN:
                self._keep_an_admin(session, name)
            account.active = active
            audit_log.append(session, self.actor.username,
                             "account_activated" if active else "account_deactivated", name)
            session.flush()
            if active:
                return frozenset()
            self.vault.custody().remove_account(name)
            self.keys.save()
            return keys_to_rotate(signed)

    def rotate_after(self, username: str, names: frozenset[KeyName],
                     progress: Callable[[int], bool] | None = None) -> None:
        """Replace the keys ``username`` held (after she left or lost a role)."""
        self.actor.require(Permission.MANAGE_USERS)
        if names:
            rotate_keys(self.vault, frozenset(names) | {KeyName.MASTER}, username.strip().lower(),
                        progress)

    def _signed_role(self, name: str, account: StaffAccount) -> Role:
        """The role an admin last signed for her (a deactivated account's from its retired
        certificate); a role edited into the database is not the one re-signed."""
        keyfile = self.keys.file()
        slot_id = self.keys.slot_id(name)
        current = keyfile.certificates.get(slot_id)
        if current is not None and certificate_problem(keyfile, slot_id) is None:
            return Role(current.role)
        retired = [c for c in keyfile.retired if c.slot_id == slot_id]
        if retired:
            return Role(max(retired, key=lambda c: c.serial).role)
        return Role(account.role)

    def _certified_admin(self, name: str) -> bool:
        keyfile = self.keys.file()
        slot_id = self.keys.slot_id(name)
        cert = keyfile.certificates.get(slot_id)
        return (cert is not None and cert.role == Role.ADMIN.value
                and certificate_problem(keyfile, slot_id) is None)

    def _keep_an_admin(self, session: Session, leaving: str) -> None:
        """Another active admin (by the role signed for her, not the database's) remains."""
        others = [a for a in session.scalars(select(StaffAccount).where(
            StaffAccount.active.is_(True), StaffAccount.username != leaving))
            if self._certified_admin(a.username)]
        if not others:
            raise UserError("error.last_admin")

    def unlock(self, password: str) -> bool:
        """Check the logged-in user's password on the lock screen (lock-out rules apply)."""
        ok = self.keys.check_password(self.actor.username, password)
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, "unlocked" if ok else "unlock_failed")
        return ok

    def record_session_event(self, action: str) -> None:
        """Audit a lock or log-out of the current user."""
        if action not in ("locked", "logout"):
            raise ValueError(action)
        with self.db.transaction() as session:
            audit_log.append(session, self.actor.username, action)

    def must_change_password(self) -> bool:
        with self.db.reading() as session:
            account = self._account(session, self.actor.username)
            return account.must_change_password

    @staticmethod
    def _account(session: Session, name: str) -> StaffAccount:
        account = session.scalar(select(StaffAccount).where(StaffAccount.username == name))
        if account is None:
            raise VaultError("error.account_unknown", name=name)
        return account
