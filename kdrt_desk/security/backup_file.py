"""The backup file: one file holding the encrypted database and its key file, that says nothing
to whoever finds it without a staff password or the recovery code.

Layout::

    MAGIC (8 bytes, neutral: no product name)
    u32 header length, then the header (JSON, padded with spaces to a 4 KiB step)
    chunks: each exactly CHUNK plaintext bytes under AES-256-GCM (+16 tag bytes)
    random bytes up to the next SIZE_STEP of the whole file

The header holds a random vault id (to find this PC's installation secret in the keyring),
whether the vault uses one, and per key slot of the vault (every account and the recovery slot,
plus random decoys up to a multiple of ``SLOT_STEP``) what the key file already holds in clear:
the slot's salt and cost, its seed wrapped under the password key, its public key, and the
backup's random key sealed to that public key. Nothing else: no centre name, no count, no date,
no account name (slot ids are salted hashes). A slot is opened exactly as at a login, so the
backup key comes from a staff password (with this PC's installation secret) or the recovery code
(which also unwraps the installation secret, for a new PC).

The chunks carry a stream of named files (``manifest.json``, ``kdrt.keys``, ``kdrt.db``). The
manifest comes first: when the backup was made, the row counts, and the audit log's head anchor
(the newest entry's id and hash in the copied database), so all of that is encrypted like the
data and ``read_manifest`` reads it by decrypting the first chunk only. Backups made before the
anchor simply have none in their manifest; the layout (version 1) is unchanged. Each
chunk's nonce is the header's prefix and its index; its associated data binds the header's digest,
the index and whether it is the last, so chunks cannot be reordered, dropped or cut short without
the reading failing. The padding after the last chunk is random, so the file's size says only which
size step it is in.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kdrt_desk.errors import UserError, VaultError
from kdrt_desk.security.crypto import (
    KEY_BYTES,
    KdfParams,
    SealedBox,
    SlotKeyPair,
    key_encryption_key,
    random_key,
    seal_to,
    stretch,
    unwrap,
)
from kdrt_desk.security.keyfile import RECOVERY_SLOT_ID, KeyFile

MAGIC = b"\x89BKP\r\n\x1a\n"
FORMAT_VERSION = 1
CHUNK = 1 << 20  # plaintext bytes per chunk
TAG = 16
HEADER_STEP = 4096
HEADER_LIMIT = 1 << 20  # a header bigger than this is not one of ours
SIZE_STEP = 4 << 20  # the file's size is rounded up to this
SLOT_STEP = 8  # the slot list is padded with decoys to a multiple of this
NAME_LIMIT = 64
ALLOWED_NAMES = frozenset({"manifest.json", "kdrt.keys", "kdrt.db"})
Report = Callable[[int, int], bool]  # (done, total) -> go on?


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text).encode("ascii"), validate=True)


@dataclass(frozen=True)
class BackupSlot:
    salt: bytes
    kdf: KdfParams
    seed_nonce: bytes
    wrapped_seed: bytes
    box_public: bytes
    box: SealedBox  # the backup key, sealed to ``box_public``
    secret_nonce: bytes | None = None  # recovery slot: the installation secret
    wrapped_secret: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "salt": _b64(self.salt), "kdf": self.kdf.to_json(),
            "seed_nonce": _b64(self.seed_nonce), "wrapped_seed": _b64(self.wrapped_seed),
            "box_public": _b64(self.box_public),
            "box": [_b64(self.box.epk), _b64(self.box.nonce), _b64(self.box.ct)]}
        if self.secret_nonce is not None and self.wrapped_secret is not None:
            data["secret"] = [_b64(self.secret_nonce), _b64(self.wrapped_secret)]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BackupSlot:
        epk, nonce, ct = (_unb64(v) for v in data["box"])
        secret = data.get("secret")
        return cls(_unb64(data["salt"]), KdfParams.from_json(data["kdf"]),
                   _unb64(data["seed_nonce"]), _unb64(data["wrapped_seed"]),
                   _unb64(data["box_public"]), SealedBox(epk, nonce, ct),
                   _unb64(secret[0]) if secret else None, _unb64(secret[1]) if secret else None)


@dataclass(frozen=True)
class BackupHeader:
    vault_id: str
    uses_keyring: bool
    salt: bytes  # binds the sealed boxes to this backup
    nonce_prefix: bytes  # 8 bytes; a chunk's nonce is this and its index
    slots: dict[str, BackupSlot] = field(default_factory=dict)

    def to_bytes(self) -> bytes:
        data = {"v": FORMAT_VERSION, "vault": self.vault_id, "keyring": self.uses_keyring,
                "salt": _b64(self.salt), "prefix": _b64(self.nonce_prefix),
                "slots": {k: v.to_json() for k, v in sorted(self.slots.items())}}
        return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes) -> BackupHeader:
        data = json.loads(raw.decode("ascii"))
        if not isinstance(data, dict) or data.get("v") != FORMAT_VERSION:
            raise ValueError("unknown backup version")
        return cls(str(data["vault"]), bool(data["keyring"]), _unb64(data["salt"]),
                   _unb64(data["prefix"]),
                   {str(k): BackupSlot.from_json(v) for k, v in dict(data["slots"]).items()})

    def box_aad(self, slot_id: str) -> bytes:
        return b"backup/1/" + self.salt + b"/" + slot_id.encode("ascii")


def header_for(keyfile: KeyFile, key: bytes) -> BackupHeader:
    """The header of a new backup of the vault whose key file is ``keyfile``, its random key
    ``key`` sealed to every slot that has a key pair (version 1 slots have none: such a vault
    is upgraded before it can be backed up)."""
    salt = os.urandom(16)
    header = BackupHeader(keyfile.vault_id, keyfile.uses_keyring, salt, os.urandom(8))
    for slot_id, slot in keyfile.slots.items():
        if slot.box_public is None or slot.seed_nonce is None or slot.wrapped_seed is None:
            continue
        header.slots[slot_id] = BackupSlot(
            slot.salt, slot.kdf, slot.seed_nonce, slot.wrapped_seed, slot.box_public,
            seal_to(slot.box_public, key, header.box_aad(slot_id)),
            slot.secret_nonce if slot_id == RECOVERY_SLOT_ID else None,
            slot.wrapped_secret if slot_id == RECOVERY_SLOT_ID else None)
    if RECOVERY_SLOT_ID not in header.slots:
        raise VaultError("error.backup_needs_upgrade")
    while len(header.slots) % SLOT_STEP:  # decoys: the number of accounts stays unknown
        decoy = SlotKeyPair.generate()
        any_slot = next(iter(header.slots.values()))
        header.slots["u-" + os.urandom(16).hex()] = BackupSlot(
            os.urandom(16), any_slot.kdf, os.urandom(12), os.urandom(len(any_slot.wrapped_seed)),
            decoy.box_public, seal_to(decoy.box_public, random_key(), b"decoy"))
    return header


# -- writing ------------------------------------------------------------------------------------
class _ChunkWriter:
    """Plaintext in, fixed-size encrypted chunks out."""

    def __init__(self, out: IO[bytes], key: bytes, header: BackupHeader, digest: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.out = out
        self.aead = AESGCM(key)
        self.prefix = header.nonce_prefix
        self.digest = digest
        self.buffer = bytearray()
        self.index = 0

    def write(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) > CHUNK:  # keep one back: the last chunk is marked as last
            self._emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]

    def close(self) -> None:
        self._emit(bytes(self.buffer).ljust(CHUNK, b"\0"), last=True)
        self.buffer = bytearray()

    def _emit(self, chunk: bytes, *, last: bool) -> None:
        nonce = self.prefix + struct.pack(">I", self.index)
        self.out.write(self.aead.encrypt(nonce, chunk, _chunk_aad(self.digest, self.index, last)))
        self.index += 1


def _chunk_aad(digest: bytes, index: int, last: bool) -> bytes:
    return digest + struct.pack(">IB", index, 1 if last else 0)


def write_backup(out: IO[bytes], key: bytes, header: BackupHeader,
                 files: Iterable[tuple[str, Path]], *, report: Report | None = None) -> None:
    """Write the whole backup to ``out`` (a temporary file the caller moves into place).
    ``report(done, total)`` is called per chunk with bytes; it returns False to cancel, which
    raises ``UserError("error.cancelled")``."""
    if len(key) != KEY_BYTES:
        raise ValueError("a backup key is 32 bytes")
    items = [(name, path, path.stat().st_size) for name, path in files]
    total = sum(size for _n, _p, size in items) or 1
    raw = header.to_bytes()
    padded = raw.ljust(-(-(len(raw) + 1) // HEADER_STEP) * HEADER_STEP, b" ")
    out.write(MAGIC + struct.pack(">I", len(padded)) + padded)
    writer = _ChunkWriter(out, key, header, hashlib.sha256(padded).digest())
    done = 0
    for name, path, size in items:
        encoded = name.encode("ascii")
        if name not in ALLOWED_NAMES:
            raise ValueError(f"{name!r} is not a backup member")
        writer.write(b"F" + struct.pack(">H", len(encoded)) + encoded + struct.pack(">Q", size))
        with path.open("rb") as source:
            left = size
            while left:
                block = source.read(min(CHUNK, left))
                if not block:
                    raise OSError(f"{name} shrank while it was backed up")
                writer.write(block)
                left -= len(block)
                done += len(block)
                if report is not None and not report(done, total):
                    raise UserError("error.cancelled")
    writer.write(b"E")
    writer.close()
    written = out.tell()
    padding = -written % SIZE_STEP
    while padding:
        step = min(padding, CHUNK)
        out.write(os.urandom(step))
        padding -= step


# -- reading ------------------------------------------------------------------------------------
def read_header(handle: IO[bytes]) -> tuple[BackupHeader, bytes]:
    """The header and its digest; a ``UserError`` for a file that is not a backup."""
    start = handle.read(len(MAGIC) + 4)
    if len(start) < len(MAGIC) + 4 or start[:len(MAGIC)] != MAGIC:
        raise UserError("error.backup_not_a_backup")
    (length,) = struct.unpack(">I", start[len(MAGIC):])
    if not 0 < length <= HEADER_LIMIT:
        raise UserError("error.backup_not_a_backup")
    padded = handle.read(length)
    if len(padded) != length:
        raise UserError("error.backup_damaged")
    try:
        header = BackupHeader.from_bytes(padded.rstrip(b" "))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, struct.error):
        raise UserError("error.backup_damaged") from None
    return header, hashlib.sha256(padded).digest()


@dataclass(frozen=True)
class Opened:
    key: bytes
    installation_secret: bytes | None  # unwrapped from the recovery slot
    slot_id: str
    seed: bytes  # the slot's seed: the same keys open the key file inside (no second KDF)


def open_slot(header: BackupHeader, slot_id: str, secret_text: str,
              installation_secret: bytes | None) -> Opened:
    """The backup key from one slot: a password (with this PC's installation secret when the
    vault uses one) or the recovery code (``slot_id`` ``recovery``). A wrong password, an
    unknown account and a decoy all give ``error.backup_wrong_login``."""
    from cryptography.exceptions import InvalidTag

    slot = header.slots.get(slot_id)
    recovery = slot_id == RECOVERY_SLOT_ID
    if slot is None:
        any_slot = next(iter(header.slots.values()), None)
        if any_slot is not None:
            stretch(secret_text, os.urandom(16), any_slot.kdf)  # the same cost: no hint
        raise VaultError("error.backup_wrong_login")
    aad = KeyFile(header.vault_id, header.uses_keyring).aad
    kek = key_encryption_key(stretch(secret_text, slot.salt, slot.kdf),
                             None if recovery else installation_secret, slot.salt)
    try:
        seed = unwrap(kek, slot.seed_nonce, slot.wrapped_seed, aad(slot_id, "seed"))
        pair = SlotKeyPair.from_seed(seed)
        if pair.box_public != slot.box_public:
            raise VaultError("error.backup_damaged")
        key = pair.open_sealed(slot.box, header.box_aad(slot_id))
        secret = None
        if recovery and slot.secret_nonce is not None and slot.wrapped_secret is not None:
            secret = unwrap(kek, slot.secret_nonce, slot.wrapped_secret,
                            aad(RECOVERY_SLOT_ID, "secret"))
    except InvalidTag:
        raise VaultError("error.backup_recovery_wrong" if recovery
                         else "error.backup_wrong_login") from None
    return Opened(key, secret, slot_id, seed)


def _chunks(handle: IO[bytes], key: bytes, header: BackupHeader, digest: bytes
            ) -> Iterator[bytes]:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    aead = AESGCM(key)
    index = 0
    while True:
        block = handle.read(CHUNK + TAG)
        if len(block) != CHUNK + TAG:
            raise UserError("error.backup_damaged")  # cut short before its last chunk
        nonce = header.nonce_prefix + struct.pack(">I", index)
        try:
            yield aead.decrypt(nonce, block, _chunk_aad(digest, index, False))
        except InvalidTag:
            try:
                yield aead.decrypt(nonce, block, _chunk_aad(digest, index, True))
            except InvalidTag:
                raise UserError("error.backup_damaged") from None
            return
        index += 1


class _Stream:
    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.left = b""

    def read(self, size: int) -> bytes:
        out = bytearray()
        while len(out) < size:
            if not self.left:
                self.left = next(self.chunks, b"")
                if not self.left:
                    raise UserError("error.backup_damaged")
            take = self.left[:size - len(out)]
            out += take
            self.left = self.left[len(take):]
        return bytes(out)


MANIFEST_LIMIT = 1 << 20  # a manifest bigger than this is not one of ours


def read_manifest(path: Path, key: bytes) -> bytes:
    """The backup's first member, ``manifest.json``, decrypted (only the chunks it spans are
    read: the anchor of a large backup is found without decrypting its database). A backup
    whose first member is not the manifest, or any damage, is ``error.backup_damaged``."""
    with path.open("rb") as handle:
        header, digest = read_header(handle)
        stream = _Stream(_chunks(handle, key, header, digest))
        if stream.read(1) != b"F":
            raise UserError("error.backup_damaged")
        (length,) = struct.unpack(">H", stream.read(2))
        if not 0 < length <= NAME_LIMIT or stream.read(length) != b"manifest.json":
            raise UserError("error.backup_damaged")
        (size,) = struct.unpack(">Q", stream.read(8))
        if size > MANIFEST_LIMIT:
            raise UserError("error.backup_damaged")
        return stream.read(size)


def extract(path: Path, key: bytes, folder: Path, *, report: Report | None = None
            ) -> dict[str, Path]:
    """Decrypt every member of the backup at ``path`` into ``folder`` (which must be empty and
    private); name -> path. Any damage, a member with a foreign name or a cancel raises a
    ``UserError`` and the caller removes ``folder``."""
    total = max(path.stat().st_size, 1)
    found: dict[str, Path] = {}
    with path.open("rb") as handle:
        header, digest = read_header(handle)
        stream = _Stream(_chunks(handle, key, header, digest))
        done = 0
        while True:
            kind = stream.read(1)
            if kind == b"E":
                break
            if kind != b"F":
                raise UserError("error.backup_damaged")
            (length,) = struct.unpack(">H", stream.read(2))
            if not 0 < length <= NAME_LIMIT:
                raise UserError("error.backup_damaged")
            name = stream.read(length).decode("ascii", errors="replace")
            if name not in ALLOWED_NAMES or name in found:
                raise UserError("error.backup_damaged")
            (size,) = struct.unpack(">Q", stream.read(8))
            if size > total:
                raise UserError("error.backup_damaged")
            target = folder / name
            with target.open("xb") as out:
                left = size
                while left:
                    block = stream.read(min(CHUNK, left))
                    out.write(block)
                    left -= len(block)
                    done += len(block)
                    if report is not None and not report(done, total):
                        raise UserError("error.cancelled")
                out.flush()
                os.fsync(out.fileno())
            found[name] = target
    return found


__all__ = ["BackupHeader", "BackupSlot", "Opened", "extract", "header_for", "open_slot",
           "read_header", "read_manifest", "write_backup"]
