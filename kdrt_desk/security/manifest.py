"""The key manifest: what the vault's signing key vouches for besides each role.

Anyone who knows a slot's public key can seal a key to it, and anyone can put a certificate from
an older copy of the key file back. So every generation of every key (by a key id derived from
the key, which reveals nothing of it), the serial of each slot's current certificate, and the
markers of an unfinished rotation or upgrade are signed together; a key, certificate or marker
that is not in the signed manifest is refused.
"""

from __future__ import annotations

import hashlib
import hmac

from kdrt_desk.security.crypto import sign_with_seed, signing_key_pair, verify_signature
from kdrt_desk.security.keyfile import KeyFile, manifest_payload


def key_id(value: bytes) -> str:
    return hmac.new(value, b"kdrt-desk key id", hashlib.sha256).hexdigest()[:32]


def manifest_holds(keyfile: KeyFile) -> bool:
    """The manifest's signature holds under the vault's signing key."""
    if keyfile.signing_public is None or keyfile.manifest_signature is None:
        return False
    return verify_signature(keyfile.signing_public, keyfile.manifest_signature,
                            manifest_payload(keyfile))


def mark_unvouched(keyfile: KeyFile) -> KeyFile:
    """A version 2 file whose manifest does not hold was changed outside the app: it counts as
    damaged as a whole (never written back; the previous copy is offered), like a bad checksum."""
    if keyfile.version >= 2 and "file" not in keyfile.damaged and not manifest_holds(keyfile):
        keyfile.damaged.append("file")
    return keyfile


def known_key(keyfile: KeyFile, name: str, gen: int, value: bytes) -> bool:
    """A key opened from a slot is one the vault made (its generation and id are vouched for);
    the signing key must also be the one whose public half the file names."""
    if (gen, key_id(value)) not in set(keyfile.generations.get(name, [])):
        return False
    return name != "signing" or signing_key_pair(value)[1] == keyfile.signing_public


def sign_manifest(keyfile: KeyFile, signing_seed: bytes, keys: dict[str, dict[int, bytes]]
                  ) -> None:
    """Vouch for ``keys`` (every generation the signing holder has), the current certificates
    and the markers, as they are now."""
    keyfile.generations = {name: sorted((gen, key_id(value)) for gen, value in gens.items())
                           for name, gens in keys.items() if gens}
    keyfile.roster = {slot_id: cert.serial for slot_id, cert in keyfile.certificates.items()}
    keyfile.manifest_signature = sign_with_seed(signing_seed, manifest_payload(keyfile))
