"""Encrypted backups: made, verified, remembered, and checked before a restore.

A backup is taken as one consistent snapshot on a connection of its own (``db.engine.snapshot``:
a read transaction and SQLite's backup API in one step, so it neither blocks the vault's writers
nor restarts when a roll-call writes), together with the key file as it was just before (so the
audit marks it carries never run ahead of the copied chain), and written as one file
(``security.backup_file``: nothing readable without a staff password or the recovery code, its
size rounded to a step). The file is written to a temporary name beside the target and moved into
place; then it is verified: decrypted into a private temporary folder with the key it was made
with, the copy opened read-only, ``PRAGMA integrity_check``, every table's row count compared with
the counts taken in the snapshot's own transaction, and the audit chain verified against the copied
key file's marks. A failed verification is kept as the last result and shown to the admin.

``check_backup`` is the restore drill: a backup file and a staff password (or the recovery code)
in, what it holds out (counts, when it was made, the audit chain), without touching any vault.

The audit head anchor: every backup's (encrypted) manifest carries the id and hash of the newest
audit entry of the very snapshot it copies, and its check proves the copied chain ends there. The
app remembers the anchor of its last good backup in the vault (the ``backup.last_good`` record)
and in this PC's OS keyring (``<vault id>.audit-anchor``), which a rollback of ``kdrt.db`` and
``kdrt.keys`` together does not undo; ``anchors_to_compare`` gathers those and the anchor of the
newest automatic backup (or of a backup named on the command line) for ``audit verify``. Whoever
controls this Windows account can still edit the keyring and delete the ``cadangan`` folder, so
the real protection is a backup kept elsewhere (``audit verify --against FILE``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kdrt_desk.errors import UserError, VaultError, os_error_key
from kdrt_desk.security.atomic_file import replace_file
from kdrt_desk.security.permissions import Permission
from kdrt_desk.services import audit_log
from kdrt_desk.services.actor import Actor
from kdrt_desk.services.audit_log import AuditAnchor

if TYPE_CHECKING:
    from kdrt_desk.security.secret_store import SecretStore

LAST = "backup.last"  # setting: the last backup's result (JSON)
LAST_GOOD = "backup.last_good"
LAST_OUTSIDE = "backup.last_good_outside"  # the last good one on another drive
AUTO = "backup.auto"  # setting: {"daily": bool, "on_close": bool}
AUTO_FOLDER = "cadangan"  # in the data folder
AUTO_PREFIX = "cadangan-"
AUTO_SUFFIX = ".bak"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
STALE = timedelta(days=7)
STALE_OUTSIDE = timedelta(days=30)
MANIFEST = "manifest.json"
ANCHOR_SUFFIX = ".audit-anchor"  # the keyring entry beside the installation secret
COUNTED = {  # what a restore check reports, by table
    "participant": "participants", "training_group": "groups", "training_session": "sessions",
    "attendance": "attendance", "certificate": "certificates", "staff_account": "accounts",
    "audit_entry": "audit"}
Report = Callable[[int, int], bool]


@dataclass(frozen=True)
class BackupCheck:
    """What a backup holds and whether it proved sound."""

    ok: bool
    problem: str = ""  # a catalogue key when not ok
    made_at: str = ""  # ISO (UTC), from the backup's own manifest
    counts: dict[str, int] = field(default_factory=dict)  # by table
    audit_entries: int = 0
    audit_ok: bool = False
    anchor: AuditAnchor | None = None  # the audit head at its snapshot (None: an older backup)

    def summary(self) -> dict[str, int]:
        return {label: self.counts.get(table, 0) for table, label in COUNTED.items()}


@dataclass(frozen=True)
class BackupRecord:
    """One backup as remembered in the vault (never its key, never a figure from inside)."""

    at: str  # ISO (UTC)
    path: str
    size: int
    ok: bool
    outside: bool  # on another drive than the vault (a USB stick, a network share)
    problem: str = ""
    kind: str = "manual"  # "manual", "automatic", "scheduled"
    anchor_id: int = 0  # the audit head anchor it carries (0: none)
    anchor_hash: str = ""
    anchor_at: str = ""

    @classmethod
    def from_json(cls, text: str | None) -> BackupRecord | None:
        if not text:
            return None
        try:
            return cls(**json.loads(text))
        except (TypeError, ValueError):
            return None

    @property
    def anchor(self) -> AuditAnchor | None:
        return AuditAnchor.from_json({"id": self.anchor_id, "hash": self.anchor_hash,
                                      "at": self.anchor_at})


@dataclass(frozen=True)
class AutoSettings:
    daily: bool = True
    on_close: bool = True


def rotation_keep(newest_first: list[datetime]) -> set[datetime]:
    """Which automatic backups to keep, given their times newest first by sequence number:
    the newest of each of the last ``KEEP_DAILY`` days that have one, of ``KEEP_WEEKLY`` ISO
    weeks and of ``KEEP_MONTHLY`` months, and always the newest. The order is the sequence's,
    not the clock's: a PC whose clock was set back a year still keeps the backup it made last
    (its time looks old), and one set forward does not make the older ones look newer."""
    keep: set[datetime] = set(newest_first[:1])
    for limit, period in ((KEEP_DAILY, lambda d: d.date()),
                          (KEEP_WEEKLY, lambda d: d.isocalendar()[:2]),
                          (KEEP_MONTHLY, lambda d: (d.year, d.month))):
        seen: list[object] = []
        for stamp in newest_first:
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(stamp)
    return keep


AUTO_NAME = re.compile(r"(?:(\d{6,})-)?(\d{8}-\d{6})")


def automatic_backups(folder: Path) -> list[tuple[int, datetime, Path]]:
    """The automatic backups in ``folder`` as (sequence, time, path), newest first by their
    sequence number (``cadangan-<sequence>-<time>.bak``; a name without one counts as 0)."""
    found = []
    if not folder.is_dir():
        return []
    for path in folder.glob(f"{AUTO_PREFIX}*{AUTO_SUFFIX}"):
        matched = AUTO_NAME.fullmatch(path.name[len(AUTO_PREFIX):-len(AUTO_SUFFIX)])
        if matched is None:
            continue
        try:
            stamp = datetime.strptime(matched.group(2), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append((int(matched.group(1) or 0), stamp, path))
    return sorted(found, key=lambda item: (item[0], item[1]), reverse=True)


@dataclass(frozen=True)
class BackupStatus:
    last: BackupRecord | None
    last_good: BackupRecord | None
    last_outside: BackupRecord | None
    warnings: tuple[str, ...] = ()  # catalogue keys
    automatic: tuple[Path, ...] = ()  # the automatic backups kept, newest first


def is_outside(target: Path, data_dir: Path) -> bool:
    """Another drive than the vault's: a different device (POSIX) or a removable or network
    drive (Windows)."""
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(str(target.resolve()))[0] + "\\"
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive)  # type: ignore[attr-defined]
        home = os.path.splitdrive(str(data_dir.resolve()))[0].lower()
        return kind in (2, 4) or drive[:-1].lower() != home  # removable, remote, other drive
    try:
        return target.resolve().parent.stat().st_dev != data_dir.resolve().stat().st_dev
    except OSError:
        return False


PRIVATE_PREFIX = ".kdrt-backup-"


@contextlib.contextmanager
def private_folder(near: Path) -> Iterator[Path]:
    """A temporary folder only this user can read, removed however the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=PRIVATE_PREFIX, dir=near))
    try:
        with contextlib.suppress(OSError):
            os.chmod(folder, 0o700)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_private_folders(data_dir: Path) -> int:
    """Remove the work folders of a backup or check that was killed midway; how many."""
    removed = 0
    for folder in data_dir.glob(f"{PRIVATE_PREFIX}*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


def _now() -> datetime:
    return datetime.now(UTC)


class BackupService:
    def __init__(self, vault: Any, actor: Actor, clock: Callable[[], datetime] = _now) -> None:
        self.vault = vault  # an OpenVault (its paths, key file and engine)
        self.actor = actor
        self.clock = clock

    # -- making ---------------------------------------------------------------------------------
    def make(self, target: Path, *, overwrite: bool = False, report: Report | None = None,
             kind: str = "manual") -> tuple[BackupRecord, BackupCheck]:
        """A verified backup at ``target`` (a file outside the data folder); both the file and
        the result of its verification. A cancel or a failure while writing leaves no file;
        a file that fails its verification is kept (it may still be useful) and the failure is
        remembered and shown."""
        from kdrt_desk.security.atomic_file import OutputWriter

        self.actor.require(Permission.BACKUP)
        real = OutputWriter(self.vault.paths.data_dir).check(target, overwrite=overwrite)
        return self._make(real, report=report, kind=kind)

    def _make(self, real: Path, *, report: Report | None, kind: str
              ) -> tuple[BackupRecord, BackupCheck]:
        from kdrt_desk.db.engine import snapshot
        from kdrt_desk.security.atomic_file import STAGED_SUFFIX, sweep_staged
        from kdrt_desk.security.backup_file import header_for, write_backup
        from kdrt_desk.security.crypto import random_key
        from kdrt_desk.security.keyfile import KeyFile

        paths = self.vault.paths
        key = random_key()
        made_at = self.clock()
        # what a backup killed midway left (backups run one at a time: one worker, one process)
        sweep_private_folders(paths.data_dir)
        sweep_staged(real.parent)
        with private_folder(paths.data_dir) as work:
            keys_copy = work / "kdrt.keys"
            keys_copy.write_bytes(paths.keys.read_bytes())  # before the snapshot: see above
            keyfile = KeyFile.load(keys_copy)
            db_copy = work / "kdrt.db"
            try:
                counts = snapshot(self.vault.db.engine, db_copy)
            except Exception as exc:  # noqa: BLE001 - a full disk or a damaged page: say which
                raise _storage_error(exc, work) from exc
            anchor = _head_of_copy(db_copy, self.vault.db.engine)
            manifest = work / MANIFEST
            manifest.write_text(json.dumps({
                "made_at": made_at.isoformat(), "counts": counts,
                "anchor": anchor.to_json() if anchor is not None else None}, sort_keys=True))
            header = header_for(keyfile, key)
            try:
                fd, tmp_name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=STAGED_SUFFIX,
                                                dir=real.parent)
            except OSError as exc:  # a read-only or full USB stick: nothing was written
                raise UserError(_os_key(exc), path=str(real)) from exc
            try:
                with os.fdopen(fd, "wb") as out:
                    write_backup(out, key, header, [(MANIFEST, manifest), ("kdrt.keys", keys_copy),
                                                    ("kdrt.db", db_copy)],
                                 report=_scaled(report, 0, 80))
                    out.flush()
                    os.fsync(out.fileno())
                replace_file(tmp_name, real)
            except BaseException as exc:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
                if isinstance(exc, OSError):
                    raise UserError(_os_key(exc), path=str(real)) from exc
                raise
        from kdrt_desk.security.atomic_file import sync_folder

        sync_folder(real.parent)
        check = self._verify(real, key, counts, anchor, report=_scaled(report, 80, 100))
        record = BackupRecord(made_at.isoformat(), str(real), real.stat().st_size, check.ok,
                              is_outside(real, paths.data_dir), check.problem, kind,
                              *((anchor.entry_id, anchor.entry_hash, anchor.at)
                                if anchor is not None else ()))
        self._remember(record)
        if check.ok and anchor is not None:
            self._keep_anchor(anchor, record.at)
        return record, check

    def _verify(self, path: Path, key: bytes, counts: dict[str, int],
                anchor: AuditAnchor | None = None, *, report: Report | None = None
                ) -> BackupCheck:
        """Decrypt with the key it was made with; open, check, count, verify the chain."""
        from kdrt_desk.security.backup_file import extract
        from kdrt_desk.security.keyfile import KeyFile

        with private_folder(self.vault.paths.data_dir) as work:
            try:
                files = extract(path, key, work, report=report)
            except UserError as exc:
                if exc.key == "error.cancelled":
                    raise
                return BackupCheck(False, exc.key)
            except OSError as exc:
                return BackupCheck(False, _os_key(exc))
            from kdrt_desk.db.engine import engine_key

            return _inspect(files, engine_key(self.vault.db.engine),
                            KeyFile.load(files["kdrt.keys"]), expected=counts, anchor=anchor)

    def _keep_anchor(self, anchor: AuditAnchor, made_at: str) -> None:
        """The new anchor into this PC's keyring, unless the one there is no longer in the
        vault's chain: then the vault was rolled back (or entries deleted) since, and the old
        anchor stays as the evidence ``audit verify`` names (a restore replaces it)."""
        from kdrt_desk.services.audit_log import anchor_problem

        store = getattr(self.vault.keys, "store", None)
        if store is None:
            return
        kept = keyring_anchor(store, self.vault.keys.vault_id)
        if kept is not None:
            with self.vault.db.reading() as session:
                if anchor_problem(session.connection(), kept):
                    return
        put_keyring_anchor(store, self.vault.keys.vault_id, anchor, made_at)

    def _remember(self, record: BackupRecord) -> None:
        """Keep the result. This runs beside the vault worker, which may be writing: the
        transaction's first statement is a write (an upsert), so it waits for the write lock
        like any writer instead of failing on a read snapshot a commit made stale."""
        from sqlalchemy.dialects.sqlite import insert

        from kdrt_desk.models import Setting

        text = json.dumps(asdict(record), sort_keys=True)
        keys = [LAST] + ([LAST_GOOD] if record.ok else []) + (
            [LAST_OUTSIDE] if record.ok and record.outside else [])
        with self.vault.db.transaction() as session:
            for name in keys:
                statement = insert(Setting).values(key=name, value=text)
                session.execute(statement.on_conflict_do_update(
                    index_elements=[Setting.key], set_={"value": text}))
            audit_log.append(session, self.actor.username,
                             "backup_made" if record.ok else "backup_failed", record.kind,
                             {"outside": record.outside, "problem": record.problem})

    # -- automatic backups, kept with rotation in the data folder -------------------------------
    def auto_settings(self) -> AutoSettings:
        from kdrt_desk.models import Setting

        self.actor.require(Permission.BACKUP)
        with self.vault.db.reading() as session:
            row = session.get(Setting, AUTO)
            text = row.value if row is not None else ""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        return AutoSettings(bool(data.get("daily", True)), bool(data.get("on_close", True)))

    def set_auto_settings(self, chosen: AutoSettings) -> None:
        from kdrt_desk.models import Setting

        self.actor.require(Permission.SETTINGS)
        text = json.dumps(asdict(chosen), sort_keys=True)
        with self.vault.db.transaction() as session:
            row = session.get(Setting, AUTO)
            if row is None:
                session.add(Setting(key=AUTO, value=text))
            else:
                row.value = text
            audit_log.append(session, self.actor.username, "backup_settings_changed", "",
                             asdict(chosen))

    @property
    def auto_folder(self) -> Path:
        return Path(self.vault.paths.data_dir) / AUTO_FOLDER

    def automatic_due(self, reason: str) -> bool:
        """Whether an automatic backup should be made now: ``daily`` (none in the last day)
        or ``close`` (the app is closing), as the settings say."""
        if not self.actor.may(Permission.BACKUP):
            return False
        chosen = self.auto_settings()
        if reason == "close":
            return chosen.on_close
        if not chosen.daily:
            return False
        found = self._automatic_files()
        if not found:
            return True
        # the newest by sequence: a clock set back (or forward) makes one at the first login
        # a day away from it either way, then the days count from that one
        return abs(self.clock() - found[0][0]) >= timedelta(days=1)

    def make_automatic(self, *, report: Report | None = None
                       ) -> tuple[BackupRecord, BackupCheck]:
        """A verified backup in the data folder's ``cadangan`` folder, then the rotation: the
        newest of each of the last 7 days, 4 weeks and 12 months are kept, older ones removed."""
        from kdrt_desk.security.instance_lock import make_private

        self.actor.require(Permission.BACKUP)
        folder = self.auto_folder
        try:
            folder.mkdir(exist_ok=True)
            make_private(folder, folder=True)
        except OSError as exc:
            raise UserError(_os_key(exc), path=str(folder)) from exc
        sequence = max((n for n, _s, _p in automatic_backups(folder)), default=0) + 1
        name = (f"{AUTO_PREFIX}{sequence:06d}-{self.clock().strftime('%Y%m%d-%H%M%S')}"
                f"{AUTO_SUFFIX}")
        done = self._make(folder / name, report=report, kind="automatic")
        self.rotate()
        return done

    def rotate(self) -> list[Path]:
        """Remove the automatic backups the rotation does not keep; the removed ones."""
        found = self._automatic_files()
        keep = rotation_keep([stamp for stamp, _p in found])
        removed = []
        for stamp, path in found:
            if stamp not in keep:
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
        return removed

    def _automatic_files(self) -> list[tuple[datetime, Path]]:
        """(time, path) of the automatic backups, newest first by sequence number."""
        return [(stamp, path) for _n, stamp, path in automatic_backups(self.auto_folder)]

    # -- what the admin sees --------------------------------------------------------------------
    def status(self) -> BackupStatus:
        from kdrt_desk.models import Setting

        self.actor.require(Permission.BACKUP)
        with self.vault.db.reading() as session:
            found = {name: BackupRecord.from_json(getattr(session.get(Setting, name), "value",
                                                          None))
                     for name in (LAST, LAST_GOOD, LAST_OUTSIDE)}
        now = self.clock()
        warnings: list[str] = []
        last, good, outside = found[LAST], found[LAST_GOOD], found[LAST_OUTSIDE]
        if last is not None and not last.ok:
            warnings.append("backup.warning.failed")
        if good is None or now - datetime.fromisoformat(good.at) > STALE:
            warnings.append("backup.warning.none_7_days")
        if outside is None or now - datetime.fromisoformat(outside.at) > STALE_OUTSIDE:
            warnings.append("backup.warning.none_outside_30_days")
        return BackupStatus(last, good, outside, tuple(warnings),
                            tuple(p for _s, p in self._automatic_files()))


# -- the restore drill and the restore -----------------------------------------------------------
@dataclass(frozen=True)
class RestoreResult:
    check: BackupCheck
    kept_aside: Path | None  # the vault that was replaced, kept whole in this folder
    reapplied: int = 0  # anonymisations of later ledgers applied again to the restored vault


Ledger = dict[int, date]  # the erasure ledger: participant id -> the day she was anonymised


def ledger_of(engine: Any) -> Ledger:
    """A vault's erasure ledger: every anonymised participant and the day (nothing else). It
    travels in every later backup with the records themselves."""
    from sqlalchemy import text

    with engine.connect() as conn:
        return {int(pid): date.fromisoformat(str(day)[:10]) for pid, day in conn.execute(text(
            "SELECT id, anonymised_on FROM participant WHERE anonymised_on IS NOT NULL"))}


def _ledger_of_file(database: Path, master: bytes) -> Ledger:
    from kdrt_desk.db.engine import encrypted_engine

    engine = encrypted_engine(database, master)
    try:
        return ledger_of(engine)
    finally:
        engine.dispose()


def _replaced_ledger(data_dir: Path, vault_id: str, username: str | None, password: str,
                     recovery_code: str, store: SecretStore | None) -> Ledger:
    """The ledger of the vault a restore replaces (same vault only; nothing written to it)."""
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.security.vault_keys import VaultKeys
    from kdrt_desk.vault_files import VaultPaths

    paths = VaultPaths(data_dir)
    if not (paths.keys.exists() and paths.database.exists()):
        return {}
    try:
        keys = VaultKeys(paths.keys, store if store is not None else SecretStore())
        if keys.vault_id != vault_id:
            return {}  # another vault: its ids are other women
        holder = (keys.peek(username or "", password) if not recovery_code
                  else keys.unlock_with_recovery(recovery_code))
        if holder is None:
            return {}
        for master in holder.masters_newest_first():
            try:
                return _ledger_of_file(paths.database, master)
            except Exception:  # noqa: BLE001, S112 - the next key, or a damaged file
                continue
    except (UserError, OSError):
        return {}  # a damaged vault is replaced precisely because it cannot be read
    return {}


def _newer_backup_ledgers(folder: Path, than: str, vault_id: str, username: str | None,
                          password: str, recovery_code: str, store: SecretStore | None,
                          near: Path) -> Ledger:
    """The ledger of the newest automatic backup made after ``than`` that opens."""
    from kdrt_desk.security.backup_file import read_header

    found: list[Path] = []
    for _n, _stamp, path in automatic_backups(folder):
        try:
            with path.open("rb") as handle:
                if read_header(handle)[0].vault_id != vault_id:
                    continue
        except (UserError, OSError):
            continue
        found.append(path)
    for path in found:  # newest first by sequence number
        try:
            opened = _open_backup(path, username, password, recovery_code, store)
            with private_folder(near) as work:
                files, check = _checked_copy(path, opened, work, store, None)
                if not check.ok or check.made_at <= than:
                    continue
                keys_master = _masters(files, opened, store)
                for master in keys_master:
                    try:
                        return _ledger_of_file(files["kdrt.db"], master)
                    except Exception:  # noqa: BLE001, S112 - the next key
                        continue
        except (UserError, OSError):
            continue
    return {}


def _masters(files: dict[str, Path], opened: Any, store: SecretStore | None) -> list[bytes]:
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.security.vault_keys import VaultKeys

    keys = VaultKeys(files["kdrt.keys"], store if store is not None else SecretStore())
    return keys.open_with_seed(opened.slot_id, opened.seed).masters_newest_first()


def reapply_erasures(services: Any, ledger: Ledger) -> int:
    """Anonymise again, in the restored vault and before anyone sees it, every woman a later
    ledger says was anonymised and the restored records still hold; how many."""
    from kdrt_desk.models import Participant
    from kdrt_desk.services.consent import ConsentService

    if not ledger:
        return 0
    consent = services.consent
    assert isinstance(consent, ConsentService)
    count = 0
    with consent.db.transaction() as session:
        for pid, day in sorted(ledger.items()):
            row = session.get(Participant, pid)
            if row is None or row.anonymised_on is not None:
                continue
            consent._anonymise(session, row, day)  # noqa: SLF001 - the same erasure, again
            audit_log.append(session, consent.actor.username, "participant_anonymised_again",
                             row.code, {"source": "restore"})
            count += 1
    if count:
        consent._checkpoint()  # noqa: SLF001
    return count


def _open_backup(path: Path, username: str | None, password: str, recovery_code: str,
                 store: SecretStore | None) -> Any:
    """The backup's key (``backup_file.Opened``) from a staff password or the recovery code."""
    from kdrt_desk.security.backup_file import open_slot, read_header
    from kdrt_desk.security.keyfile import RECOVERY_SLOT_ID, account_slot_id
    from kdrt_desk.security.recovery_code import normalise_recovery_code

    path = Path(path)
    if not path.is_file():
        raise UserError("error.backup_missing", path=str(path))
    try:
        with path.open("rb") as handle:
            header, _digest = read_header(handle)
    except OSError as exc:
        raise UserError(_os_key(exc), path=str(path)) from exc
    if recovery_code:
        code = normalise_recovery_code(recovery_code)
        if code is None:
            raise VaultError("error.recovery_code_format")
        return open_slot(header, RECOVERY_SLOT_ID, code, None)
    secret = None
    if header.uses_keyring:
        secret = store.get(header.vault_id) if store is not None else None
        if secret is None:
            raise VaultError("error.backup_needs_recovery_code")
    return open_slot(header, account_slot_id(header.vault_id, username or ""), password, secret)


def _checked_copy(path: Path, opened: Any, work: Path, store: SecretStore | None,
                  report: Report | None) -> tuple[dict[str, Path], BackupCheck]:
    """The backup decrypted into ``work`` and proven (see ``check_backup``)."""
    from kdrt_desk.security.backup_file import extract
    from kdrt_desk.security.keyfile import KeyFile
    from kdrt_desk.security.secret_store import SecretStore
    from kdrt_desk.security.vault_keys import VaultKeys

    files = extract(path, opened.key, work, report=report)
    if set(files) != {MANIFEST, "kdrt.keys", "kdrt.db"}:
        raise UserError("error.backup_damaged")
    keyfile = KeyFile.load(files["kdrt.keys"])
    keys = VaultKeys(files["kdrt.keys"], store if store is not None else SecretStore())
    unlocked = keys.open_with_seed(opened.slot_id, opened.seed)
    manifest = json.loads(files[MANIFEST].read_text())
    anchor = AuditAnchor.from_json(manifest.get("anchor"))
    found = BackupCheck(False, "error.backup_damaged")
    for master in unlocked.masters_newest_first():
        found = _inspect(files, master, keyfile, expected=dict(manifest.get("counts", {})),
                         anchor=anchor)
        if found.ok or found.problem != "error.database_damaged":
            break
    return files, BackupCheck(found.ok, found.problem, str(manifest.get("made_at", "")),
                              found.counts, found.audit_entries, found.audit_ok, anchor)


def check_backup(path: Path, *, username: str | None = None, password: str = "",
                 recovery_code: str = "", store: SecretStore | None = None,
                 report: Report | None = None, work_near: Path | None = None) -> BackupCheck:
    """Open a backup with a staff password (``username``, with this PC's installation secret
    from ``store`` when the vault uses one) or the recovery code, and prove what it holds:
    decrypted into a private temporary folder (removed afterwards), opened read-only, checked
    page by page, counted, its audit chain verified. Touches no vault. A file that is not a
    backup, a wrong password and damage are ``UserError``/``VaultError`` with their key."""
    opened = _open_backup(Path(path), username, password, recovery_code, store)
    with private_folder(work_near or Path(path).parent) as work:
        return _checked_copy(Path(path), opened, work, store, report)[1]


VAULT_FILES = ("kdrt.db", "kdrt.db-wal", "kdrt.db-shm", "kdrt.keys", "kdrt.keys.prev")


def restore_backup(path: Path, data_dir: Path, *, username: str | None = None,
                   password: str = "", recovery_code: str = "",
                   store: SecretStore | None = None, report: Report | None = None,
                   clock: Callable[[], datetime] = _now) -> RestoreResult:
    """Replace the vault in ``data_dir`` (or make one there) with the backup at ``path``.

    The backup is decrypted and proven in a private folder inside ``data_dir`` first; then the
    current vault's files are moved, whole, into ``diganti-<time>/`` beside them (never written
    over), the restored files moved in, and the vault opened with the same password or code
    (the recovery code also puts this PC's installation secret in its keyring). If that open
    fails, the restored files are taken out and the old ones put back. Nobody may have the
    vault open meanwhile (its instance lock is held)."""
    from kdrt_desk.security.instance_lock import InstanceLock
    from kdrt_desk.services.vault_access import open_vault, open_vault_with_recovery

    data_dir = Path(data_dir)
    opened = _open_backup(Path(path), username, password, recovery_code, store)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(_os_key(exc), path=str(data_dir)) from exc
    lock = InstanceLock(data_dir)
    lock.acquire()
    aside: Path | None = None
    moved: list[tuple[Path, Path]] = []  # (where it is kept, where it was)
    placed: list[Path] = []  # the restored files moved in
    try:
        with private_folder(data_dir) as work:
            files, check = _checked_copy(Path(path), opened, work, store, report)
            if not check.ok:
                raise UserError(check.problem or "error.backup_damaged")
            from kdrt_desk.security.keyfile import KeyFile

            vault_id = KeyFile.load(files["kdrt.keys"]).vault_id
            later = _replaced_ledger(data_dir, vault_id, username, password, recovery_code,
                                     store)
            later.update(_newer_backup_ledgers(data_dir / AUTO_FOLDER, check.made_at, vault_id,
                                               username, password, recovery_code, store,
                                               data_dir))
            present = [data_dir / name for name in VAULT_FILES if (data_dir / name).exists()]
            if present:
                aside = data_dir / f"diganti-{clock().strftime('%Y%m%d-%H%M%S')}"
                aside.mkdir()
                for file in present:
                    replace_file(file, aside / file.name)
                    moved.append((aside / file.name, file))
            for name in ("kdrt.keys", "kdrt.db"):
                replace_file(files[name], data_dir / name)
                placed.append(data_dir / name)
        lock.release()
        try:
            vault = (open_vault_with_recovery(data_dir, recovery_code, store=store)
                     if recovery_code else
                     open_vault(data_dir, username or "", password, store=store))
            try:
                vault.actor.require(Permission.RESTORE)
                from kdrt_desk.wiring import build_services

                reapplied = reapply_erasures(build_services(vault), later)
                _hold_restored_head(vault, check.made_at)
            finally:
                vault.close()
        except BaseException:
            _put_back(data_dir, placed, moved, aside)
            raise
        return RestoreResult(check, aside, reapplied)
    except BaseException:
        _put_back(data_dir, placed, moved, aside)
        raise
    finally:
        lock.release()


def _put_back(data_dir: Path, placed: list[Path], moved: list[tuple[Path, Path]],
              aside: Path | None) -> None:
    """The restored files (and what opening them made: WAL, shared memory) out, the replaced
    vault's files back where they were."""
    if placed:
        for name in VAULT_FILES:
            with contextlib.suppress(OSError):
                os.unlink(data_dir / name)
    for kept, original in moved:
        if kept.exists():
            replace_file(kept, original)
    if aside is not None and moved:
        with contextlib.suppress(OSError):
            aside.rmdir()
    placed.clear()
    moved.clear()


def _inspect(files: dict[str, Path], master: bytes, keyfile: Any,
             expected: dict[str, int], anchor: AuditAnchor | None = None) -> BackupCheck:
    """The copy opened under ``master``: integrity, counts against ``expected``, the chain,
    and (when the manifest has one) that the chain ends exactly at ``anchor``."""
    from kdrt_desk.db.engine import encrypted_engine, integrity_check, table_counts
    from kdrt_desk.db.session import Database
    from kdrt_desk.services.actor import SYSTEM
    from kdrt_desk.services.audit_log import AuditService

    engine = encrypted_engine(files["kdrt.db"], master)
    try:
        try:
            if integrity_check(engine) != "ok":
                return BackupCheck(False, "error.backup_integrity")
            counts = table_counts(engine)
        except Exception:  # noqa: BLE001 - a wrong key or damage reads as "not a database"
            return BackupCheck(False, "error.database_damaged")
        if expected and counts != expected:
            return BackupCheck(False, "error.backup_counts_differ", counts=counts)
        chain = AuditService(Database(engine), SYSTEM, keyfile).verify()
        if chain.ok and anchor is not None:
            from kdrt_desk.services.audit_log import head_anchor

            with engine.connect() as conn:
                head = head_anchor(conn)
            if head is None or (head.entry_id, head.entry_hash) != (anchor.entry_id,
                                                                    anchor.entry_hash):
                return BackupCheck(False, "error.backup_anchor_mismatch", counts=counts,
                                   audit_entries=chain.entries, audit_ok=False, anchor=anchor)
        return BackupCheck(chain.ok, "" if chain.ok else "error.backup_audit_broken",
                           counts=counts, audit_entries=chain.entries, audit_ok=chain.ok,
                           anchor=anchor)
    finally:
        engine.dispose()


def _hold_restored_head(vault: Any, made_at: str) -> None:
    """After a restore (an admin's deliberate step back) the restored chain is the one this
    PC's keyring holds the vault to from now on, whether or not the backup carried an anchor."""
    from kdrt_desk.services.audit_log import head_anchor

    with vault.db.reading() as session:
        head = head_anchor(session.connection())
    if head is not None:
        put_keyring_anchor(vault.keys.store, vault.keys.vault_id, head, made_at)


def _head_of_copy(copy: Path, engine: Any) -> AuditAnchor | None:
    """The audit head of the snapshot just copied to ``copy`` (under the live engine's key):
    the anchor the backup carries is the copy's own, so it matches the chain inside."""
    from kdrt_desk.db.engine import encrypted_engine, engine_key
    from kdrt_desk.services.audit_log import head_anchor

    copied = encrypted_engine(copy, engine_key(engine))
    try:
        with copied.connect() as conn:
            return head_anchor(conn)
    finally:
        copied.dispose()


def _keyring_entry(store: SecretStore, vault_id: str) -> dict[str, Any]:
    raw = store.get(vault_id + ANCHOR_SUFFIX)
    try:
        data = json.loads(raw.decode("utf-8")) if raw is not None else {}
    except (UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def keyring_anchor(store: SecretStore, vault_id: str) -> AuditAnchor | None:
    """The anchor this PC's keyring remembers for the vault (``None``: none, or unreadable)."""
    return AuditAnchor.from_json(_keyring_entry(store, vault_id) or None)


def put_keyring_anchor(store: SecretStore, vault_id: str, anchor: AuditAnchor,
                       made_at: str = "") -> None:
    """Remember ``anchor`` (of a backup made at ``made_at``) in the keyring; a keyring that
    cannot be written is no failure of the backup (the anchor is still in the backup and in
    the vault's backup record)."""
    if not store.available():
        return
    with contextlib.suppress(VaultError):
        store.put(vault_id + ANCHOR_SUFFIX, json.dumps({**anchor.to_json(), "made_at": made_at},
                                                       sort_keys=True).encode("utf-8"))


@dataclass(frozen=True)
class SeenAnchor:
    """An anchor ``audit verify`` compares the chain with, and where it was found."""

    anchor: AuditAnchor
    source: str  # a backup file's path, "keyring" or "vault"
    made_at: str = ""  # when that backup was made (ISO, UTC), when known


def anchor_of_backup(path: Path, *, username: str | None = None, password: str = "",
                     recovery_code: str = "", store: SecretStore | None = None
                     ) -> SeenAnchor | None:
    """The anchor a backup file carries, read from its encrypted manifest (its first chunk
    only); ``None`` for a backup made before anchors. Wrong login, damage: as ``check_backup``."""
    from kdrt_desk.security.backup_file import read_manifest

    opened = _open_backup(Path(path), username, password, recovery_code, store)
    try:
        manifest = json.loads(read_manifest(Path(path), opened.key).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise UserError("error.backup_damaged") from None
    except OSError as exc:
        raise UserError(_os_key(exc), path=str(path)) from exc
    if not isinstance(manifest, dict):
        raise UserError("error.backup_damaged")
    anchor = AuditAnchor.from_json(manifest.get("anchor"))
    return None if anchor is None else SeenAnchor(anchor, str(path),
                                                  str(manifest.get("made_at", "")))


def anchors_to_compare(vault: Any, *, username: str | None = None, password: str = "",
                       recovery_code: str = "", store: SecretStore | None = None,
                       against: Path | None = None) -> list[SeenAnchor]:
    """The anchors ``audit verify`` holds the vault's chain to, newest first: the backup named
    by ``against`` (any failure to open it is raised); otherwise the one this PC's keyring
    remembers, the vault's last good backup record, and the newest automatic backup in the
    data folder that opens with these credentials (one that does not is passed over)."""
    from kdrt_desk.models import Setting
    from kdrt_desk.security.backup_file import read_header

    if against is not None:
        found = anchor_of_backup(against, username=username, password=password,
                                 recovery_code=recovery_code, store=store)
        return [] if found is None else [found]
    seen: list[SeenAnchor] = []
    vault_id = vault.keys.vault_id
    entry = _keyring_entry(store if store is not None else vault.keys.store, vault_id)
    kept = AuditAnchor.from_json(entry or None)
    if kept is not None:
        seen.append(SeenAnchor(kept, "keyring", str(entry.get("made_at", ""))))
    with vault.db.reading() as session:
        record = BackupRecord.from_json(getattr(session.get(Setting, LAST_GOOD), "value", None))
    if record is not None and record.anchor is not None:
        seen.append(SeenAnchor(record.anchor, record.path, record.at))
    folder = Path(vault.paths.data_dir) / AUTO_FOLDER
    files = [path for _n, _stamp, path in automatic_backups(folder)]
    for path in files:  # newest first by sequence number
        try:
            with path.open("rb") as handle:
                if read_header(handle)[0].vault_id != vault_id:
                    continue
            found = anchor_of_backup(path, username=username, password=password,
                                     recovery_code=recovery_code, store=store)
        except (UserError, OSError):
            continue
        if found is not None:
            seen.append(found)
        break
    return sorted(seen, key=lambda s: s.anchor.entry_id, reverse=True)


def _scaled(report: Report | None, low: int, high: int) -> Report | None:
    if report is None:
        return None
    return lambda done, total: report(low + (high - low) * done // max(total, 1), 100)


def _os_key(exc: OSError) -> str:
    key = os_error_key(exc)
    return {"error.file_unwritable": "error.export_unwritable",
            "error.folder_read_only": "error.output_locked"}.get(key, key)


def _storage_error(exc: BaseException, folder: Path) -> UserError:
    """A snapshot that failed: a full disk or a damaged database in words, else a failure."""
    from kdrt_desk.db.errors import sqlite_error_key

    if isinstance(exc, OSError):
        return UserError(_os_key(exc))
    return UserError(sqlite_error_key(exc, folder) or "error.backup_snapshot_failed")


__all__ = ["AutoSettings", "BackupCheck", "BackupRecord", "BackupService", "BackupStatus",
           "SeenAnchor", "anchor_of_backup", "anchors_to_compare", "check_backup",
           "is_outside", "keyring_anchor", "put_keyring_anchor", "restore_backup",
           "rotation_keep"]
