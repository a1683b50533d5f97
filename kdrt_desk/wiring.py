"""Builds the services for an opened vault once, for the GUI (``app.py``) and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass

from kdrt_desk.services.accounts import AccountService
from kdrt_desk.services.audit_log import AuditService
from kdrt_desk.services.participants import ParticipantService
from kdrt_desk.services.recovery import RecoveryService
from kdrt_desk.services.settings import SettingsService
from kdrt_desk.services.vault_access import OpenVault
from kdrt_desk.vault_files import default_data_dir

__all__ = ["Services", "build_services", "default_data_dir"]


@dataclass
class Services:
    vault: OpenVault
    participants: ParticipantService
    accounts: AccountService
    audit: AuditService
    settings: SettingsService
    recovery: RecoveryService
    # screening stage (issue 3): screening, criteria, decisions
    # consent, services and referrals, timeline, dashboard (issue 3)

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
        # screening stage (issue 3): screening, criteria, decisions
        # consent, services and referrals, timeline, dashboard (issue 3)
    )
