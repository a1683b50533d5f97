"""Key derivation (Argon2id + HKDF), key wrapping (AES-256-GCM), sealed boxes (X25519) and
signatures (Ed25519) for the vault's key slots."""

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


# -- key pairs, sealed boxes and signatures (field keys travel between slots this way) -----------
@dataclass(frozen=True)
class SlotKeyPair:
    """The two key pairs of a key slot, both derived from one random 32-byte seed: X25519 to
    receive sealed keys, Ed25519 to sign (audit transactions, certificates)."""

    seed: bytes
    box_public: bytes
    sign_public: bytes

    @classmethod
    def from_seed(cls, seed: bytes) -> SlotKeyPair:
        return cls(seed, _box_private(seed).public_key().public_bytes_raw(),
                   _sign_private(seed).public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> SlotKeyPair:
        return cls.from_seed(random_key())

    def open_sealed(self, box: SealedBox, aad: bytes) -> bytes:
        """Raises ``InvalidTag`` when the box was not sealed to this pair or was changed."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

        shared = _box_private(self.seed).exchange(X25519PublicKey.from_public_bytes(box.epk))
        return unwrap(_box_key(shared, box.epk, self.box_public), box.nonce, box.ct, aad)

    def sign(self, message: bytes) -> bytes:
        return _sign_private(self.seed).sign(message)


@dataclass(frozen=True)
class SealedBox:
    """A secret sealed to an X25519 public key: an ephemeral key, a nonce, the ciphertext."""

    epk: bytes
    nonce: bytes
    ct: bytes


def seal_to(box_public: bytes, plaintext: bytes, aad: bytes) -> SealedBox:
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )

    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(box_public))
    nonce, ct = wrap(_box_key(shared, epk, box_public), plaintext, aad)
    return SealedBox(epk, nonce, ct)


def verify_signature(sign_public: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def signing_key_pair(seed: bytes) -> tuple[bytes, bytes]:
    """(seed, public) of a stand-alone Ed25519 key such as the vault's signing key."""
    return seed, _sign_private(seed).public_key().public_bytes_raw()


def sign_with_seed(seed: bytes, message: bytes) -> bytes:
    return _sign_private(seed).sign(message)


def fingerprint(public: bytes) -> str:
    """A short, stable name for a public key (hex of the first 16 bytes of its SHA-256)."""
    import hashlib

    return hashlib.sha256(public).hexdigest()[:32]


def mac(key: bytes, message: bytes) -> str:
    import hashlib
    import hmac

    return hmac.new(key, message, hashlib.sha256).hexdigest()


def derive(key: bytes, purpose: str) -> bytes:
    """A sub-key of ``key`` for one purpose (HKDF-SHA256, no salt)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), KEY_BYTES, None, f"kdrt-desk {purpose}".encode()).derive(key)


def _box_private(seed: bytes):  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.from_private_bytes(derive(seed, "slot box key"))


def _sign_private(seed: bytes):  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(derive(seed, "slot signing key"))


def _box_key(shared: bytes, epk: bytes, box_public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), KEY_BYTES, epk + box_public,
                b"kdrt-desk sealed box v1").derive(shared)
