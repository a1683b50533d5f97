"""Staff accounts: add, list, reset or change a password, deactivate; each re-wraps a key slot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import UserError, ValidationError, VaultError
from kdrt_desk.models import StaffAccount
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import SYSTEM
from kdrt_desk.services.vault_access import OpenVault, validate_new_password, validate_username


@dataclass(frozen=True)
class AccountInfo:
    username: str
    display_name: str
    role: Role
    active: bool
    must_change_password: bool
    last_login_at: datetime | None


class AccountService:
    def __init__(self, vault: OpenVault) -> None:
        self.vault = vault
        self.db = vault.db
        self.actor = vault.actor

    def list_accounts(self) -> list[AccountInfo]:
        self.actor.require(Permission.MANAGE_USERS)
        with self.db.reading() as session:
            rows = session.scalars(select(StaffAccount).order_by(StaffAccount.username))
            return [AccountInfo(r.username, r.display_name, Role(r.role), r.active,
                                r.must_change_password,
                                r.last_login_at.replace(tzinfo=UTC) if r.last_login_at else None)
                    for r in rows]

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
        if len(display_name.strip()) > 120:
            problems.append(UserError("error.too_long", field="display_name", limit=120))
        if problems:
            raise ValidationError(problems)
        with self.db.transaction() as session:
            if session.scalar(select(StaffAccount.id).where(StaffAccount.username == name)):
                raise ValidationError([UserError("error.username_taken", field="username")])
            session.add(StaffAccount(username=name, display_name=display_name.strip(),
                                     role=Role(role).value, created_at=datetime.now(UTC)))
            audit_log.append(session, self.actor.username, "account_created", name,
                             {"role": Role(role).value})
            session.flush()
            self.vault.keys.set_password(self.vault.master, name, password)

    def reset_password(self, username: str, new_password: str) -> None:
        """An admin sets a new password for another account; she must change it at next login."""
        self.actor.require(Permission.MANAGE_USERS)
        name = username.strip().lower()
        validate_new_password(new_password, name)
        with self.db.transaction() as session:
            account = self._account(session, name)
            # a reset by another admin forces a change; one chosen via the recovery code does not
            account.must_change_password = self.actor.username not in (name, SYSTEM.username)
            account.active = True
            audit_log.append(session, self.actor.username, "password_reset", name)
            session.flush()
            self.vault.keys.set_password(self.vault.master, name, new_password)

    def change_own_password(self, old_password: str, new_password: str) -> None:
        name = self.actor.username
        if not self.vault.keys.check_password(name, old_password):
            raise ValidationError([UserError("error.old_password_wrong", field="old_password")])
        validate_new_password(new_password, name, "new_password")
        with self.db.transaction() as session:
            account = self._account(session, name)
            account.must_change_password = False
            audit_log.append(session, name, "password_changed", name)
            session.flush()
            self.vault.keys.set_password(self.vault.master, name, new_password)

    def set_active(self, username: str, active: bool) -> None:
        """Deactivating removes the account's key slot; reactivating needs a password reset."""
        self.actor.require(Permission.MANAGE_USERS)
        name = username.strip().lower()
        if active and not self.vault.keys.has_account(name):
            raise UserError("error.reactivate_needs_password")
        if name == self.actor.username and not active:
            raise UserError("error.cannot_deactivate_self")
        with self.db.transaction() as session:
            account = self._account(session, name)
            if not active and account.role == Role.ADMIN.value:
                admins = session.scalars(select(StaffAccount).where(
                    StaffAccount.role == Role.ADMIN.value, StaffAccount.active.is_(True))).all()
                if len(admins) <= 1:
                    raise UserError("error.last_admin")
            account.active = active
            audit_log.append(session, self.actor.username,
                             "account_activated" if active else "account_deactivated", name)
            session.flush()
            if not active:
                self.vault.keys.remove_account(name)

    def unlock(self, password: str) -> bool:
        """Check the logged-in user's password on the lock screen (lock-out rules apply)."""
        ok = self.vault.keys.check_password(self.actor.username, password)
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
