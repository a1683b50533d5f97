"""Upgrading a vault made before sealed fields, and finishing what a crash interrupted.

The key file with the new keys is written first (atomically; the old one stays as
``kdrt.keys.prev``), then every sealed value is encrypted in one database transaction. A crash
between the two leaves a key file marked ``upgrade_pending``, and the next admin login finishes
the upgrade. Afterwards no copy readable with the master key alone remains: the WAL is emptied,
the file vacuumed, and the ``kdrt.db.before-upgrade`` copy removed once every sealed value has
been read back.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from kdrt_desk.db import migrate
from kdrt_desk.db.engine import checkpoint, integrity_check, vacuum
from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import UserError, VaultError, os_error_key
from kdrt_desk.models import StaffAccount
from kdrt_desk.repositories.sealed_values import unreadable_values
from kdrt_desk.security.key_custody import KeyCustody
from kdrt_desk.security.keyfile import account_slot_id
from kdrt_desk.security.tiers import KeyName
from kdrt_desk.security.vault_keys import Unlocked, VaultKeys
from kdrt_desk.vault_files import VaultPaths

if TYPE_CHECKING:
    from kdrt_desk.services.vault_access import OpenVault

log = logging.getLogger(__name__)
BEFORE_UPGRADE = ".before-upgrade"


def before_upgrade_path(paths: VaultPaths) -> Path:
    return paths.database.with_name(paths.database.name + BEFORE_UPGRADE)


def upgrade_version_1(vault: OpenVault, write_sheet: Callable[[str], None]) -> OpenVault:
    """Upgrade the version 1 vault ``vault`` (an ``OpenVault`` with ``upgrade_required``).

    ``write_sheet(code)`` must save the new recovery sheet (the old code stops opening the vault,
    because the recovery slot must receive the new field keys); if it fails nothing changes.
    Returns the vault opened again as a version 2 vault (the same login)."""
    from kdrt_desk.services.vault_access import reopen_after_upgrade

    if not vault.upgrade_required:
        raise UserError("error.upgrade_not_needed")
    keys, holder = vault.keys, vault.holder
    with vault.db.engine.connect() as conn:
        accounts = conn.execute(select(StaffAccount.username, StaffAccount.role)
                                .where(StaffAccount.active.is_(True))).all()
    roles = {account_slot_id(keys.vault_id, name): Role(role) for name, role in accounts}
    code = keys.new_recovery_code()
    write_sheet(code)
    KeyCustody(keys, holder).upgrade_from_v1(code, roles)
    keys.save()  # the keys first: a crash from here on is finished at the next admin login
    finish_pending_upgrade(vault.paths, keys, holder, vault.db)
    vault.db.dispose()
    return reopen_after_upgrade(vault)


def finish_pending_upgrade(paths: VaultPaths, keys: VaultKeys, holder: Unlocked,
                           db: Database) -> None:
    """Seal every value (one transaction), check them all, leave no plaintext copy."""
    from kdrt_desk.services.vault_access import field_keys_of

    if not holder.holds(KeyName.SIGNING):
        raise VaultError("error.upgrade_needs_admin")  # an admin whose keys are still to come
    field_keys = field_keys_of(holder)
    db.check_structure()  # a damaged file is not copied and migrated
    copy = before_upgrade_path(paths)
    checkpoint(db.engine)
    try:
        shutil.copy2(paths.database, copy)  # a way back if the migration itself fails
    except OSError as exc:
        raise VaultError(os_error_key(exc)) from exc
    migrate.upgrade(db.engine, field_keys)
    sealed = db.with_keys(field_keys, None)
    with sealed.reading() as session:
        broken = unreadable_values(session, field_keys)
        legacy_left = session.execute(text(
            "SELECT count(*) FROM participant WHERE typeof(nik) = 'text'")).scalar()
    if broken or legacy_left or integrity_check(db.engine) != "ok":
        log.error("the upgraded vault did not read back whole; the copy is kept")
        raise VaultError("error.upgrade_not_verified")
    checkpoint(db.engine)
    vacuum(db.engine)
    with contextlib.suppress(FileNotFoundError):
        copy.unlink()
    KeyCustody(keys, holder).finish_upgrade()
    keys.save()
