"""Create a vault, open it with a password, or open it with the recovery code.

The opened vault holds the instance lock, the master key and the database; ``close`` releases all.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import inspect, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import UserError, ValidationError, VaultError
from kdrt_desk.models import Setting, StaffAccount
from kdrt_desk.security.crypto import DEFAULT_KDF, KdfParams
from kdrt_desk.security.instance_lock import InstanceLock
from kdrt_desk.security.keyfile import RECOVERY_SLOT_ID, account_slot_id
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.vault_keys import VaultKeys
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import SYSTEM, Actor
from kdrt_desk.vault_files import DB_NAME, KEYS_NAME, VaultPaths

__all__ = ["DB_NAME", "KEYS_NAME", "OpenVault", "VaultPaths", "create_vault", "open_vault",
           "open_vault_with_recovery", "validate_new_password", "validate_username",
           "discard_new_vault"]

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{2,29}$")
MIN_PASSWORD = 10


@dataclass
class OpenVault:
    paths: VaultPaths
    keys: VaultKeys
    master: bytes
    db: Database
    lock: InstanceLock
    actor: Actor
    warnings: list[str] = field(default_factory=list)

    @property
    def password_only(self) -> bool:
        return not self.keys.uses_keyring

    def close(self) -> None:
        self.db.dispose()
        self.lock.release()


def validate_username(username: str, field_name: str = "username") -> str:
    name = username.strip().lower()
    if not USERNAME_RE.match(name):
        raise ValidationError([UserError("error.username_format", field=field_name)])
    return name


def validate_new_password(password: str, username: str, field_name: str = "password") -> None:
    problems: list[UserError] = []
    if len(password) < MIN_PASSWORD:
        problems.append(UserError("error.password_short", field=field_name, minimum=MIN_PASSWORD))
    elif password.strip().lower() == username.strip().lower():
        problems.append(UserError("error.password_is_username", field=field_name))
    if problems:
        raise ValidationError(problems)


def create_vault(data_dir: Path, *, centre_name: str, centre_address: str, admin_username: str,
                 admin_password: str, admin_display_name: str = "",
                 store: SecretStore | None = None, kdf: KdfParams = DEFAULT_KDF) -> str:
    """Create key file, encrypted database and first admin; return the recovery code."""
    problems: list[UserError] = []
    if not centre_name.strip():
        problems.append(UserError("error.required", field="centre_name"))
    try:
        username = validate_username(admin_username)
        validate_new_password(admin_password, username)
    except ValidationError as exc:
        problems.extend(exc.errors)
        username = admin_username
    if problems:
        raise ValidationError(problems)
    paths = VaultPaths(data_dir)
    if paths.exists():
        raise VaultError("error.vault_exists")
    try:
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise VaultError("error.folder_read_only") from exc
    lock = InstanceLock(data_dir)
    lock.acquire()
    created: list[Path] = []
    try:
        keys = VaultKeys(paths.keys, store or SecretStore(), kdf)
        master, code = keys.create(username, admin_password)
        created.append(paths.keys)
        engine = encrypted_engine(paths.database, master)
        created.append(paths.database)
        verify_open(engine, paths.database)
        paths.database.chmod(0o600)
        migrate.upgrade(engine)
        db = Database(engine)
        now = datetime.now(UTC)
        with db.transaction() as session:
            session.add_all([
                Setting(key="vault_id", value=keys.vault_id),
                Setting(key="centre_name", value=centre_name.strip()),
                Setting(key="centre_address", value=centre_address.strip()),
                Setting(key="created_at", value=now.isoformat()),
            ])
            session.add(StaffAccount(username=username, display_name=admin_display_name.strip(),
                                     role=Role.ADMIN.value, created_at=now))
            audit_log.append(session, SYSTEM.username, "vault_created",
                             details={"keyring": keys.uses_keyring})
            audit_log.append(session, SYSTEM.username, "account_created", username,
                             {"role": Role.ADMIN.value})
        db.dispose()
        return code
    except BaseException:
        _remove_files(created)
        raise
    finally:
        lock.release()


def _remove_files(paths: list[Path]) -> None:
    for path in paths:
        for extra in (path, path.with_name(path.name + "-wal"),
                      path.with_name(path.name + "-shm")):
            with contextlib.suppress(OSError):
                extra.unlink()


def discard_new_vault(paths: VaultPaths) -> None:
    """Remove a vault created moments ago whose recovery sheet could not be written."""
    _remove_files([paths.database, paths.keys])


def _open_database(paths: VaultPaths, keys: VaultKeys, master: bytes) -> Database:
    if not paths.database.exists():
        raise VaultError("error.database_missing")
    engine = encrypted_engine(paths.database, master)
    verify_open(engine, paths.database)
    try:
        with engine.connect() as conn:
            has_settings = inspect(conn).has_table("setting")
            stored = conn.execute(select(Setting.value).where(
                Setting.key == "vault_id")).scalar() if has_settings else None
        if stored is not None and stored != keys.vault_id:
            raise VaultError("error.keyfile_foreign")
        if not migrate.is_current(engine):
            backup = paths.database.with_name(paths.database.name + ".before-upgrade")
            with contextlib.suppress(OSError):
                shutil.copy2(paths.database, backup)
            migrate.upgrade(engine)
    except (OperationalError, SADatabaseError) as exc:
        engine.dispose()
        raise VaultError("error.database_damaged") from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)


def _load_keys(paths: VaultPaths, store: SecretStore | None, kdf: KdfParams) -> VaultKeys:
    if not paths.keys.exists():
        raise VaultError("error.vault_missing" if not paths.database.exists()
                         else "error.keyfile_missing")
    return VaultKeys(paths.keys, store or SecretStore(), kdf)


def open_vault(data_dir: Path, username: str, password: str, *, store: SecretStore | None = None,
               kdf: KdfParams = DEFAULT_KDF) -> OpenVault:
    """Unlock with a staff password; login failures are audited once the vault opens."""
    paths = VaultPaths(data_dir)
    lock = InstanceLock(data_dir)
    lock.acquire()
    try:
        keys = _load_keys(paths, store, kdf)
        master = keys.unlock(username, password)
        db = _open_database(paths, keys, master)
        name = username.strip().lower()
        with db.transaction() as session:
            account = session.scalar(select(StaffAccount).where(StaffAccount.username == name))
            flushed = _flush_pending(session, keys)
            actor = None
            if account is None or not account.active:
                audit_log.append(session, SYSTEM.username, "login_refused", name,
                                 {"reason": "inactive" if account else "no_account"})
            else:
                account.last_login_at = datetime.now(UTC)
                audit_log.append(session, name, "login")
                actor = Actor(account.id, account.username, Role(account.role),
                              account.display_name)
        keys.forget_pending_events(flushed)
        if actor is None:
            db.dispose()
            raise VaultError("error.account_inactive")
        warnings = [] if keys.uses_keyring else ["warning.password_only"]
        return OpenVault(paths, keys, master, db, lock, actor, warnings)
    except BaseException:
        lock.release()
        raise


def open_vault_with_recovery(data_dir: Path, code: str, *, store: SecretStore | None = None,
                             kdf: KdfParams = DEFAULT_KDF) -> OpenVault:
    """Unlock with the recovery code (lost admin password, new PC); acts as the system."""
    paths = VaultPaths(data_dir)
    lock = InstanceLock(data_dir)
    lock.acquire()
    try:
        keys = _load_keys(paths, store, kdf)
        master = keys.unlock_with_recovery(code)
        db = _open_database(paths, keys, master)
        with db.transaction() as session:
            flushed = _flush_pending(session, keys)
            audit_log.append(session, SYSTEM.username, "recovery_code_used")
        keys.forget_pending_events(flushed)
        return OpenVault(paths, keys, master, db, lock, SYSTEM)
    except BaseException:
        lock.release()
        raise


def _flush_pending(session: Session, keys: VaultKeys) -> int:
    """Copy login failures from the key file into the audit log; returns how many."""
    events = keys.pending_events()
    if not events:
        return 0
    by_slot = {account_slot_id(keys.vault_id, name): name
               for name in session.scalars(select(StaffAccount.username))}
    by_slot[RECOVERY_SLOT_ID] = "recovery"
    for event in events:
        audit_log.append(session, SYSTEM.username, event["event"],
                         by_slot.get(event["slot"], "?"),
                         {"when": event["at"]})
    return len(events)
