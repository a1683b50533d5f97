"""Key derivation (Argon2id + HKDF) and key wrapping (AES-256-GCM) for the vault's key slots."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost, recorded in each slot so it can be raised later without breaking old slots."""

    time_cost: int = 3
    memory_kib: int = 196_608
    parallelism: int = 2

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, int]) -> KdfParams:
        return cls(int(data["time_cost"]), int(data["memory_kib"]), int(data["parallelism"]))


DEFAULT_KDF = KdfParams()


def random_key() -> bytes:
    return os.urandom(KEY_BYTES)


def random_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def stretch(secret_text: str, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id of a password or recovery code."""
    from argon2.low_level import Type, hash_secret_raw  # heavy imports wait until needed

    return hash_secret_raw(
        secret_text.encode("utf-8"), salt, params.time_cost, params.memory_kib,
        params.parallelism, KEY_BYTES, Type.ID,
    )


def key_encryption_key(stretched: bytes, installation_secret: bytes | None, salt: bytes) -> bytes:
    """HKDF over the stretched password and, when the vault has one, the installation secret."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    ikm = stretched + (installation_secret or b"")
    return HKDF(hashes.SHA256(), KEY_BYTES, salt, b"kdrt-desk key slot v1").derive(ikm)


def wrap(kek: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, plaintext, aad)


def unwrap(kek: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    """Raises ``cryptography.exceptions.InvalidTag`` when the key or the data is wrong."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(kek).decrypt(nonce, ciphertext, aad)
