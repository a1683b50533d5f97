"""Builds the services for an opened vault once, for the GUI (``app.py``) and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from kdrt_desk.services.accounts import AccountService
from kdrt_desk.services.audit_log import AuditService
from kdrt_desk.services.participants import ParticipantService
from kdrt_desk.services.recovery import RecoveryService
from kdrt_desk.services.settings import SettingsService
from kdrt_desk.services.vault_access import OpenVault


def default_data_dir() -> Path:
    return Path(user_data_dir("KDRT Desk", "KDRT Desk", roaming=False))


@dataclass
class Services:
    vault: OpenVault
    participants: ParticipantService
    accounts: AccountService
    audit: AuditService
    settings: SettingsService
    recovery: RecoveryService

    def close(self) -> None:
        self.vault.close()


def build_services(vault: OpenVault) -> Services:
    return Services(
        vault=vault,
        participants=ParticipantService(vault.db, vault.actor),
        accounts=AccountService(vault),
        audit=AuditService(vault.db, vault.actor),
        settings=SettingsService(vault.db, vault.actor),
        recovery=RecoveryService(vault),
    )
