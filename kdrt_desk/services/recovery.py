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
    data = recovery_sheet_bytes(centre_name=centre_name, centre_address=centre_address,
                                code=code, vault_id=vault_id, lang=lang)
    OutputWriter(data_dir).write(path, data, overwrite=overwrite)


def recovery_sheet_bytes(*, centre_name: str, centre_address: str, code: str, vault_id: str,
                         lang: str) -> bytes:
    """The sheet ``write_recovery_sheet`` writes, as bytes (for the preview: on screen only)."""
    from kdrt_desk.reports.recovery_sheet import RecoverySheet, recovery_sheet_pdf  # reportlab

    sheet = RecoverySheet(centre_name, centre_address, code, date.today(), vault_id[:8])
    return recovery_sheet_pdf(sheet, lang)


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

    def new_recovery_sheet(self, *, lang: str) -> tuple[str, bytes]:
        """A new code, not yet in force, and its sheet (for the preview). The old code keeps
        working until ``put_in_force(code, ...)`` after the sheet was printed or saved."""
        from kdrt_desk.services.settings import SettingsService

        vault = self.vault
        vault.actor.require(Permission.MANAGE_USERS)
        centre = SettingsService(vault.db, vault.actor).current()
        code = generate_recovery_code()
        return code, recovery_sheet_bytes(
            centre_name=centre.centre_name, centre_address=centre.centre_address, code=code,
            vault_id=vault.keys.vault_id, lang=lang)

    def write_sheet_for(self, code: str, path: Path, *, lang: str,
                        overwrite: bool = False) -> None:
        """Save the sheet of ``code`` (from ``new_recovery_sheet``) to ``path``, nothing else."""
        from kdrt_desk.services.settings import SettingsService

        vault = self.vault
        vault.actor.require(Permission.MANAGE_USERS)
        centre = SettingsService(vault.db, vault.actor).current()
        write_recovery_sheet(vault.paths.data_dir, path, centre_name=centre.centre_name,
                             centre_address=centre.centre_address, code=code,
                             vault_id=vault.keys.vault_id, lang=lang, overwrite=overwrite)

    def replace_recovery_code(self, write_sheet: Callable[[str], None]) -> None:
        """``write_sheet(code)`` must save the new recovery sheet; if it fails nothing changes."""
        self.put_in_force(generate_recovery_code(), write_sheet)

    def put_in_force(self, code: str, write_sheet: Callable[[str], None] | None = None) -> None:
        """``code`` becomes the recovery code and the old one stops working (audited), once
        ``write_sheet(code)`` saved its sheet (None: the sheet was already printed)."""
        self.vault.actor.require(Permission.MANAGE_USERS)
        if write_sheet is not None:
            write_sheet(code)
        with self.vault.keys.changing(), self.vault.db.transaction() as session:
            audit_log.append(session, self.vault.actor.username, "recovery_code_replaced",
                             details=None if write_sheet is not None else {"via": "printer"})
            session.flush()
            self.vault.custody().replace_recovery(code)
            self.vault.keys.save()
