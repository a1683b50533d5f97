"""Rotating keys after an account leaves or loses a role: what she held stops opening anything.

New generations of the master key and of the field keys she held are sealed to every remaining
holder and the recovery slot (no passwords needed); every sealed value of those tiers is sealed
again in one transaction, the search tokens are rebuilt, the file is re-encrypted under the new
master key (``PRAGMA rekey``), and only then are the old generations dropped. Her old slot, a
copy of the files she kept and ``kdrt.keys.prev`` therefore open nothing written from then on.
A cancelled rotation takes the new generations back; one a crash interrupted is finished at the
next admin login. Accounts still waiting for their own key pair (upgraded from version 1 and not
logged in since) cannot receive the new master key and need a password reset afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kdrt_desk.db.engine import rekey_engine
from kdrt_desk.db.session import Database
from kdrt_desk.repositories.participants import rebuild_search_tokens
from kdrt_desk.repositories.sealed_values import reseal_values
from kdrt_desk.security.key_custody import KeyCustody
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.tiers import KeyName, Tier, keys_for_role
from kdrt_desk.security.vault_keys import Unlocked, VaultKeys
from kdrt_desk.services import audit_log
from kdrt_desk.vault_files import VaultPaths

if TYPE_CHECKING:
    from kdrt_desk.domain.enums import Role
    from kdrt_desk.services.vault_access import OpenVault


def keys_to_rotate(role: Role) -> frozenset[KeyName]:
    """What an account of ``role`` held that a rotation replaces (the signing key stays with
    the admins: certificates she signed are signed again only if the admin asks)."""
    return keys_for_role(role) - {KeyName.SIGNING}


def rotate_keys(vault: OpenVault, names: frozenset[KeyName], account: str,
                progress: Callable[[int], bool] | None = None) -> None:
    """Rotate ``names`` (after ``account`` left or was demoted); audited. ``progress(rows)``
    returning False cancels: the database rolls back and the new generations are taken back.
    Once the values are sealed under the new generations (committed) nothing is taken back: a
    fault after that leaves the rotation to be finished at the next admin login."""
    vault.actor.require(Permission.MANAGE_USERS)
    custody = vault.custody()
    custody.begin_rotation(names)
    vault.keys.save()
    try:
        _reseal(vault.keys, vault.holder, vault.db, progress)
    except BaseException:
        custody.abort_rotation()
        vault.keys.save()
        _reload(vault.db, vault.holder)
        raise
    _finish(vault.keys, vault.holder, vault.db)
    with vault.db.transaction() as session:
        audit_log.append(session, vault.actor.username, "keys_rotated", account,
                         {"keys": sorted(n.value for n in names)})


def resume_rotation(paths: VaultPaths, keys: VaultKeys, holder: Unlocked,
                    db: Database) -> Database:
    """Finish a rotation a crash interrupted (at an admin's login)."""
    if keys.file().rotation is None:
        return db
    _reseal(keys, holder, db, None)
    _finish(keys, holder, db)
    with db.transaction() as session:
        audit_log.append(session, "system", "keys_rotated", "", {"resumed": True})
    return db


def _rotating(keys: VaultKeys) -> frozenset[KeyName]:
    rotation = keys.file().rotation
    return frozenset() if rotation is None else frozenset(KeyName(n) for n in rotation["gens"])


def _reseal(keys: VaultKeys, holder: Unlocked, db: Database,
            progress: Callable[[int], bool] | None) -> None:
    """Every value of the rotated tiers sealed again, in one transaction."""
    names = _rotating(keys)
    tiers = frozenset(Tier(n.value) for n in names if n.value in {t.value for t in Tier})
    _reload(db, holder)
    if tiers:
        with db.transaction() as session:
            reseal_values(session, db.keys, tiers, progress)
            if Tier.CONTACT in tiers:
                rebuild_search_tokens(session)


def _finish(keys: VaultKeys, holder: Unlocked, db: Database) -> None:
    """The file under the new master key, then the old generations dropped."""
    if KeyName.MASTER in _rotating(keys):
        newest = holder.newest(KeyName.MASTER)
        if db.engine.kdrt_creator.key != newest:  # type: ignore[attr-defined]
            rekey_engine(db.engine, newest)
    KeyCustody(keys, holder).finish_rotation()
    keys.save()
    _reload(db, holder)


def _reload(db: Database, holder: Unlocked) -> None:
    from kdrt_desk.services.vault_access import tier_keys

    db.keys.reload(tier_keys(holder))
