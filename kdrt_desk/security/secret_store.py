"""The installation secret in the OS keyring (Windows Credential Manager, the macOS Keychain,
the Secret Service on Linux), never in plain text.

A backend counts as a real keyring unless it is keyring's fail/null backend or ``keyrings.alt``
(which stores secrets in plain files). Tests install their own backend through
``PYTHON_KEYRING_BACKEND`` or ``keyring.set_keyring``; none ships with the app.
"""

from __future__ import annotations

import base64
import logging
import sys

import keyring
from keyring.errors import KeyringError

from kdrt_desk.errors import VaultError

SERVICE = "KDRT Desk"
log = logging.getLogger(__name__)


_NOT_SECURE = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def store_name(platform: str | None = None) -> str:
    """The credential store of the OS this runs on, as messages name it."""
    platform = platform or sys.platform
    if platform == "win32":
        return "Windows Credential Manager"
    if platform == "darwin":
        return "macOS Keychain"
    return "Secret Service (GNOME Keyring/KWallet)"


def is_real_keyring(backend: keyring.backend.KeyringBackend) -> bool:
    """True for an OS keyring; a chain counts only when none of its members is a plain-text one."""
    inner = getattr(backend, "backends", None)
    if inner is not None:
        return bool(inner) and all(is_real_keyring(b) for b in inner)
    return not type(backend).__module__.startswith(_NOT_SECURE)


class SecretStore:
    """Reads and writes the installation secret of one vault."""

    def available(self) -> bool:
        return is_real_keyring(keyring.get_keyring())

    def backend_name(self) -> str:
        backend = keyring.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def get(self, vault_id: str) -> bytes | None:
        try:
            value = keyring.get_password(SERVICE, vault_id)
            return base64.b64decode(value) if value else None
        except Exception as exc:  # noqa: BLE001 - any backend failure means "no secret here"
            log.warning("keyring read failed: %s", type(exc).__name__)
            return None

    def put(self, vault_id: str, secret: bytes) -> None:
        try:
            keyring.set_password(SERVICE, vault_id, base64.b64encode(secret).decode("ascii"))
        except KeyringError as exc:
            raise VaultError("error.keyring_unwritable", store=store_name()) from exc
