"""The handle tests get for a fresh vault: its folder, recovery code and keyring, and logins."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.vault_access import OpenVault, open_vault
from kdrt_desk.wiring import Services, build_services
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.fake_os_keyring import MemoryKeyring


@dataclass
class VaultFixture:
    data_dir: Path
    recovery_code: str
    keyring: MemoryKeyring

    def open(self, user: str = ADMIN, password: str = PASSWORD) -> OpenVault:
        return open_vault(self.data_dir, user, password, store=SecretStore(), kdf=FAST_KDF)

    def services(self, user: str = ADMIN, password: str = PASSWORD) -> Services:
        return build_services(self.open(user, password))
