"""What a vault that cannot be opened is offered: the newest automatic backup in its data folder.

A damaged, truncated, emptied or replaced ``kdrt.db`` or ``kdrt.keys`` is never written over; the
login window (a button) and the headless commands (a line naming the file and the command) offer
to restore the newest automatic backup instead. Which errors are such damage is
``CURED_BY_RESTORE``; a wrong password, a lock-out or a vault in use are not. Only the backups'
plaintext headers are read (the vault's id, to skip another vault's backups); the restore checks
the chosen one whole before anything is replaced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kdrt_desk.errors import UserError
from kdrt_desk.services.backups import AUTO_FOLDER, automatic_backups
from kdrt_desk.vault_files import KEYS_NAME

CURED_BY_RESTORE = frozenset({
    "error.database_damaged", "error.database_missing", "error.database_empty",
    "error.database_foreign", "error.keyfile_damaged", "error.keyfile_damaged_previous_ok",
    "error.keyfile_missing", "error.keyfile_foreign", "error.wal_damaged",
})


@dataclass(frozen=True)
class BackupOffer:
    path: Path
    made_at: datetime  # from its name (UTC)

    def made_text(self) -> str:
        """When it was made, in local time and the chosen language's words."""
        from kdrt_desk.i18n import format_date, t

        local = self.made_at.astimezone()
        return t("ui.restore.when", day=format_date(local.date()), time=local.strftime("%H:%M"))


def _vault_id(data_dir: Path) -> str | None:
    """The id the key file names, when it can still be read as JSON (a damaged one may not)."""
    try:
        found = json.loads((data_dir / KEYS_NAME).read_text(encoding="utf-8"))["vault_id"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found if isinstance(found, str) else None


def newest_automatic_backup(data_dir: Path) -> BackupOffer | None:
    """The newest automatic backup (by sequence number) of this vault, or None.

    One of the vault the key file names comes first; when it names none (missing, damaged) or
    another vault's key file was put here, the newest backup in the folder is offered: the
    restore opens it only with a staff password or the recovery code of its own vault."""
    from kdrt_desk.security.backup_file import read_header

    vault_id = _vault_id(data_dir)
    fallback: BackupOffer | None = None
    for _sequence, made_at, path in automatic_backups(data_dir / AUTO_FOLDER):
        try:
            with path.open("rb") as handle:
                header = read_header(handle)[0]
        except (UserError, OSError):
            continue  # unreadable or not a backup: the next one
        if header.vault_id == vault_id:
            return BackupOffer(path, made_at)
        fallback = fallback or BackupOffer(path, made_at)
    return fallback


def restore_hint(data_dir: Path) -> str:
    """For the headless commands: the newest automatic backup and the two commands that check,
    then restore it (or, with none here, the command for a backup file from elsewhere)."""
    from kdrt_desk.i18n import t

    offer = newest_automatic_backup(data_dir)
    if offer is None:
        return t("cli.restore_hint_none", folder=str(data_dir))
    return t("cli.restore_hint", path=str(offer.path), when=offer.made_text(),
             folder=str(data_dir))


__all__ = ["CURED_BY_RESTORE", "BackupOffer", "newest_automatic_backup", "restore_hint"]
