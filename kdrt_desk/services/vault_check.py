"""Checking a vault's files without changing them, and putting back the previous key file.

The key file is checked slot by slot before any login (checksums need no password), and a
damaged slot is named: by the account it belongs to when the checking admin's own slot is intact
(her password opens the database read-only to find the names), else as the recovery slot or by
its pseudonymous id. Nothing here writes the key file or counts towards a lock-out.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from kdrt_desk.db.engine import encrypted_engine, verify_open
from kdrt_desk.errors import UserError, VaultError
from kdrt_desk.models import StaffAccount
from kdrt_desk.security.crypto import KdfParams
from kdrt_desk.security.key_custody import certificate_problem
from kdrt_desk.security.keyfile import (
    RECOVERY_SLOT_ID,
    KeyFile,
    KeyFileDamagedError,
    account_slot_id,
    previous_path,
)
from kdrt_desk.security.manifest import manifest_holds, mark_unvouched
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.vault_keys import VaultKeys, previous_copy_intact
from kdrt_desk.vault_files import VaultPaths

DAMAGED_SUFFIX = ".damaged-"


@dataclass
class KeyFileReport:
    slots: int = 0
    damaged: list[str] = field(default_factory=list)  # readable names of the damaged parts
    previous_intact: bool = False

    @property
    def intact(self) -> bool:
        return not self.damaged


def check_key_file(paths: VaultPaths, store: SecretStore, kdf: KdfParams,
                   username: str | None = None, password: str | None = None) -> KeyFileReport:
    """Every slot's checksum and the file's; damaged slots named as well as can be."""
    previous = previous_copy_intact(paths.keys)
    try:
        keyfile = mark_unvouched(KeyFile.load(paths.keys))
    except KeyFileDamagedError:
        return KeyFileReport(0, ["file"], previous)
    report = KeyFileReport(len(keyfile.slots) + len(keyfile.damaged), [], previous)
    if not keyfile.damaged:
        return report
    names = _account_names(paths, keyfile, store, kdf, username, password)
    for part in keyfile.damaged:
        if part == RECOVERY_SLOT_ID:
            report.damaged.append("recovery")
        else:
            report.damaged.append(names.get(part, part))
    return report


def signature_problems(keyfile: KeyFile, usernames: list[str]) -> list[str]:
    """The parts of an intact key file whose signatures do not hold (edited outside the app):
    "file" for the key manifest, "recovery", or an account's username (else its slot id)."""
    if keyfile.version < 2:
        return []
    names = {account_slot_id(keyfile.vault_id, n): n for n in usernames}
    problems = [] if manifest_holds(keyfile) else ["file"]
    for slot_id in sorted(keyfile.slots):
        if certificate_problem(keyfile, slot_id) is not None:
            problems.append("recovery" if slot_id == RECOVERY_SLOT_ID
                            else names.get(slot_id, slot_id))
    return problems


def _account_names(paths: VaultPaths, keyfile: KeyFile, store: SecretStore, kdf: KdfParams,
                   username: str | None, password: str | None) -> dict[str, str]:
    """slot id -> username, read with the checker's own (intact) slot; {} when it cannot."""
    if username is None or password is None:
        return {}
    holder = VaultKeys(paths.keys, store, kdf).peek(username, password)
    if holder is None:
        return {}
    engine = encrypted_engine(paths.database, holder.master)
    try:
        verify_open(engine, paths.database)
        with engine.connect() as conn:
            users = list(conn.execute(select(StaffAccount.username)).scalars())
    except VaultError:
        return {}
    finally:
        engine.dispose()
    return {account_slot_id(keyfile.vault_id, name): name for name in users}


def restore_previous_key_file(paths: VaultPaths) -> Path:
    """Put ``kdrt.keys.prev`` back as the key file; the damaged one is kept beside it, renamed
    (``kdrt.keys.damaged-<time>``), so nothing is lost. Returns where the damaged one went."""
    prev = previous_path(paths.keys)
    try:
        previous = mark_unvouched(KeyFile.load(prev))
    except VaultError as exc:
        raise UserError("error.previous_keyfile_unusable") from exc
    if previous.damaged:
        raise UserError("error.previous_keyfile_unusable")
    try:
        current: KeyFile | None = mark_unvouched(KeyFile.load(paths.keys))
    except VaultError:
        current = None  # unreadable as a whole: the previous copy is the way back
    if current is not None and not current.damaged:
        raise UserError("error.keyfile_not_damaged")  # an intact file is never rolled back
    if current is not None and current.vault_id != previous.vault_id:
        raise UserError("error.previous_keyfile_unusable")  # a copy from another vault
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    kept = paths.keys.with_name(paths.keys.name + DAMAGED_SUFFIX + stamp)
    try:
        if paths.keys.exists():
            shutil.copy2(paths.keys, kept)
        shutil.copy2(prev, paths.keys.with_name(paths.keys.name + ".restoring"))
        paths.keys.with_name(paths.keys.name + ".restoring").replace(paths.keys)
    except OSError as exc:
        from kdrt_desk.errors import os_error_key

        raise VaultError(os_error_key(exc)) from exc
    return kept
