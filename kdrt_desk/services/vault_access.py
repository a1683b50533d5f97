"""Create a vault, open it with a password, or open it with the recovery code.

Opening checks, in this order: the key file (damaged slots are named, never a wrong password),
the database file (missing or empty is an error with an offer to restore, never a new empty
vault), the password (lock-out), the account's role as an admin signed it (a role edited in the
database, or a swapped public key, is refused and audited), and the file's structure before the
first write. An admin's login hands waiting accounts the keys of their role.

The opened vault holds the instance lock, the unlocked keys and the database; ``close`` releases
all.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.db.errors import sqlite_error_key, storage_errors
from kdrt_desk.db.session import AuditSigner, Database
from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.text import reject_control_characters
from kdrt_desk.errors import UserError, ValidationError, VaultError
from kdrt_desk.models import Setting, StaffAccount
from kdrt_desk.security.crypto import DEFAULT_KDF, KdfParams, fingerprint, verify_signature
from kdrt_desk.security.field_crypto import FieldKeys
from kdrt_desk.security.instance_lock import InstanceLock, make_private
from kdrt_desk.security.key_custody import KeyCustody, certified_role
from kdrt_desk.security.keyfile import (
    RECOVERY_SLOT_ID,
    AuditMark,
    account_slot_id,
    entry_signature_payload,
    mark_payload,
    record_signature_payload,
)
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.tiers import KeyName, Tier
from kdrt_desk.security.vault_keys import Unlocked, VaultKeys
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import SYSTEM, Actor
from kdrt_desk.vault_files import DB_NAME, KEYS_NAME, VaultPaths

__all__ = ["DB_NAME", "KEYS_NAME", "OpenVault", "VaultPaths", "create_vault", "open_vault",
           "open_vault_with_recovery", "validate_new_password", "validate_username",
           "discard_new_vault"]

log = logging.getLogger(__name__)
USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{2,29}$")
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
CENTRE_LIMIT = 160
ADDRESS_LIMIT = 300


@dataclass
class OpenVault:
    paths: VaultPaths
    keys: VaultKeys
    holder: Unlocked
    db: Database
    lock: InstanceLock
    actor: Actor
    warnings: list[str] = field(default_factory=list)
    upgrade_required: bool = False  # a version 1 vault opened by an admin: upgrade it first
    login_recorded: bool = True

    def finish_login(self) -> None:
        """Record the login (see ``open_vault(..., defer_login=True)``); once."""
        if not self.login_recorded:
            _record_login(self)
            self.login_recorded = True

    @property
    def master(self) -> bytes:
        return self.holder.master

    @property
    def password_only(self) -> bool:
        return not self.keys.uses_keyring

    def custody(self) -> KeyCustody:
        return KeyCustody(self.keys, self.holder)


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
    elif len(password) > MAX_PASSWORD:
        problems.append(UserError("error.too_long", field=field_name, limit=MAX_PASSWORD))
    elif password.strip().lower() == username.strip().lower():
        problems.append(UserError("error.password_is_username", field=field_name))
    if problems:
        raise ValidationError(problems)


def tier_keys(holder: Unlocked) -> dict[Tier, dict[int, bytes]]:
    """The field keys of a login, by tier and generation."""
    return {Tier(name.value): dict(gens) for name, gens in holder.keys.items()
            if name in (KeyName.RESTRICTED, KeyName.CONTACT)}


def field_keys_of(holder: Unlocked) -> FieldKeys:
    return FieldKeys(tier_keys(holder))


def audit_signer(keys: VaultKeys, holder: Unlocked, engine: Engine) -> AuditSigner | None:
    """Signs this login's audit transactions and keeps its head mark in the key file. A mark
    whose entry is gone or changed by the time it is replaced (the newest entries deleted, and
    the id given again to the next one), or whose signature is not this signer's (one written
    into the file), is kept as evidence for ``audit verify``."""
    pair = holder.pair
    if pair is None:
        return None
    signer = fingerprint(pair.sign_public)
    vault_id = keys.vault_id

    def sign(entry_id: int, digest: str) -> bytes:
        return pair.sign(entry_signature_payload(vault_id, entry_id, digest))

    mine: list[AuditMark] = []  # the mark this login wrote last (checked once, at the start)
    deferred: list[bool] = [False]

    def signed(entry_id: int, digest: str) -> None:
        keyfile = keys.file()
        old = keyfile.marks.get(signer)
        if old is not None and not (mine and old is mine[-1]) and (
                _hash_at(engine, old.entry_id) != old.entry_hash
                or not verify_signature(pair.sign_public, old.signature, mark_payload(
                    vault_id, signer, old.entry_id, old.entry_hash))):
            keyfile.lost_marks.append((signer, old))
        mark = AuditMark(entry_id, digest, pair.sign(
            mark_payload(vault_id, signer, entry_id, digest)))
        keyfile.marks[signer] = mark
        mine[:] = [mark]
        if not deferred[0]:
            keys.save()

    def defer(on: bool) -> None:
        deferred[0] = on
        if not on and mine and keys.file().marks.get(signer) is mine[-1]:
            keys.save()

    def sign_record(kind: str, digest: str) -> bytes:
        return pair.sign(record_signature_payload(vault_id, kind, digest))

    return AuditSigner(signer, sign, signed, defer, sign_record)


def _hash_at(engine: Engine, entry_id: int) -> str | None:
    from kdrt_desk.models import AuditEntry

    with engine.connect() as conn:
        return conn.execute(select(AuditEntry.hash).where(AuditEntry.id == entry_id)).scalar()


# -- creating ------------------------------------------------------------------------------------
def create_vault(data_dir: Path, *, centre_name: str, centre_address: str, admin_username: str,
                 admin_password: str, admin_display_name: str = "",
                 store: SecretStore | None = None, kdf: KdfParams = DEFAULT_KDF,
                 shared_users: Sequence[str] | None = None) -> str:
    """Create key file, encrypted database and first admin; return the recovery code.
    ``shared_users``: the vault is in the PC's shared folder, open to these Windows accounts."""
    problems: list[UserError] = []
    for name, value, limit in (("centre_name", centre_name, CENTRE_LIMIT),
                               ("centre_address", centre_address, ADDRESS_LIMIT),
                               ("display_name", admin_display_name, 120)):
        problems.extend(reject_control_characters(name, value, multiline=False))
        if len(value.strip()) > limit:
            problems.append(UserError("error.too_long", field=name, limit=limit))
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
        make_private(data_dir, folder=True)
    except OSError as exc:
        raise VaultError("error.folder_read_only") from exc
    lock = InstanceLock(data_dir)
    lock.acquire()
    created: list[Path] = []
    try:
        keys = VaultKeys(paths.keys, store or SecretStore(), kdf)
        code = keys.new_recovery_code()
        custody = KeyCustody.found(keys, username, admin_password, code)
        created.append(paths.keys)
        keys.save()
        holder = custody.holder
        engine = encrypted_engine(paths.database, holder.master)
        created.append(paths.database)
        verify_open(engine, paths.database)
        make_private(paths.database)
        migrate.upgrade(engine)
        db = Database(engine, field_keys_of(holder), audit_signer(keys, holder, engine))
        now = datetime.now(UTC)
        with db.transaction() as session:
            session.add_all([
                Setting(key="vault_id", value=keys.vault_id),
                Setting(key="centre_name", value=centre_name.strip()),
                Setting(key="centre_address", value=centre_address.strip()),
                Setting(key="created_at", value=now.isoformat()),
            ])
            if shared_users is not None:
                from kdrt_desk.services.windows_accounts import shared_setting

                session.add(shared_setting(shared_users))
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
                      path.with_name(path.name + "-shm"),
                      path.with_name(path.name + ".prev")):
            with contextlib.suppress(OSError):
                extra.unlink()


def discard_new_vault(paths: VaultPaths) -> None:
    """Remove a vault created moments ago whose recovery sheet could not be written."""
    _remove_files([paths.database, paths.keys])


# -- opening -----------------------------------------------------------------------------------
def _make_files_private(paths: VaultPaths) -> None:
    """The data folder and every file in it readable by this user only (where the OS has
    such modes); a file that cannot be changed is left as it is."""
    with contextlib.suppress(OSError):
        make_private(paths.data_dir, folder=True)
        for entry in paths.data_dir.iterdir():
            with contextlib.suppress(OSError):
                make_private(entry, folder=entry.is_dir())


def _load_keys(paths: VaultPaths, store: SecretStore | None, kdf: KdfParams) -> VaultKeys:
    if not paths.keys.exists():
        raise VaultError("error.vault_missing" if not paths.database.exists()
                         else "error.keyfile_missing")
    keys = VaultKeys(paths.keys, store or SecretStore(), kdf)
    _require_database_file(paths)
    return keys


def _require_database_file(paths: VaultPaths) -> None:
    """A key file without its database, or an empty database, is never made into a new vault;
    a WAL whose replay would drop committed changes is not opened (nor written over)."""
    try:
        size = paths.database.stat().st_size
    except FileNotFoundError:
        raise VaultError("error.database_missing") from None
    except OSError as exc:
        raise VaultError("error.file_unreadable") from exc
    if size == 0:
        raise VaultError("error.database_empty")
    from kdrt_desk.db.engine import wal_path
    from kdrt_desk.db.wal_frames import committed_frames_lost

    try:  # before SQLite replays it: it would drop the lost commits silently, then write over
        lost = committed_frames_lost(wal_path(paths.database))
    except OSError as exc:
        raise VaultError("error.file_unreadable") from exc
    if lost:
        raise VaultError("error.wal_damaged")


def _engine_for(paths: VaultPaths, holder: Unlocked) -> Database:
    """The database under the newest master key that opens it (an unfinished rotation leaves
    two); a vault id that differs from the key file's is another vault's file."""
    last: VaultError | None = None
    for master in holder.masters_newest_first():
        engine = encrypted_engine(paths.database, master)
        try:
            verify_open(engine, paths.database)
        except VaultError as exc:
            last = exc
            continue
        return Database(engine)
    if holder.legacy and len(holder.masters_newest_first()) == 1 and last is not None \
            and last.key == "error.database_damaged":
        raise VaultError("error.account_keys_outdated")
    raise last or VaultError("error.database_damaged")


def _check_vault_id(db: Database, keys: VaultKeys) -> None:
    try:
        with db.engine.connect() as conn:
            has_settings = inspect(conn).has_table("setting")
            stored = conn.execute(select(Setting.value).where(
                Setting.key == "vault_id")).scalar() if has_settings else None
    except DBAPIError as exc:
        db.dispose()  # a locked or unreadable file is said so; anything else is damage
        raise VaultError(sqlite_error_key(exc, db.folder) or "error.database_damaged") from exc
    if stored is not None and stored != keys.vault_id:
        db.dispose()
        raise VaultError("error.keyfile_foreign")


def open_vault(data_dir: Path, username: str, password: str, *, store: SecretStore | None = None,
               kdf: KdfParams = DEFAULT_KDF, defer_login: bool = False) -> OpenVault:
    """Unlock with a staff password; login failures are audited once the vault opens.

    The login itself is the session's first write, which the file's structural check precedes
    (every page read: about 0.5 s at 50,000 participants). With ``defer_login`` the caller
    records it (``OpenVault.finish_login``) as the first job of the vault worker, so the login
    dialog closes at once; nothing is written before it either way."""
    paths = VaultPaths(data_dir)
    lock = InstanceLock(data_dir)
    lock.acquire()
    try:
        keys = _load_keys(paths, store, kdf)
        _make_files_private(paths)
        holder = keys.unlock(username, password)
        with storage_errors(paths.data_dir):  # a damaged page read while opening: "damaged"
            vault = _open(paths, keys, holder, lock, username.strip().lower())
        if not defer_login:
            vault.finish_login()
        return vault
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
        holder = keys.unlock_with_recovery(code)
        with storage_errors(paths.data_dir):
            vault = _open(paths, keys, holder, lock, None)
        vault.finish_login()
        return vault
    except BaseException:
        lock.release()
        raise


def _open(paths: VaultPaths, keys: VaultKeys, holder: Unlocked, lock: InstanceLock,
          name: str | None) -> OpenVault:
    from kdrt_desk.services.key_rotation import resume_rotation
    from kdrt_desk.services.vault_upgrade import finish_pending_upgrade

    db = _engine_for(paths, holder)
    _check_vault_id(db, keys)
    keyfile = keys.file()
    try:
        if keyfile.version < 2:
            return _open_version_1(paths, keys, holder, db, lock, name)
        role = _role_of(keys, holder, db, name)
        if keyfile.upgrade_pending:
            if role is not None and role != Role.ADMIN:
                raise VaultError("error.upgrade_needs_admin")
            finish_pending_upgrade(paths, keys, holder, db)
        if holder.legacy:
            KeyCustody(keys, holder).convert_legacy()
            keys.save()
        db = db.with_keys(field_keys_of(holder), audit_signer(keys, holder, db.engine))
        if not migrate.is_current(db.engine):
            migrate.upgrade(db.engine, db.keys)
        actor = _actor(db, keys, holder, name, role)
        if keyfile.rotation is not None and holder.holds(KeyName.SIGNING):
            db = resume_rotation(paths, keys, holder, db)
        warnings = [] if keys.uses_keyring else ["warning.password_only"]
        if actor.awaiting_keys:
            warnings.append("warning.keys_pending")
        return OpenVault(paths, keys, holder, db, lock, actor, warnings, login_recorded=False)
    except BaseException:
        db.dispose()
        raise


def reopen_after_upgrade(vault: OpenVault) -> OpenVault:
    """The vault an upgrade (or a rotation) just finished, opened again for the same login."""
    name = None if vault.actor is SYSTEM else vault.actor.username
    reopened = _open(vault.paths, vault.keys, vault.holder, vault.lock, name)
    reopened.finish_login()
    with reopened.db.transaction() as session:
        audit_log.append(session, reopened.actor.username, "vault_upgraded")
    return reopened


def _role_of(keys: VaultKeys, holder: Unlocked, db: Database, name: str | None) -> Role | None:
    """Her role as an admin signed it; an unsigned or badly signed one is refused (audited)."""
    try:
        return certified_role(keys.file(), holder.slot_id)
    except VaultError as exc:
        if name is not None and not keys.file().upgrade_pending:
            refused = db.with_keys(FieldKeys.none(), audit_signer(keys, holder, db.engine))
            with refused.transaction() as session:
                audit_log.append(session, SYSTEM.username, "login_refused", name,
                                 {"reason": exc.key.removeprefix("error.")})
        raise


def _actor(db: Database, keys: VaultKeys, holder: Unlocked, name: str | None,
           role: Role | None) -> Actor:
    """The login's actor, after the account is checked against its certificate (read only);
    a refusal is audited at once. ``_record_login`` writes the login itself."""
    if name is None:  # the recovery code: the system, holding every key
        return SYSTEM
    with db.reading() as session:
        account = session.scalar(select(StaffAccount).where(StaffAccount.username == name))
        if account is None or not account.active:
            refusal, reason = "error.account_inactive", "inactive" if account else "no_account"
        elif role is None or account.role != role.value:
            # the database says otherwise than the signature: edited outside the app
            refusal, reason = "error.role_mismatch", "role_mismatch"
        else:
            return Actor(account.id, account.username, role, account.display_name,
                         frozenset(n for n in KeyName if holder.holds(n)))
    with db.transaction() as session:
        flushed = _flush_pending(session, keys)
        audit_log.append(session, SYSTEM.username, "login_refused", name, {"reason": reason})
    keys.forget_pending_events(flushed)
    raise VaultError(refusal)


def _record_login(vault: OpenVault) -> None:
    """The first write of the session (so after the file's structural check): the login, the
    events the key file kept while the vault was closed, and keys handed to waiting accounts."""
    keys, holder, actor = vault.keys, vault.holder, vault.actor
    with vault.db.transaction() as session:
        flushed = _flush_pending(session, keys)
        _hand_over(session, keys, holder)
        if actor is SYSTEM:
            audit_log.append(session, SYSTEM.username, "recovery_code_used")
        else:
            account = session.scalar(select(StaffAccount).where(
                StaffAccount.username == actor.username))
            if account is not None:
                account.last_login_at = datetime.now(UTC)
            audit_log.append(session, actor.username, "login")
    keys.forget_pending_events(flushed)


def _hand_over(session: Session, keys: VaultKeys, holder: Unlocked) -> None:
    """Keys of their role for accounts waiting for them (only what this login holds)."""
    keyfile = keys.file()
    if keyfile.version < 2 or not any(holder.holds(n) for n in KeyName if n != KeyName.MASTER):
        return
    given, refused = KeyCustody(keys, holder).hand_over()
    if not given and not refused:
        return
    names = {account_slot_id(keyfile.vault_id, n): n
             for n in session.scalars(select(StaffAccount.username))}
    names[RECOVERY_SLOT_ID] = "recovery"
    for slot_id, received in given:
        audit_log.append(session, SYSTEM.username, "keys_handed_over",
                         names.get(slot_id, "?"), {"keys": sorted(k.value for k in received)})
    for slot_id in refused:  # a role or public key changed outside the app: it gets nothing
        audit_log.append(session, SYSTEM.username, "keys_refused", names.get(slot_id, "?"),
                         {"reason": "role_signature_invalid"})
    if given:
        keys.save()


def _flush_pending(session: Session, keys: VaultKeys) -> int:
    """Copy login events from the key file into the audit log; returns how many."""
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


def _open_version_1(paths: VaultPaths, keys: VaultKeys, holder: Unlocked, db: Database,
                    lock: InstanceLock, name: str | None) -> OpenVault:
    """A vault made before sealed fields: only an admin (or the recovery code) may open it,
    and only to upgrade it; nothing is written to it until then."""
    with db.engine.connect() as conn:
        row = (conn.execute(select(StaffAccount.id, StaffAccount.role, StaffAccount.display_name,
                                   StaffAccount.active)
                            .where(StaffAccount.username == name)).first()
               if name is not None else None)
    if name is None:
        actor = SYSTEM
    elif row is None or not row.active or row.role != Role.ADMIN.value:
        raise VaultError("error.upgrade_needs_admin")
    else:
        actor = Actor(row.id, name, Role.ADMIN, row.display_name, frozenset({KeyName.MASTER}))
    return OpenVault(paths, keys, holder, db, lock, actor, upgrade_required=True)
