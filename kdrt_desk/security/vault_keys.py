"""Unlocking a key slot: password or recovery code, lock-out after five wrong tries, the guard.

A slot's password key (Argon2id + HKDF with the installation secret) opens the slot's key-pair
seed; the master key and the field keys are sealed to the slot's public key, so an admin can hand
keys to an account without its password. A version 1 slot (before sealed fields) holds only the
master key under the password key (``Unlocked.legacy``).

Lock-out counters and login events live in the key file's guard, under a MAC made with the
installation secret: without that secret they cannot be edited away (a password-only vault has
no such secret, and says so). A lock-out guards the app's login, not the files.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.exceptions import InvalidTag

from kdrt_desk.errors import VaultError
from kdrt_desk.security.atomic_file import write_atomically
from kdrt_desk.security.crypto import (
    DEFAULT_KDF,
    KdfParams,
    SlotKeyPair,
    derive,
    key_encryption_key,
    mac,
    random_key,
    random_salt,
    stretch,
    unwrap,
    wrap,
)
from kdrt_desk.security.keyfile import (
    RECOVERY_SLOT_ID,
    Certificate,
    KeyFile,
    KeyFileDamagedError,
    KeySlot,
    LockState,
    account_slot_id,
    canonical,
    previous_path,
)
from kdrt_desk.security.manifest import known_key, manifest_holds, mark_unvouched
from kdrt_desk.security.recovery_code import generate_recovery_code, normalise_recovery_code
from kdrt_desk.security.secret_store import SecretStore, store_name
from kdrt_desk.security.tiers import KeyName

MAX_TRIES = 5
LOCKOUT = timedelta(minutes=5)
INSTALLATION_SECRET_BYTES = 32


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Unlocked:
    """What one slot opened: its key pair, and every generation of every key sealed to it."""

    slot_id: str
    pair: SlotKeyPair | None  # None: a version 1 slot, not converted yet
    keys: dict[KeyName, dict[int, bytes]] = field(default_factory=dict)
    kek: bytes | None = None  # the password key, kept only while a legacy slot is converted

    @property
    def legacy(self) -> bool:
        return self.pair is None

    @property
    def master(self) -> bytes:
        return self.newest(KeyName.MASTER)

    def holds(self, name: KeyName) -> bool:
        return bool(self.keys.get(name))

    def newest(self, name: KeyName) -> bytes:
        gens = self.keys.get(name)
        if not gens:
            raise VaultError("error.keys_pending")
        return gens[max(gens)]

    def masters_newest_first(self) -> list[bytes]:
        gens = self.keys.get(KeyName.MASTER, {})
        return [gens[g] for g in sorted(gens, reverse=True)]


def previous_copy_intact(path: Path, vault_id: str | None = None) -> bool:
    """Whether the previous copy of the key file at ``path`` exists, passes its checksums and
    its manifest, and (given ``vault_id``) belongs to the same vault."""
    prev = previous_path(path)
    if not prev.exists():
        return False
    try:
        candidate = mark_unvouched(KeyFile.load(prev))
    except VaultError:
        return False
    return not candidate.damaged and (vault_id is None or candidate.vault_id == vault_id)


def part_label(part: str) -> str:
    """A damaged or unsigned part of the key file as messages name it: "file", the recovery
    slot, an account by its username, or (a slot id) another account."""
    from kdrt_desk.i18n import t

    if part == "file":
        return t("cli.part_file")
    if part in (RECOVERY_SLOT_ID, "recovery"):
        return t("cli.part_recovery")
    if part.startswith("u-") and len(part) == 34:
        return t("cli.part_other_account")
    return t("cli.part_account", name=part)


class VaultKeys:
    """The key file of one vault and the unlocking of its slots."""

    def __init__(self, path: Path, store: SecretStore, kdf: KdfParams = DEFAULT_KDF,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        self.store = store
        self.kdf = kdf
        self.clock = clock
        self.keyfile: KeyFile | None = None
        self._secret: bytes | None = None
        if path.exists():
            try:
                self.keyfile = mark_unvouched(KeyFile.load(path))
            except KeyFileDamagedError as exc:
                raise KeyFileDamagedError(exc.damaged, "", self.previous_intact()) from exc

    # -- the file --------------------------------------------------------------------------
    def file(self) -> KeyFile:
        if self.keyfile is None:
            raise VaultError("error.keyfile_missing")
        return self.keyfile

    @property
    def vault_id(self) -> str:
        return self.file().vault_id

    @property
    def uses_keyring(self) -> bool:
        return self.file().uses_keyring

    @property
    def version(self) -> int:
        return self.file().version

    def save(self) -> None:
        keyfile = self.file()
        if keyfile.uses_keyring:
            self._seal_guard()
        keyfile.save(self.path)

    @contextlib.contextmanager
    def changing(self) -> Iterator[None]:
        """Key-file changes that belong to a database transaction (wrap both): if anything
        fails before both are written (the commit included), the key file, in memory and on
        disk, is as it was, so no later save writes half of a change."""
        keyfile = self.file()
        before = keyfile._saved if keyfile._saved is not None else keyfile.to_bytes()
        try:
            yield
        except BaseException:
            current = self.file()
            if current._saved is not None and current._saved != before:
                try:
                    write_atomically(self.path, before)
                except OSError:
                    logging.getLogger(__name__).error(
                        "the key file could not be put back after a failed change")
            self.keyfile = KeyFile.from_bytes(before)
            raise

    def previous_intact(self) -> bool:
        """Whether ``kdrt.keys.prev`` exists and passes its checks (offered on damage)."""
        return previous_copy_intact(self.path, None if self.keyfile is None
                                    else self.keyfile.vault_id)

    def refuse_if_damaged(self, username: str | None = None) -> None:
        keyfile = self.file()
        if keyfile.damaged:
            raise KeyFileDamagedError(keyfile.damaged, self._parts(username),
                                      self.previous_intact())

    def _parts(self, username: str | None) -> str:
        """The damaged parts as a message names them: her own slot by her name."""
        own = self.slot_id(username) if username else ""
        return ", ".join(dict.fromkeys(
            part_label((username or "").strip().lower() if part == own else part)
            for part in self.file().damaged))

    # -- creation ---------------------------------------------------------------------------
    def create(self) -> KeyFile:
        """A new, empty version 2 key file (the caller adds the slots and saves)."""
        if self.path.exists():
            raise VaultError("error.vault_exists")
        vault_id = uuid.uuid4().hex
        uses_keyring = self.store.available()
        secret = random_key() if uses_keyring else None
        if secret is not None:
            self.store.put(vault_id, secret)
        self.keyfile = KeyFile(vault_id=vault_id, uses_keyring=uses_keyring)
        self._secret = secret
        return self.keyfile

    # -- the installation secret and the guard ----------------------------------------------
    def installation_secret(self) -> bytes | None:
        keyfile = self.file()
        if not keyfile.uses_keyring:
            return None
        if self._secret is None:
            self._secret = self.store.get(keyfile.vault_id)
        if self._secret is None:
            raise VaultError("error.keyring_secret_missing", store=store_name())
        return self._secret

    def _guard_mac(self) -> str:
        secret = self.installation_secret()
        assert secret is not None
        keyfile = self.file()
        return mac(derive(secret, "login guard"),
                   keyfile.vault_id.encode() + b"\n" + canonical(keyfile.guard.content()))

    def _seal_guard(self) -> None:
        self.file().guard.mac = self._guard_mac()

    def _check_guard(self) -> None:
        """An edited guard (a lock-out or a failed login wiped from the file) locks every
        account for the lock-out time and is recorded; a version 1 file had no MAC yet."""
        keyfile = self.file()
        if not keyfile.uses_keyring or keyfile.version < 2 or keyfile.damaged:
            return
        if keyfile.guard.mac == self._guard_mac():
            return
        now = self.clock()
        until = (now + LOCKOUT).isoformat()
        for slot_id in keyfile.slots:
            keyfile.guard.lockout[slot_id] = LockState(0, until)
        self._record("guard_tampered", "file", now)
        self.save()

    def pending_events(self) -> list[dict[str, str]]:
        """Login events recorded while the database was closed, oldest first."""
        return list(self.file().guard.events)

    def forget_pending_events(self, count: int) -> None:
        """Drop the first ``count`` events once the audit log has committed them."""
        if count:
            del self.file().guard.events[:count]
            self.save()

    def note_event(self, event: str, slot_id: str) -> None:
        """An event for the audit log, kept in the guard until the next login records it."""
        self._record(event, slot_id, self.clock())
        self.save()

    def _record(self, event: str, slot_id: str, at: datetime) -> None:
        self.file().guard.events.append({"at": at.isoformat(), "event": event, "slot": slot_id})

    # -- unlocking ----------------------------------------------------------------------------
    def unlock(self, username: str, password: str) -> Unlocked:
        keyfile = self.file()
        self.refuse_if_damaged(username)  # never a "wrong password", never counted
        slot_id = account_slot_id(keyfile.vault_id, username)
        secret = self.installation_secret()
        self._check_guard()
        now = self.clock()
        state = keyfile.guard.lockout.get(slot_id)
        if state is not None and state.locked_until is not None:
            until = datetime.fromisoformat(state.locked_until)
            if until - now > LOCKOUT:  # the clock was set back: no lock-out lasts longer
                until = now + LOCKOUT
                state.locked_until = until.isoformat()
            if until > now:
                self._record("login_during_lockout", slot_id, now)
                self.save()
                minutes = max(1, int((until - now).total_seconds() + 59) // 60)
                raise VaultError("error.account_locked", minutes=minutes)
        slot = keyfile.slots.get(slot_id)
        if slot is None:
            stretch(password, random_salt(), self.kdf)  # same cost: no hint that the name is wrong
            self._record("login_failed", "unknown", now)
            self.save()
            raise VaultError("error.wrong_login")
        kek = key_encryption_key(stretch(password, slot.salt, slot.kdf), secret, slot.salt)
        try:
            unlocked = self._open_slot(slot, kek)
        except VaultError as exc:  # the right password, but keys changed outside the app
            self._record("slot_keys_invalid", slot_id, now)
            self.save()
            raise exc from None
        except InvalidTag:
            state = keyfile.guard.lockout.setdefault(slot_id, LockState())
            state.failures += 1
            self._record("login_failed", slot_id, now)
            if state.failures >= MAX_TRIES:
                state.failures = 0
                state.locked_until = (now + LOCKOUT).isoformat()
                self._record("account_locked", slot_id, now)
            self.save()
            raise VaultError("error.wrong_login") from None
        if state is not None and (state.failures or state.locked_until):
            keyfile.guard.lockout.pop(slot_id, None)
            self.save()
        try:
            return self._open_sealed(slot, unlocked)
        except VaultError:
            self._record("slot_keys_invalid", slot_id, now)
            self.save()
            raise

    def check_password(self, username: str, password: str) -> bool:
        """For the lock screen and a password change: the same checks and lock-out as a login."""
        try:
            self.unlock(username, password)
        except VaultError as exc:
            if exc.key == "error.wrong_login":
                return False
            raise
        return True

    def unlock_with_recovery(self, raw_code: str) -> Unlocked:
        """Every key from the recovery code; puts the installation secret back in the keyring."""
        keyfile = self.file()
        code = normalise_recovery_code(raw_code)
        if code is None:
            raise VaultError("error.recovery_code_format")
        self.refuse_if_damaged()
        slot = keyfile.slots[RECOVERY_SLOT_ID]
        kek = key_encryption_key(stretch(code, slot.salt, slot.kdf), None, slot.salt)
        try:
            unlocked = self._open_slot(slot, kek)
            secret = None
            if slot.secret_nonce is not None and slot.wrapped_secret is not None:
                secret = unwrap(kek, slot.secret_nonce, slot.wrapped_secret,
                                keyfile.aad(RECOVERY_SLOT_ID, "secret"))
        except InvalidTag:
            self._record("recovery_failed", RECOVERY_SLOT_ID, self.clock())
            if not keyfile.uses_keyring or self.store.get(keyfile.vault_id) is not None:
                self.save()
            raise VaultError("error.recovery_code_wrong") from None
        if secret is not None:
            self._secret = secret
            if self.store.get(keyfile.vault_id) != secret:
                if not self.store.available():
                    raise VaultError("error.keyring_unavailable_for_restore",
                                     store=store_name())
                self.store.put(keyfile.vault_id, secret)
        return self._open_sealed(slot, unlocked)

    def peek(self, username: str, password: str) -> Unlocked | None:
        """Open a slot for a diagnosis of a damaged file (``check``): no guard, no lock-out,
        nothing written; None when it does not open."""
        keyfile = self.file()
        slot = keyfile.slots.get(self.slot_id(username))
        if slot is None:
            return None
        secret = self.store.get(keyfile.vault_id) if keyfile.uses_keyring else None
        kek = key_encryption_key(stretch(password, slot.salt, slot.kdf), secret, slot.salt)
        try:
            return self._open_sealed(slot, self._open_slot(slot, kek))
        except (InvalidTag, VaultError):
            return None

    def open_with_seed(self, slot_id: str, seed: bytes) -> Unlocked:
        """Every key sealed to a slot whose seed is already known (a backup's copy of the slot
        was opened with the same password): a login's checks, without its guard."""
        slot = self.file().slots.get(slot_id)
        if slot is None:
            raise VaultError("error.backup_wrong_login")
        pair = SlotKeyPair.from_seed(seed)
        if pair.box_public != slot.box_public or pair.sign_public != slot.sign_public:
            raise VaultError("error.slot_keys_invalid")
        return self._open_sealed(slot, Unlocked(slot_id, pair, {}, None))

    def _open_slot(self, slot: KeySlot, kek: bytes) -> Unlocked:
        """The seed (or, in a version 1 slot, the master key); ``InvalidTag`` for a wrong key."""
        keyfile = self.file()
        if slot.legacy:
            assert slot.nonce is not None and slot.wrapped_key is not None
            master = unwrap(kek, slot.nonce, slot.wrapped_key, keyfile.aad(slot.slot_id))
            return Unlocked(slot.slot_id, None, {KeyName.MASTER: {1: master}}, kek)
        assert slot.seed_nonce is not None and slot.wrapped_seed is not None
        seed = unwrap(kek, slot.seed_nonce, slot.wrapped_seed, keyfile.aad(slot.slot_id, "seed"))
        pair = SlotKeyPair.from_seed(seed)
        if pair.box_public != slot.box_public or pair.sign_public != slot.sign_public:
            raise VaultError("error.slot_keys_invalid")  # public keys swapped in the file
        return Unlocked(slot.slot_id, pair, {}, kek)

    def _open_sealed(self, slot: KeySlot, unlocked: Unlocked) -> Unlocked:
        """Every key sealed to the slot. A box that fails to open with the right seed was
        changed outside the app (or the header's signing key was): refused, never skipped."""
        if unlocked.pair is None:
            return unlocked
        keyfile = self.file()
        if not manifest_holds(keyfile):
            raise VaultError("error.slot_keys_invalid")  # the key file edited outside the app
        for name, items in slot.sealed.items():
            for item in items:
                try:
                    value = unlocked.pair.open_sealed(
                        item.box, keyfile.sealed_aad(slot.slot_id, name, item.gen))
                except InvalidTag:
                    raise VaultError("error.slot_keys_invalid") from None
                if not known_key(keyfile, name, item.gen, value):
                    raise VaultError("error.slot_keys_invalid")  # a key planted in the slot
                unlocked.keys.setdefault(KeyName(name), {})[item.gen] = value
        if not unlocked.holds(KeyName.MASTER):
            raise VaultError("error.slot_keys_invalid")
        return unlocked

    # -- slots ------------------------------------------------------------------------------------
    def slot_id(self, username: str) -> str:
        return account_slot_id(self.file().vault_id, username)

    def has_account(self, username: str) -> bool:
        return self.slot_id(username) in self.file().slots

    def certificate(self, slot_id: str) -> Certificate | None:
        return self.file().certificates.get(slot_id)

    def write_slot(self, slot_id: str, pair: SlotKeyPair, secret_text: str, *,
                   with_installation_secret: bool = True) -> KeySlot:
        """A slot whose seed is wrapped under ``secret_text`` (a password, or the recovery
        code with ``with_installation_secret`` False); keeps what was sealed to the same pair."""
        salt = random_salt()
        secret = self.installation_secret() if with_installation_secret else None
        kek = key_encryption_key(stretch(secret_text, salt, self.kdf), secret, salt)
        return self.rewrap_slot(slot_id, pair, kek, salt)

    def rewrap_slot(self, slot_id: str, pair: SlotKeyPair, kek: bytes, salt: bytes) -> KeySlot:
        keyfile = self.file()
        old = keyfile.slots.get(slot_id)
        same = old is not None and old.box_public == pair.box_public
        nonce, wrapped = wrap(kek, pair.seed, keyfile.aad(slot_id, "seed"))
        slot = KeySlot(slot_id, salt, self.kdf, seed_nonce=nonce, wrapped_seed=wrapped,
                       box_public=pair.box_public, sign_public=pair.sign_public,
                       sealed=old.sealed if same and old else {},
                       pair_proof=old.pair_proof if same and old else None)
        if slot_id == RECOVERY_SLOT_ID:
            secret = self.installation_secret()
            if secret is not None:
                slot.secret_nonce, slot.wrapped_secret = wrap(
                    kek, secret, keyfile.aad(RECOVERY_SLOT_ID, "secret"))
        keyfile.slots[slot_id] = slot
        return slot

    def recovery_kek(self, code: str) -> tuple[bytes, bytes]:
        """(password key, salt) for a new recovery slot under ``code``."""
        canonical_code = normalise_recovery_code(code)
        if canonical_code is None:
            raise VaultError("error.recovery_code_format")
        salt = random_salt()
        return key_encryption_key(stretch(canonical_code, salt, self.kdf), None, salt), salt

    @staticmethod
    def new_recovery_code() -> str:
        return generate_recovery_code()
