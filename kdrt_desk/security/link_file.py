"""``kdrt.link``: how another Windows account on this PC gets the installation secret with an
admin's login (the shared data folder only).

One entry per admin: the installation secret wrapped under a key from her password alone
(Argon2id + HKDF, its own salt), then sealed to this PC (``machine_seal``). So her password
opens it on this PC only; a copy of the folder opens nothing elsewhere, and a staff member's
own password opens no entry. What the entry yields is checked against the vault's own slot
before anything is kept (``services.windows_accounts``): a planted entry gains nothing.

The entry records the salt of her slot when it was written: a reset of her password by another
admin (a new slot salt) marks it stale. Each admin login on a linked account writes her own
entry again (one Argon2id more), so a changed password or an entry someone else put under her
slot lasts only until then.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag

from kdrt_desk.security.atomic_file import write_atomically
from kdrt_desk.security.crypto import (
    NONCE_BYTES,
    KdfParams,
    key_encryption_key,
    random_salt,
    stretch,
    unwrap,
    wrap,
)
from kdrt_desk.security.keyfile import b64, unb64
from kdrt_desk.security.machine_seal import MachineSealBackend, MachineSealError

LINK_NAME = "kdrt.link"
FORMAT = 1


def _aad(vault_id: str, slot_id: str) -> bytes:
    return f"kdrt-desk link v1\n{vault_id}\n{slot_id}".encode()


def _entropy(vault_id: str) -> bytes:
    return f"KDRT Desk link {vault_id}".encode()


@dataclass
class LinkEntry:
    salt: bytes
    kdf: KdfParams
    slot_salt: bytes  # her slot's salt when written: another one means a changed password
    sealed: bytes

    def to_json(self) -> dict[str, object]:
        return {"salt": b64(self.salt), "kdf": self.kdf.to_json(),
                "slot_salt": b64(self.slot_salt), "sealed": b64(self.sealed)}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinkEntry:
        kdf = data["kdf"]
        if not isinstance(kdf, dict):
            raise ValueError("kdf")
        return cls(unb64(str(data["salt"])), KdfParams.from_json(kdf),
                   unb64(str(data["slot_salt"])), unb64(str(data["sealed"])))


@dataclass
class LinkFile:
    vault_id: str
    entries: dict[str, LinkEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, vault_id: str) -> LinkFile:
        """The file for this vault; an empty one when missing, damaged or another vault's
        (it holds nothing the vault needs: an admin's next login writes it again)."""
        try:
            data = json.loads(path.read_bytes())
            if data.get("format") != FORMAT or data.get("vault_id") != vault_id:
                return cls(vault_id)
            entries = {str(k): LinkEntry.from_json(v) for k, v in data["entries"].items()}
        except Exception:  # noqa: BLE001 - anything a hand-edited file holds: start again
            return cls(vault_id)
        return cls(vault_id, entries)

    def save(self, path: Path) -> None:
        data = {"format": FORMAT, "vault_id": self.vault_id,
                "entries": {k: v.to_json() for k, v in sorted(self.entries.items())}}
        write_atomically(path, json.dumps(data, indent=1).encode())

    def put(self, slot_id: str, slot_salt: bytes, password: str, secret: bytes, kdf: KdfParams,
            seal: MachineSealBackend) -> None:
        salt = random_salt()
        kek = key_encryption_key(stretch(password, salt, kdf), None, salt)
        nonce, wrapped = wrap(kek, secret, _aad(self.vault_id, slot_id))
        self.entries[slot_id] = LinkEntry(salt, kdf, slot_salt,
                                          seal.seal(nonce + wrapped, _entropy(self.vault_id)))

    def open(self, slot_id: str, password: str, seal: MachineSealBackend) -> bytes | None:
        """The installation secret from her entry; None when she has none or the password is
        not hers. ``MachineSealError`` when the entry was sealed on another PC."""
        entry = self.entries.get(slot_id)
        if entry is None:
            return None
        inner = seal.unseal(entry.sealed, _entropy(self.vault_id))
        kek = key_encryption_key(stretch(password, entry.salt, entry.kdf), None, entry.salt)
        try:
            return unwrap(kek, inner[:NONCE_BYTES], inner[NONCE_BYTES:],
                          _aad(self.vault_id, slot_id))
        except (InvalidTag, ValueError):
            return None

    def current(self, slot_id: str, slot_salt: bytes, seal: MachineSealBackend) -> bool:
        """Her entry is there, for her present password, and was sealed on this PC."""
        entry = self.entries.get(slot_id)
        if entry is None or entry.slot_salt != slot_salt:
            return False
        try:
            seal.unseal(entry.sealed, _entropy(self.vault_id))
        except MachineSealError:
            return False
        return True

