"""The machine seal tests install in place of Windows DPAPI (``security.machine_seal``): bytes
sealed with one PC's key (AES-GCM) open on that PC only. ``other_pc()`` is the same files on a
different machine. None of it ships with the app."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kdrt_desk.security.machine_seal import MachineSealError


class MachineKeySeal:
    name = "test machine seal"

    def __init__(self, machine_key: bytes | None = None) -> None:
        self.machine_key = machine_key or os.urandom(32)

    def seal(self, data: bytes, entropy: bytes) -> bytes:
        nonce = os.urandom(12)
        return nonce + AESGCM(self.machine_key).encrypt(nonce, data, entropy)

    def unseal(self, blob: bytes, entropy: bytes) -> bytes:
        try:
            return AESGCM(self.machine_key).decrypt(blob[:12], blob[12:], entropy)
        except (InvalidTag, ValueError):
            raise MachineSealError() from None

    def other_pc(self) -> MachineKeySeal:
        return MachineKeySeal()
