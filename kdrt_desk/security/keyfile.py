"""The key file beside the database: the master key wrapped per staff account and for recovery.

Nothing in it is secret in clear: slots are AES-GCM ciphertexts, usernames appear only as salted
hashes, and the lock-out counters and pending audit events carry no personal data.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kdrt_desk.errors import VaultError
from kdrt_desk.security.atomic_file import os_error_key, write_atomically
from kdrt_desk.security.crypto import KdfParams

FORMAT = "kdrt-desk-keys"
VERSION = 1


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def account_slot_id(vault_id: str, username: str) -> str:
    digest = hashlib.sha256(f"{vault_id}\0{username.strip().lower()}".encode()).hexdigest()
    return "u-" + digest[:32]


RECOVERY_SLOT_ID = "recovery"


@dataclass
class KeySlot:
    slot_id: str
    salt: bytes
    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes
    failures: int = 0
    locked_until: str | None = None  # ISO timestamp (UTC)
    secret_nonce: bytes | None = None  # recovery slot only: the wrapped installation secret
    wrapped_secret: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.slot_id, "salt": b64(self.salt), "kdf": self.kdf.to_json(),
            "nonce": b64(self.nonce), "wrapped_key": b64(self.wrapped_key),
            "failures": self.failures, "locked_until": self.locked_until,
        }
        if self.secret_nonce is not None and self.wrapped_secret is not None:
            data["secret_nonce"] = b64(self.secret_nonce)
            data["wrapped_secret"] = b64(self.wrapped_secret)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        return cls(
            slot_id=str(data["id"]), salt=unb64(data["salt"]), kdf=KdfParams.from_json(data["kdf"]),
            nonce=unb64(data["nonce"]), wrapped_key=unb64(data["wrapped_key"]),
            failures=int(data.get("failures", 0)), locked_until=data.get("locked_until"),
            secret_nonce=unb64(data["secret_nonce"]) if "secret_nonce" in data else None,
            wrapped_secret=unb64(data["wrapped_secret"]) if "wrapped_secret" in data else None,
        )


@dataclass
class KeyFile:
    vault_id: str
    uses_keyring: bool
    slots: dict[str, KeySlot] = field(default_factory=dict)
    pending_events: list[dict[str, str]] = field(default_factory=list)

    def aad(self, slot_id: str, what: str = "master") -> bytes:
        return f"{FORMAT}/{VERSION}/{self.vault_id}/{slot_id}/{what}".encode()

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
            "uses_keyring": self.uses_keyring,
            "slots": [slot.to_json() for slot in self.slots.values()],
            "pending_events": self.pending_events,
        }
        return json.dumps(data, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            data = json.loads(raw.decode("utf-8"))
            if data.get("format") != FORMAT:
                raise ValueError("format")
            if int(data.get("version", 0)) > VERSION:
                raise VaultError("error.keyfile_too_new")
            slots = [KeySlot.from_json(s) for s in data["slots"]]
            keyfile = cls(
                vault_id=str(data["vault_id"]), uses_keyring=bool(data["uses_keyring"]),
                slots={s.slot_id: s for s in slots},
                pending_events=[dict(e) for e in data.get("pending_events", [])],
            )
        except VaultError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            # AttributeError: valid JSON of the wrong shape (null, a list, a number for a text)
            raise VaultError("error.keyfile_damaged") from exc
        if RECOVERY_SLOT_ID not in keyfile.slots:
            raise VaultError("error.keyfile_damaged")
        return keyfile

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise VaultError("error.keyfile_missing") from exc
        except OSError as exc:
            raise VaultError("error.file_unreadable") from exc
        return cls.from_bytes(raw)

    def save(self, path: Path) -> None:
        try:
            write_atomically(path, self.to_bytes())
        except OSError as exc:
            raise VaultError(os_error_key(exc)) from exc

