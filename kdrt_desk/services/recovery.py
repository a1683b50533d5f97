"""Replacing the recovery code: the new sheet is written first, then the old code stops working."""

from __future__ import annotations

from collections.abc import Callable

from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.recovery_code import generate_recovery_code
from kdrt_desk.services import audit_log
from kdrt_desk.services.vault_access import OpenVault


class RecoveryService:
    def __init__(self, vault: OpenVault) -> None:
        self.vault = vault

    def replace_recovery_code(self, write_sheet: Callable[[str], None]) -> None:
        """``write_sheet(code)`` must save the new recovery sheet; if it fails nothing changes."""
        self.vault.actor.require(Permission.MANAGE_USERS)
        code = generate_recovery_code()
        write_sheet(code)
        with self.vault.db.transaction() as session:
            audit_log.append(session, self.vault.actor.username, "recovery_code_replaced")
            session.flush()
            self.vault.custody().replace_recovery(code)
            self.vault.keys.save()
