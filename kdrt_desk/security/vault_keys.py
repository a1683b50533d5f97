"""Unlocking the master key: account slots, the recovery slot, lock-out after five wrong tries."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.exceptions import InvalidTag

from kdrt_desk.errors import VaultError
from kdrt_desk.security.crypto import (
    DEFAULT_KDF,
    KdfParams,
    key_encryption_key,
    random_key,
    random_salt,
    stretch,
    unwrap,
    wrap,
)
from kdrt_desk.security.keyfile import RECOVERY_SLOT_ID, KeyFile, KeySlot, account_slot_id
from kdrt_desk.security.recovery_code import generate_recovery_code, normalise_recovery_code
from kdrt_desk.security.secret_store import SecretStore

MAX_TRIES = 5
LOCKOUT = timedelta(minutes=5)
INSTALLATION_SECRET_BYTES = 32


def utc_now() -> datetime:
    return datetime.now(UTC)


class VaultKeys:
    """The key file of one vault and, once unlocked, the master key and installation secret."""

    def __init__(self, path: Path, store: SecretStore, kdf: KdfParams = DEFAULT_KDF,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        self.store = store
        self.kdf = kdf
        self.clock = clock
        self.keyfile = KeyFile.load(path) if path.exists() else None
        self._secret: bytes | None = None

    # -- creation ---------------------------------------------------------------------------
    def create(self, username: str, password: str) -> tuple[bytes, str]:
        """A new key file with one account slot and the recovery slot; returns (master, code)."""
        if self.path.exists():
            raise VaultError("error.vault_exists")
        vault_id = uuid.uuid4().hex
        uses_keyring = self.store.available()
        secret = random_key() if uses_keyring else None
        if secret is not None:
            self.store.put(vault_id, secret)
        self.keyfile = KeyFile(vault_id=vault_id, uses_keyring=uses_keyring)
        self._secret = secret
        master = random_key()
        code = generate_recovery_code()
        self._write_recovery_slot(master, code)
        self._write_account_slot(master, username, password)
        self.keyfile.save(self.path)
        return master, code

    @property
    def vault_id(self) -> str:
        return self._file().vault_id

    @property
    def uses_keyring(self) -> bool:
        return self._file().uses_keyring

    def _file(self) -> KeyFile:
        if self.keyfile is None:
            raise VaultError("error.keyfile_missing")
        return self.keyfile

    # -- unlocking ----------------------------------------------------------------------------
    def installation_secret(self) -> bytes | None:
        keyfile = self._file()
        if not keyfile.uses_keyring:
            return None
        if self._secret is None:
            self._secret = self.store.get(keyfile.vault_id)
        if self._secret is None:
            raise VaultError("error.keyring_secret_missing")
        return self._secret

    def unlock(self, username: str, password: str) -> bytes:
        keyfile = self._file()
        slot_id = account_slot_id(keyfile.vault_id, username)
        slot = keyfile.slots.get(slot_id)
        now = self.clock()
        if slot is not None and slot.locked_until is not None:
            until = datetime.fromisoformat(slot.locked_until)
            if until > now:
                minutes = max(1, int((until - now).total_seconds() + 59) // 60)
                raise VaultError("error.account_locked", minutes=minutes)
        secret = self.installation_secret()
        if slot is None:
            stretch(password, random_salt(), self.kdf)  # same cost: no hint that the name is wrong
            self._record("login_failed", "unknown", now)
            keyfile.save(self.path)
            raise VaultError("error.wrong_login")
        kek = key_encryption_key(stretch(password, slot.salt, slot.kdf), secret, slot.salt)
        try:
            master = unwrap(kek, slot.nonce, slot.wrapped_key, keyfile.aad(slot_id))
        except InvalidTag:
            slot.failures += 1
            self._record("login_failed", slot_id, now)
            if slot.failures >= MAX_TRIES:
                slot.failures = 0
                slot.locked_until = (now + LOCKOUT).isoformat()
                self._record("account_locked", slot_id, now)
            keyfile.save(self.path)
            raise VaultError("error.wrong_login") from None
        if slot.failures or slot.locked_until:
            slot.failures = 0
            slot.locked_until = None
            keyfile.save(self.path)
        return master

    def check_password(self, username: str, password: str) -> bool:
        """For the lock screen: the same checks and lock-out as a login."""
        try:
            self.unlock(username, password)
        except VaultError as exc:
            if exc.key == "error.wrong_login":
                return False
            raise
        return True

    def unlock_with_recovery(self, raw_code: str) -> bytes:
        """The master key from the recovery code; puts the installation secret back."""
        keyfile = self._file()
        code = normalise_recovery_code(raw_code)
        if code is None:
            raise VaultError("error.recovery_code_format")
        slot = keyfile.slots[RECOVERY_SLOT_ID]
        kek = key_encryption_key(stretch(code, slot.salt, slot.kdf), None, slot.salt)
        try:
            master = unwrap(kek, slot.nonce, slot.wrapped_key, keyfile.aad(RECOVERY_SLOT_ID))
            secret = None
            if slot.secret_nonce is not None and slot.wrapped_secret is not None:
                secret = unwrap(kek, slot.secret_nonce, slot.wrapped_secret,
                                keyfile.aad(RECOVERY_SLOT_ID, "secret"))
        except InvalidTag:
            self._record("recovery_failed", RECOVERY_SLOT_ID, self.clock())
            keyfile.save(self.path)
            raise VaultError("error.recovery_code_wrong") from None
        if secret is not None:
            self._secret = secret
            if self.store.get(keyfile.vault_id) != secret:
                if not self.store.available():
                    raise VaultError("error.keyring_unavailable_for_restore")
                self.store.put(keyfile.vault_id, secret)
        return master

    # -- changing slots (needs the master key) -------------------------------------------------
    def set_password(self, master: bytes, username: str, password: str) -> None:
        """Add or replace the slot of ``username`` (new account, password change or reset)."""
        self._write_account_slot(master, username, password)
        self._file().save(self.path)

    def remove_account(self, username: str) -> None:
        keyfile = self._file()
        keyfile.slots.pop(account_slot_id(keyfile.vault_id, username), None)
        keyfile.save(self.path)

    def has_account(self, username: str) -> bool:
        keyfile = self._file()
        return account_slot_id(keyfile.vault_id, username) in keyfile.slots

    def set_recovery_code(self, master: bytes, code: str) -> None:
        """Replace the recovery slot: from now on only ``code`` recovers the vault."""
        canonical = normalise_recovery_code(code)
        if canonical is None:
            raise VaultError("error.recovery_code_format")
        self._write_recovery_slot(master, canonical)
        self._file().save(self.path)

    def pending_events(self) -> list[dict[str, str]]:
        """Login failures recorded while the database was closed, oldest first."""
        return list(self._file().pending_events)

    def forget_pending_events(self, count: int) -> None:
        """Drop the first ``count`` events once the audit log has committed them."""
        if count:
            del self._file().pending_events[:count]
            self._file().save(self.path)

    def _record(self, event: str, slot_id: str, at: datetime) -> None:
        self._file().pending_events.append({"at": at.isoformat(), "event": event, "slot": slot_id})

    def _write_account_slot(self, master: bytes, username: str, password: str) -> None:
        keyfile = self._file()
        slot_id = account_slot_id(keyfile.vault_id, username)
        salt = random_salt()
        kek = key_encryption_key(stretch(password, salt, self.kdf), self.installation_secret(),
                                 salt)
        nonce, wrapped = wrap(kek, master, keyfile.aad(slot_id))
        keyfile.slots[slot_id] = KeySlot(slot_id, salt, self.kdf, nonce, wrapped)

    def _write_recovery_slot(self, master: bytes, code: str) -> None:
        keyfile = self._file()
        salt = random_salt()
        kek = key_encryption_key(stretch(code, salt, self.kdf), None, salt)
        nonce, wrapped = wrap(kek, master, keyfile.aad(RECOVERY_SLOT_ID))
        slot = KeySlot(RECOVERY_SLOT_ID, salt, self.kdf, nonce, wrapped)
        secret = self.installation_secret()
        if secret is not None:
            slot.secret_nonce, slot.wrapped_secret = wrap(
                kek, secret, keyfile.aad(RECOVERY_SLOT_ID, "secret"))
        keyfile.slots[RECOVERY_SLOT_ID] = slot
