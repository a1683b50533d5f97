"""One PC, several Windows accounts: the PC's shared data folder (open only to the Windows users
the admin names) and linking another account to it with an admin's login.

Each Windows account keeps the installation secret in its own Credential Manager. On an account
that has none yet, the recovery code puts it there (``unlock_with_recovery``), or an admin logs in
once: her entry in ``kdrt.link`` (``security.link_file``) gives the secret on this PC only, and
the secret is kept only after her own slot opened with it and her signed role is Admin.

Who may open the folder is kept in the encrypted database (``Setting`` ``shared_windows_users``,
changed only by an admin, audited), never read from a file in the folder: a named staff member
can write there, and must not decide whom the admin's ``icacls`` removes, nor add to its command.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from kdrt_desk.db.session import Database
from kdrt_desk.domain.enums import Role
from kdrt_desk.errors import UserError, ValidationError, VaultError
from kdrt_desk.models import Setting
from kdrt_desk.security import machine_seal
from kdrt_desk.security.crypto import DEFAULT_KDF, KdfParams
from kdrt_desk.security.key_custody import certified_role
from kdrt_desk.security.link_file import LINK_NAME, LinkFile
from kdrt_desk.security.permissions import Permission
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.security.vault_keys import VaultKeys
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.vault_access import OpenVault, open_vault
from kdrt_desk.vault_files import VaultPaths

USERS_SETTING = "shared_windows_users"  # JSON list: this vault is in the PC's shared folder
MAX_USERS = 30
# a local Windows account name: at most 20 characters, none of " / \ [ ] : ; | = , + * ? < > @
_WINDOWS_NAME = re.compile(r'^[^"/\\\[\]:;|=,+*?<>@\x00-\x1f]{1,20}$')
# groups, not people: naming one would open the folder to every account in it
_GROUPS = frozenset({"everyone", "users", "authenticated users", "administrators", "guests",
                     "system", "interactive", "network", "service", "creator owner",
                     "pengguna", "semua orang", "administrator"})
log = logging.getLogger(__name__)

Run = Callable[..., subprocess.CompletedProcess[bytes]]


# -- the shared folder --------------------------------------------------------------------------
def parse_windows_users(text: str) -> list[str]:
    """The Windows accounts typed (commas or new lines between them), each once whatever its
    case (Windows names ignore case)."""
    names = [part.strip() for part in re.split(r"[,\n]", text)]
    first: dict[str, str] = {}
    for name in names:
        if name:
            first.setdefault(name.casefold(), name)
    found = list(first.values())
    problems = [UserError("error.windows_user_invalid", field="windows_users", name=n[:40])
                for n in found if not _WINDOWS_NAME.match(n) or n != n.strip(". ")]
    problems += [UserError("error.windows_user_group", field="windows_users", name=n)
                 for n in found if n.casefold() in _GROUPS]
    if len(found) > MAX_USERS:
        problems.append(UserError("error.windows_users_too_many", field="windows_users",
                                  limit=MAX_USERS))
    if problems:
        raise ValidationError(problems[:1])
    return found


def icacls_arguments(folder: Path, owner: str, users: Sequence[str],
                     removed: Sequence[str] = ()) -> list[str]:
    """Only she and the users she named may open the folder; nothing inherited from
    ProgramData (where every user of the PC may read), the same for what is made inside (and,
    Windows propagating the change, for what is there). ``removed``: named before, no more."""
    keep = {name.casefold() for name in (owner, *users)}
    grants = [f"{owner}:(OI)(CI)F",
              *(f"{name}:(OI)(CI)M" for name in users if name.casefold() != owner.casefold())]
    arguments = ["icacls", str(folder), "/inheritance:r"]
    for grant in grants:
        arguments += ["/grant:r", grant]
    gone = [name for name in removed if name.casefold() not in keep]
    if gone:
        arguments += ["/remove:g", *gone]
    return arguments


def restrict_folder(folder: Path, users: Sequence[str], *, platform: str = sys.platform,
                    run: Run = subprocess.run, owner: str | None = None,
                    removed: Sequence[str] = ()) -> None:
    """Open ``folder`` only to ``users`` and the account running this; elsewhere than Windows
    (no named users there), to this account alone. Every name is checked again here."""
    checked = parse_windows_users(",".join(users))
    gone = parse_windows_users(",".join(removed))
    if platform != "win32":
        folder.chmod(0o700)
        return
    completed = run(icacls_arguments(folder, owner or getpass.getuser(), checked, gone),
                    capture_output=True, check=False)
    if completed.returncode != 0:
        detail = (completed.stdout or b"").decode("utf-8", "replace").strip().splitlines()
        raise VaultError("error.shared_folder_acl", detail=(detail[-1] if detail else "")[:200])


def prepare_shared_folder(folder: Path, users: Sequence[str], *,
                          platform: str = sys.platform, run: Run = subprocess.run) -> None:
    """Make the PC's shared folder, open only to ``users``. It must not exist yet: a folder
    someone else made there first would stay hers (its owner may always change its access).
    A failure leaves no folder behind."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir()
    except FileExistsError:
        raise VaultError("error.shared_folder_exists", folder=str(folder)) from None
    except OSError as exc:
        raise VaultError("error.folder_read_only") from exc
    try:
        restrict_folder(folder, users, platform=platform, run=run)
    except BaseException:
        folder.rmdir()
        raise


def discard_shared_folder(folder: Path) -> None:
    """The folder ``prepare_shared_folder`` made, when making the vault in it failed."""
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty: nothing of anyone's is removed


def _stored_users(db: Database) -> list[str] | None:
    with db.reading() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == USERS_SETTING))
    if value is None:
        return None
    try:
        return [str(name) for name in json.loads(value)]
    except (ValueError, TypeError):
        return []


class SharedFolderService:
    """Who may open the PC's shared folder, seen and changed by an admin (a new colleague's
    Windows account, or one that left)."""

    def __init__(self, db: Database, actor: Actor, data_dir: Path, *,
                 platform: str = sys.platform, run: Run = subprocess.run) -> None:
        self.db, self.actor, self.data_dir = db, actor, data_dir
        self.platform, self.run = platform, run

    def users(self) -> list[str] | None:
        """The Windows accounts named; None when this is one account's own folder."""
        return _stored_users(self.db)

    def change_users(self, text: str) -> list[str]:
        self.actor.require(Permission.SETTINGS)
        users = parse_windows_users(text)
        before = _stored_users(self.db)
        if before is None:
            raise VaultError("error.not_shared_folder")
        kept = {name.casefold() for name in users}
        removed = [name for name in before if name.casefold() not in kept]
        with self.db.transaction() as session:
            row = session.scalar(select(Setting).where(Setting.key == USERS_SETTING))
            assert row is not None
            row.value = json.dumps(users)
            audit_log.append(session, self.actor.username, "shared_users_changed",
                             details={"windows_users": ", ".join(users) or "-",
                                      "removed": ", ".join(removed) or "-"})
            session.flush()
            # the folder's access last, inside the transaction: refused, nothing is recorded
            restrict_folder(self.data_dir, users, platform=self.platform, run=self.run,
                            removed=removed)
        return users


def shared_setting(users: Sequence[str]) -> Setting:
    """The setting a vault made in the PC's shared folder starts with (``create_vault``)."""
    return Setting(key=USERS_SETTING, value=json.dumps(list(users)))


# -- linking another Windows account -----------------------------------------------------------
class _KnownSecret(SecretStore):
    """The keyring, with one vault's secret already known (not yet written to it)."""

    def __init__(self, store: SecretStore, vault_id: str, secret: bytes) -> None:
        self.store, self.vault_id, self.secret = store, vault_id, secret

    def available(self) -> bool:
        return self.store.available()

    def get(self, vault_id: str) -> bytes | None:
        return self.secret if vault_id == self.vault_id else self.store.get(vault_id)

    def put(self, vault_id: str, secret: bytes) -> None:
        self.store.put(vault_id, secret)


def open_for_login(data_dir: Path, username: str, password: str, *,
                   store: SecretStore | None = None, kdf: KdfParams = DEFAULT_KDF,
                   defer_login: bool = False) -> OpenVault:
    """The login: ``open_vault``, and in the PC's shared folder an admin's entry kept current,
    or (this Windows account has no secret yet) this account linked by an admin's login."""
    store = store or SecretStore()
    try:
        vault = open_vault(data_dir, username, password, store=store, kdf=kdf,
                           defer_login=defer_login)
    except VaultError as exc:
        if exc.key != "error.keyring_secret_missing" or not (data_dir / LINK_NAME).exists():
            raise
        return _link_this_account(data_dir, username, password, store, kdf, defer_login)
    keep_link(vault, password)
    return vault


def _link_this_account(data_dir: Path, username: str, password: str, store: SecretStore,
                       kdf: KdfParams, defer_login: bool) -> OpenVault:
    seal = machine_seal.current()
    if seal is None:
        raise VaultError("error.keyring_secret_missing_shared")
    paths = VaultPaths(data_dir)
    keys = VaultKeys(paths.keys, store, kdf)
    keys.refuse_if_damaged(username)
    keyfile = keys.file()
    slot_id = keys.slot_id(username)
    slot = keyfile.slots.get(slot_id)
    link = LinkFile.load(data_dir / LINK_NAME, keys.vault_id)
    entry = link.entries.get(slot_id)
    if slot is None or entry is None or entry.kdf != slot.kdf:
        # not an admin (or no such name): her password opens no entry; an entry whose cost
        # is not her slot's was not written by the app
        raise VaultError("error.keyring_secret_missing_shared")
    lockout = keyfile.guard.lockout.get(slot_id)
    if lockout is not None and lockout.locked_until is not None and \
            datetime.fromisoformat(lockout.locked_until) > datetime.now(UTC):
        raise VaultError("error.account_locked", minutes=5)
    secret = link.open(slot_id, password, seal)
    if secret is None:
        raise VaultError("error.wrong_login")
    known = _KnownSecret(store, keys.vault_id, secret)
    # the secret must open her own slot, before the guard (sealed with the real secret) is read
    if VaultKeys(paths.keys, known, kdf).peek(username, password) is None:
        raise VaultError("error.wrong_login")
    if certified_role(keyfile, slot_id) != Role.ADMIN:
        raise VaultError("error.keyring_secret_missing_shared")
    # the login is recorded after the link (its event goes to the audit log with it)
    vault = open_vault(data_dir, username, password, store=known, kdf=kdf, defer_login=True)
    try:
        if vault.actor.role != Role.ADMIN:
            raise VaultError("error.keyring_secret_missing_shared")
        vault.keys.note_event("account_linked", slot_id)  # recorded before the secret is kept
        store.put(vault.keys.vault_id, secret)
        if not defer_login:
            vault.finish_login()
    except BaseException:
        vault.close()
        raise
    vault.warnings.append("warning.account_linked")
    return vault


def keep_link(vault: OpenVault, password: str) -> None:
    """An admin's login in the shared folder on a PC that can seal: her entry written again
    (for her present password, sealed on this PC); entries of accounts no longer Admin, whose
    password was reset or sealed on another PC, removed. Never fails the login (or the password
    change) it follows: linking is then done with the recovery code."""
    try:
        _keep_link(vault, password)
    except Exception as exc:  # noqa: BLE001 - a damaged link file must not stop an admin
        log.warning("the link file was not kept current: %s", type(exc).__name__)


def _keep_link(vault: OpenVault, password: str) -> None:
    seal = machine_seal.current()
    data_dir = vault.paths.data_dir
    if seal is None or vault.actor.role != Role.ADMIN or _stored_users(vault.db) is None:
        return
    keys = vault.keys
    keyfile = keys.file()
    secret = keys.installation_secret()
    if secret is None:
        return
    path = data_dir / LINK_NAME
    link = LinkFile.load(path, keyfile.vault_id)
    for slot_id in list(link.entries):
        try:
            kept = slot_id in keyfile.slots and certified_role(keyfile, slot_id) == Role.ADMIN
        except VaultError:
            kept = False
        # another admin's password reset (a new slot salt): her entry no longer opens her slot
        if not kept or (slot_id != vault.holder.slot_id
                        and not link.current(slot_id, keyfile.slots[slot_id].salt, seal)):
            del link.entries[slot_id]
    # hers, written each time: an entry someone else wrote under her slot (staff on this PC have
    # the secret and the seal) would otherwise look current and make every link fail
    slot = keyfile.slots.get(vault.holder.slot_id)
    if slot is not None:
        link.put(slot.slot_id, slot.salt, password, secret, slot.kdf, seal)
    link.save(path)
