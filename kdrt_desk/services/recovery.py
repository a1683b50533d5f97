"""The recovery sheet: writing it (one way for every screen and the CLI), and replacing the
recovery code (the new sheet is written first, then the old code stops working)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from kdrt_desk.security.atomic_file import OutputWriter
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.recovery_code import generate_recovery_code
from kdrt_desk.services import audit_log
from kdrt_desk.services.vault_access import OpenVault


def sheet_file_name(day: date | None = None) -> str:
    """The suggested file name, dated: a new sheet never suggests the old one's name."""
    return f"lembar-pemulihan-kdrt-desk-{(day or date.today()).isoformat()}.pdf"


def write_recovery_sheet(data_dir: Path, path: Path, *, centre_name: str, centre_address: str,
                         code: str, vault_id: str, lang: str, overwrite: bool) -> None:
    """The sheet as a PDF at ``path`` (atomically; never into the data folder, where the code
    beside the vault would open it; an existing file only with ``overwrite``)."""
    from kdrt_desk.reports.recovery_sheet import RecoverySheet, recovery_sheet_pdf  # reportlab

    sheet = RecoverySheet(centre_name, centre_address, code, date.today(), vault_id[:8])
    OutputWriter(data_dir).write(path, recovery_sheet_pdf(sheet, lang), overwrite=overwrite)


class RecoveryService:
    def __init__(self, vault: OpenVault) -> None:
        self.vault = vault

    def replace_recovery_sheet(self, path: Path, *, lang: str, overwrite: bool = False) -> None:
        """A new recovery code, its sheet (with the centre's name and address) written to
        ``path`` first, atomically; then the old code stops working (audited)."""
        from kdrt_desk.services.settings import SettingsService

        vault = self.vault
        vault.actor.require(Permission.MANAGE_USERS)
        centre = SettingsService(vault.db, vault.actor).current()

        def write(code: str) -> None:
            write_recovery_sheet(vault.paths.data_dir, path, centre_name=centre.centre_name,
                                 centre_address=centre.centre_address, code=code,
                                 vault_id=vault.keys.vault_id, lang=lang, overwrite=overwrite)

        self.replace_recovery_code(write)

    def replace_recovery_code(self, write_sheet: Callable[[str], None]) -> None:
        """``write_sheet(code)`` must save the new recovery sheet; if it fails nothing changes."""
        self.vault.actor.require(Permission.MANAGE_USERS)
        code = generate_recovery_code()
        write_sheet(code)
        with self.vault.keys.changing(), self.vault.db.transaction() as session:
            audit_log.append(session, self.vault.actor.username, "recovery_code_replaced")
            session.flush()
            self.vault.custody().replace_recovery(code)
            self.vault.keys.save()
