"""A vault's staff for tests that switch users: one login open at a time."""

from __future__ import annotations

from kdrt_desk.domain.enums import Role
from kdrt_desk.wiring import Services
from support.constants import PASSWORD
from support.vault_fixture import VaultFixture

MEMBERS = (("konselor1", Role.KONSELOR), ("konselor2", Role.KONSELOR), ("staf1", Role.STAF),
           ("fasilitator1", Role.FASILITATOR))


class Team:
    """Logs in as one staff member at a time (a vault is open in one place only)."""

    def __init__(self, vault: VaultFixture) -> None:
        self.vault = vault
        self.name = ""
        self.services: Services | None = None

    @classmethod
    def hired(cls, vault: VaultFixture) -> Team:
        """Admin, two case workers, one office staff member and a facilitator."""
        admin = vault.services()
        for name, role in MEMBERS:
            admin.accounts.add_account(name, role, PASSWORD)
        admin.close()
        return cls(vault)

    def __call__(self, name: str) -> Services:
        if self.services is None or self.name != name:
            self.close()
            self.services = self.vault.services(name)
            self.name = name
        return self.services

    def close(self) -> None:
        if self.services is not None:
            self.services.close()
            self.services = None
