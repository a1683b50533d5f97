"""The key file beside the database: key slots, signed roles, the login guard and audit marks.

Nothing in it is secret in clear: slot seeds are wrapped under each account's password key, the
master and field keys are sealed to each slot's public key, usernames appear only as salted
hashes. Each slot carries a checksum of its own and the file one over everything, so damage is
named (``damaged``) instead of reading as a wrong password; a damaged file is never written
back. Before a change of key material the file on disk is kept as ``kdrt.keys.prev``.

Version 1 files (before sealed fields) are still read: their account slots hold the master key
wrapped under the password key and nothing else (``KeySlot.legacy``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kdrt_desk.errors import VaultError, os_error_key
from kdrt_desk.security.atomic_file import write_atomically
from kdrt_desk.security.crypto import KdfParams, SealedBox

FORMAT = "kdrt-desk-keys"
VERSION = 2
RECOVERY_SLOT_ID = "recovery"
PREVIOUS_SUFFIX = ".prev"


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _opt_b64(data: bytes | None) -> str | None:
    return None if data is None else b64(data)


def _opt_unb64(text: Any) -> bytes | None:
    return None if text is None else unb64(str(text))


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def checksum(data: Any) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def account_slot_id(vault_id: str, username: str) -> str:
    digest = hashlib.sha256(f"{vault_id}\0{username.strip().lower()}".encode()).hexdigest()
    return "u-" + digest[:32]


@dataclass
class SealedKey:
    """One generation of a key (master, a tier's field key, the signing key) sealed to a slot."""

    gen: int
    box: SealedBox

    def to_json(self) -> dict[str, Any]:
        return {"gen": self.gen, "epk": b64(self.box.epk), "nonce": b64(self.box.nonce),
                "ct": b64(self.box.ct)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SealedKey:
        return cls(int(data["gen"]), SealedBox(unb64(data["epk"]), unb64(data["nonce"]),
                                               unb64(data["ct"])))


@dataclass
class KeySlot:
    slot_id: str
    salt: bytes
    kdf: KdfParams
    seed_nonce: bytes | None = None  # the slot's key-pair seed under the password key
    wrapped_seed: bytes | None = None
    box_public: bytes | None = None
    sign_public: bytes | None = None
    sealed: dict[str, list[SealedKey]] = field(default_factory=dict)
    nonce: bytes | None = None  # version 1: the master key under the password key
    wrapped_key: bytes | None = None
    secret_nonce: bytes | None = None  # recovery slot only: the wrapped installation secret
    wrapped_secret: bytes | None = None
    pair_proof: str | None = None  # a converted version 1 slot: its pair made by a key holder

    @property
    def legacy(self) -> bool:
        """A version 1 slot: no key pair yet (made at the account's next login)."""
        return self.wrapped_seed is None

    def material(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.slot_id, "salt": b64(self.salt),
                                "kdf": self.kdf.to_json()}
        optional = {"seed_nonce": self.seed_nonce, "wrapped_seed": self.wrapped_seed,
                    "box_public": self.box_public, "sign_public": self.sign_public,
                    "nonce": self.nonce, "wrapped_key": self.wrapped_key,
                    "secret_nonce": self.secret_nonce, "wrapped_secret": self.wrapped_secret}
        data.update({k: b64(v) for k, v in optional.items() if v is not None})
        if self.pair_proof is not None:
            data["pair_proof"] = self.pair_proof
        if self.sealed:
            data["sealed"] = {name: [s.to_json() for s in items]
                              for name, items in sorted(self.sealed.items()) if items}
        return data

    def to_json(self) -> dict[str, Any]:
        data = self.material()
        data["checksum"] = checksum(data)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        def opt(name: str) -> bytes | None:
            return _opt_unb64(data.get(name))

        return cls(
            slot_id=str(data["id"]), salt=unb64(data["salt"]), kdf=KdfParams.from_json(data["kdf"]),
            seed_nonce=opt("seed_nonce"), wrapped_seed=opt("wrapped_seed"),
            box_public=opt("box_public"), sign_public=opt("sign_public"),
            sealed={str(name): [SealedKey.from_json(s) for s in items]
                    for name, items in dict(data.get("sealed", {})).items()},
            nonce=opt("nonce"), wrapped_key=opt("wrapped_key"),
            secret_nonce=opt("secret_nonce"), wrapped_secret=opt("wrapped_secret"),
            pair_proof=data.get("pair_proof"))

    def newest(self, name: str) -> SealedKey | None:
        items = self.sealed.get(name) or []
        return max(items, key=lambda s: s.gen) if items else None


@dataclass(frozen=True)
class Certificate:
    """An admin's signature (the vault signing key's) over an account's role and public keys.

    ``box_public``/``sign_public`` are None for an account upgraded from version 1 that has not
    logged in since: its role is vouched for, its keys are still to come."""

    slot_id: str
    role: str
    box_public: bytes | None
    sign_public: bytes | None
    serial: int
    signer: bytes  # the vault signing key's public half that made ``signature``
    signature: bytes
    slot_digest: str | None = None  # a version 1 slot vouched for: the checksum it had

    def payload(self, vault_id: str) -> bytes:
        return certificate_payload(vault_id, self.slot_id, self.role, self.box_public,
                                   self.sign_public, self.serial, self.slot_digest)

    def to_json(self) -> dict[str, Any]:
        return {"slot": self.slot_id, "role": self.role,
                "box_public": _opt_b64(self.box_public), "sign_public": _opt_b64(self.sign_public),
                "serial": self.serial, "signer": b64(self.signer),
                "signature": b64(self.signature), "slot_digest": self.slot_digest}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Certificate:
        return cls(str(data["slot"]), str(data["role"]), _opt_unb64(data.get("box_public")),
                   _opt_unb64(data.get("sign_public")), int(data["serial"]),
                   unb64(data["signer"]), unb64(data["signature"]), data.get("slot_digest"))


def certificate_payload(vault_id: str, slot_id: str, role: str, box_public: bytes | None,
                        sign_public: bytes | None, serial: int,
                        slot_digest: str | None = None) -> bytes:
    return "\n".join(["kdrt-desk certificate v1", vault_id, slot_id, role,
                      _opt_b64(box_public) or "-", _opt_b64(sign_public) or "-",
                      str(serial), slot_digest or "-"]).encode()


@dataclass
class LockState:
    failures: int = 0
    locked_until: str | None = None  # ISO timestamp (UTC)


@dataclass
class Guard:
    """Lock-out counters and login events waiting for the audit log, under a MAC made with the
    installation secret (``None`` in a password-only vault, which has no such secret)."""

    lockout: dict[str, LockState] = field(default_factory=dict)
    events: list[dict[str, str]] = field(default_factory=list)
    mac: str | None = None

    def content(self) -> dict[str, Any]:
        return {"lockout": {k: [v.failures, v.locked_until]
                            for k, v in sorted(self.lockout.items())
                            if v.failures or v.locked_until},
                "events": self.events}

    def to_json(self) -> dict[str, Any]:
        return {**self.content(), "mac": self.mac}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Guard:
        lockout = {str(k): LockState(int(v[0]), v[1]) for k, v in
                   dict(data.get("lockout", {})).items()}
        return cls(lockout, [dict(e) for e in data.get("events", [])], data.get("mac"))


@dataclass(frozen=True)
class AuditMark:
    """The newest audit entry an account signed: its id and hash, signed by that account."""

    entry_id: int
    entry_hash: str
    signature: bytes

    def to_json(self) -> dict[str, Any]:
        return {"id": self.entry_id, "hash": self.entry_hash, "sig": b64(self.signature)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> AuditMark:
        return cls(int(data["id"]), str(data["hash"]), unb64(data["sig"]))


def history_payload(vault_id: str, history: list[bytes]) -> bytes:
    """What the current signing key signs to vouch for the earlier ones."""
    return "\n".join(["kdrt-desk signing history v1", vault_id, *(b64(k) for k in history)]
                     ).encode()


def entry_signature_payload(vault_id: str, entry_id: int, entry_hash: str) -> bytes:
    """What the last audit entry of a transaction is signed over."""
    return f"kdrt-desk audit entry v1\n{vault_id}\n{entry_id}\n{entry_hash}".encode()


def record_signature_payload(vault_id: str, kind: str, digest: str) -> bytes:
    """What a signed register record (a certificate's row) is signed over: never the bytes of
    an audit entry's or a mark's signature."""
    return f"kdrt-desk record v1\n{vault_id}\n{kind}\n{digest}".encode()


def mark_payload(vault_id: str, signer: str, entry_id: int, entry_hash: str) -> bytes:
    """What a signer's head mark in the key file is signed over: never the same bytes as an
    entry's signature, so no mark can be rebuilt from the signatures in the database."""
    return (f"kdrt-desk audit mark v2\n{vault_id}\n{signer}\n{entry_id}\n"
            f"{entry_hash}").encode()


def manifest_payload(keyfile: KeyFile) -> bytes:
    """What the vault signing key vouches for besides the certificates: every generation of
    every key (by key id), the serial of each slot's current certificate, and the markers of
    an unfinished rotation or upgrade; so no key, certificate or marker can be planted."""
    return canonical({
        "what": "kdrt-desk key manifest v1", "vault_id": keyfile.vault_id,
        "signing_public": _opt_b64(keyfile.signing_public),
        "generations": {name: sorted([int(g), str(k)] for g, k in gens)
                        for name, gens in sorted(keyfile.generations.items())},
        "roster": dict(sorted(keyfile.roster.items())), "rotation": keyfile.rotation,
        "upgrade_pending": keyfile.upgrade_pending})


@dataclass
class KeyFile:
    vault_id: str
    uses_keyring: bool
    version: int = VERSION
    signing_public: bytes | None = None  # the vault signing key's public half
    signing_history: list[bytes] = field(default_factory=list)  # earlier ones, oldest first
    history_signature: bytes | None = None  # the current signing key over the history
    slots: dict[str, KeySlot] = field(default_factory=dict)
    certificates: dict[str, Certificate] = field(default_factory=dict)
    retired: list[Certificate] = field(default_factory=list)  # replaced or removed accounts
    guard: Guard = field(default_factory=Guard)
    marks: dict[str, AuditMark] = field(default_factory=dict)  # by signer fingerprint
    # marks whose entry was gone or changed when their signer next wrote: kept as evidence
    lost_marks: list[tuple[str, AuditMark]] = field(default_factory=list)
    serial: int = 0  # the last certificate serial given out
    upgrade_pending: bool = False  # keys written, the database not yet sealed
    rotation: dict[str, Any] | None = None  # a key rotation the database has not finished
    generations: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # key ids
    roster: dict[str, int] = field(default_factory=dict)  # slot id -> current cert serial
    manifest_signature: bytes | None = None
    damaged: list[str] = field(default_factory=list)  # slot ids, or "file"
    _saved: bytes | None = field(default=None, repr=False, compare=False)

    def aad(self, slot_id: str, what: str = "master") -> bytes:
        """Associated data of what is wrapped under a slot's password key."""
        return f"{FORMAT}/1/{self.vault_id}/{slot_id}/{what}".encode()

    def sealed_aad(self, slot_id: str, name: str, gen: int) -> bytes:
        """Associated data of a key sealed to a slot: bound to this vault's signing key, so a
        signing key swapped in the header makes every sealed key unreadable."""
        signer = b64(self.signing_public) if self.signing_public else "-"
        return f"{FORMAT}/2/{self.vault_id}/{slot_id}/{name}/{gen}/{signer}".encode()

    # -- serialising --------------------------------------------------------------------------
    def material(self) -> dict[str, Any]:
        """Everything but the guard and the audit marks (which change without new keys)."""
        return {
            "format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
            "uses_keyring": self.uses_keyring, "signing_public": _opt_b64(self.signing_public),
            "signing_history": [b64(k) for k in self.signing_history],
            "history_signature": _opt_b64(self.history_signature),
            "slots": [slot.to_json() for slot in self.slots.values()],
            "certificates": [c.to_json() for c in self.certificates.values()],
            "retired": [c.to_json() for c in self.retired], "serial": self.serial,
            "upgrade_pending": self.upgrade_pending, "rotation": self.rotation,
            "generations": {n: [[g, k] for g, k in gens]
                            for n, gens in sorted(self.generations.items())},
            "roster": dict(sorted(self.roster.items())),
            "manifest_signature": _opt_b64(self.manifest_signature),
        }

    def to_bytes(self) -> bytes:
        data = self.material()
        data["guard"] = self.guard.to_json()
        data["marks"] = {k: m.to_json() for k, m in sorted(self.marks.items())}
        data["lost_marks"] = [{"signer": s, **m.to_json()} for s, m in self.lost_marks]
        data["checksum"] = checksum(data)
        return json.dumps(data, indent=1).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("format")
            version = int(data.get("version", 0))
            if version > VERSION:
                raise VaultError("error.keyfile_too_new")
            keyfile = (cls._from_v1(data) if version < 2 else cls._from_v2(data))
        except VaultError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError,
                IndexError) as exc:
            # AttributeError: valid JSON of the wrong shape (null, a list, a number for a text)
            raise KeyFileDamagedError(["file"]) from exc
        if RECOVERY_SLOT_ID not in keyfile.slots and RECOVERY_SLOT_ID not in keyfile.damaged:
            keyfile.damaged.append("file")
        keyfile._saved = raw
        return keyfile

    @classmethod
    def _from_v2(cls, data: dict[str, Any]) -> KeyFile:
        stored = data.pop("checksum", None)
        whole_ok = stored == checksum(data)
        keyfile = cls(
            vault_id=str(data["vault_id"]), uses_keyring=bool(data["uses_keyring"]),
            signing_public=_opt_unb64(data.get("signing_public")),
            signing_history=[unb64(k) for k in data.get("signing_history", [])],
            history_signature=_opt_unb64(data.get("history_signature")),
            certificates={c.slot_id: c for c in
                          (Certificate.from_json(c) for c in data.get("certificates", []))},
            retired=[Certificate.from_json(c) for c in data.get("retired", [])],
            guard=Guard.from_json(data.get("guard", {})),
            marks={str(k): AuditMark.from_json(v) for k, v in data.get("marks", {}).items()},
            lost_marks=[(str(m["signer"]), AuditMark.from_json(m))
                        for m in data.get("lost_marks", [])],
            serial=int(data.get("serial", 0)),
            upgrade_pending=bool(data.get("upgrade_pending", False)),
            rotation=data.get("rotation"),
            generations={str(n): [(int(g), str(k)) for g, k in gens]
                         for n, gens in dict(data.get("generations", {})).items()},
            roster={str(k): int(v) for k, v in dict(data.get("roster", {})).items()},
            manifest_signature=_opt_unb64(data.get("manifest_signature")))
        for raw_slot in data["slots"]:
            slot_id = str(raw_slot["id"])
            stored_slot = raw_slot.pop("checksum", None)
            try:
                slot = KeySlot.from_json(raw_slot)
            except (ValueError, KeyError, TypeError, AttributeError):
                slot = None
            if slot is None or stored_slot != checksum(slot.material()):
                keyfile.damaged.append(slot_id)
                continue
            keyfile.slots[slot_id] = slot
        if not whole_ok and not keyfile.damaged:
            keyfile.damaged.append("file")
        return keyfile

    @classmethod
    def _from_v1(cls, data: dict[str, Any]) -> KeyFile:
        keyfile = cls(vault_id=str(data["vault_id"]), uses_keyring=bool(data["uses_keyring"]),
                      version=1)
        for s in data["slots"]:
            slot = KeySlot(
                slot_id=str(s["id"]), salt=unb64(s["salt"]), kdf=KdfParams.from_json(s["kdf"]),
                nonce=unb64(s["nonce"]), wrapped_key=unb64(s["wrapped_key"]),
                secret_nonce=_opt_unb64(s.get("secret_nonce")),
                wrapped_secret=_opt_unb64(s.get("wrapped_secret")))
            keyfile.slots[slot.slot_id] = slot
            if s.get("failures") or s.get("locked_until"):
                keyfile.guard.lockout[slot.slot_id] = LockState(int(s.get("failures", 0)),
                                                                s.get("locked_until"))
        keyfile.guard.events = [dict(e) for e in data.get("pending_events", [])]
        return keyfile

    # -- files ----------------------------------------------------------------------------------
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
        """Write atomically; before new key material the file on disk becomes ``.prev``."""
        if self.damaged:
            raise KeyFileDamagedError(self.damaged)  # never written back from a damaged state
        data = self.to_bytes()
        try:
            if self._saved is not None and self._material_changed():
                write_atomically(previous_path(path), self._saved)
            write_atomically(path, data)
        except OSError as exc:
            raise VaultError(os_error_key(exc)) from exc
        self._saved = data

    def _material_changed(self) -> bool:
        assert self._saved is not None
        try:
            before = json.loads(self._saved.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return True
        if int(before.get("version", 0)) < VERSION:
            return True
        before.pop("checksum", None)
        before.pop("guard", None)
        before.pop("marks", None)
        before.pop("lost_marks", None)
        return canonical(before) != canonical(self.material())


def previous_path(path: Path) -> Path:
    return path.with_name(path.name + PREVIOUS_SUFFIX)


class KeyFileDamagedError(VaultError):
    """Parts of the key file fail their checksum; ``damaged`` names them (slot ids or "file")."""

    def __init__(self, damaged: list[str], what: str = "", previous_intact: bool = False
                 ) -> None:
        key = ("error.keyfile_damaged_previous_ok" if previous_intact
               else "error.keyfile_damaged")
        super().__init__(key, what=what or ", ".join(damaged))
        self.damaged = list(damaged)
        self.previous_intact = previous_intact
