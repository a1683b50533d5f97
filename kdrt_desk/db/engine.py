"""SQLCipher engines keyed with the raw master key; foreign keys, WAL, secure delete, real
transactions (DDL included), and the SQLite-only maintenance statements of the app.

Durability (issue 14: "a copy of kdrt.db alone must hold every committed change"). The vault
stays in WAL mode with ``synchronous = FULL``: each commit is synced to the ``-wal`` file, so it
survives a power cut, not only a killed process (``NORMAL`` synced only at checkpoints). What
sits in the ``-wal`` file alone is not in ``kdrt.db``, and office staff copy just that file, so
the WAL is also moved into the file soon after each burst of writes: ``Database.transaction``
tells the engine's ``Checkpointer`` of each commit, and once no commit followed for
``CHECKPOINT_DELAY`` seconds a PASSIVE checkpoint (it never waits for or blocks a reader or the
writer) runs on a timer thread, on a connection of its own that can never create the file; it
is retried while a reader (a backup's snapshot) keeps frames back. SQLite's own automatic
checkpoint still covers a long burst (every 1,000 WAL pages), and closing the vault
(``Database.dispose``) ends with a TRUNCATE checkpoint, so a normal close leaves no ``-wal``
content. ``kdrt-desk check`` warns about a non-empty ``-wal`` file when no app holds the vault.

Why not leave WAL mode: measured with ``benchmarks/attendance_mark.py`` (a roll-call, one
transaction per mark; 2-core VM, ext4), journal_mode=DELETE + FULL cost mark median 4.8 ms /
re-mark 8.9 ms against 2.4 / 6.1 ms for WAL + FULL (1.4 / 4.1 ms for the old WAL + NORMAL),
and a rollback journal makes a reader block the writer: a backup's snapshot (``snapshot``,
seconds on a large vault) runs beside the vault worker and would stall every roll-call save
meanwhile. WAL + FULL + checkpoints keeps both.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from kdrt_desk.db.errors import sqlite_error_key
from kdrt_desk.errors import VaultError

SQLITE_HEADER = b"SQLite format 3\x00"
CHECKPOINT_DELAY = 1.0  # seconds without a commit that end a burst of writes
CHECKPOINT_RETRIES = 30  # PASSIVE attempts while a reader holds frames back, per burst
CLOSE_BUSY_MS = 2000  # how long the checkpoint on close waits for a reader to finish
log = logging.getLogger(__name__)


def _connect_sqlcipher(path: Path, key: bytes) -> Any:
    conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False, timeout=10,
                                     isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _configure(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA cache_size = -65536")
    cursor.execute("PRAGMA synchronous = FULL")  # a commit survives a power cut
    cursor.execute("PRAGMA secure_delete = ON")  # deleted and replaced cells are zeroed
    cursor.close()


def _begin(conn: Any) -> None:
    # the driver runs in autocommit mode; SQLAlchemy's transactions are real SQLite ones,
    # so a migration's DDL commits or rolls back with its data
    conn.exec_driver_sql("BEGIN")


def _engine(creator: Any, module: Any = None) -> Engine:
    kwargs: dict[str, Any] = {"module": module} if module is not None else {}
    engine = create_engine(
        "sqlite://", creator=creator, poolclass=QueuePool, pool_size=2, max_overflow=2,
        hide_parameters=True,  # error texts end up in the log: never names, NIKs or phones
        **kwargs)
    event.listen(engine, "connect", _configure)
    event.listen(engine, "begin", _begin)
    return engine


class _KeyedCreator:
    """Opens connections with the current master key (a rotation swaps it in place, so every
    service keeps its engine)."""

    def __init__(self, path: Path, key: bytes) -> None:
        self.path = path
        self.key = key

    def __call__(self) -> Any:
        return _connect_sqlcipher(self.path, self.key)

    def existing(self) -> Any:
        """A connection to the file only if it is there (``mode=rw`` never creates one: a
        checkpoint due after a restore moved the folder aside must not leave an empty file)."""
        conn = sqlcipher3.dbapi2.connect(self.path.as_uri() + "?mode=rw", uri=True,
                                         check_same_thread=False, timeout=CLOSE_BUSY_MS / 1000,
                                         isolation_level=None)
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{self.key.hex()}'\"")
        return conn


class Checkpointer:
    """Moves the WAL into the database file once a burst of writes has ended (see the module
    docstring): ``committed()`` after each commit; a daemon ``threading.Timer`` fires once no
    commit came for ``delay`` seconds and runs a PASSIVE checkpoint, retried while a reader
    holds frames back. ``stop()`` (on close, before a rekey) cancels what is due and waits for
    a checkpoint that is running; ``resume()`` arms it again."""

    def __init__(self, creator: _KeyedCreator, delay: float = CHECKPOINT_DELAY) -> None:
        self.creator = creator
        self.delay = delay
        self.pending = False  # commits since the last complete checkpoint
        self._lock = threading.Condition()
        self._timer: threading.Timer | None = None
        self._last = 0.0
        self._tries = 0
        self._running = 0  # checkpoints under way (a slow one may meet the next)
        self._stopped = False

    def committed(self) -> None:
        with self._lock:
            self.pending = True
            self._last = time.monotonic()
            self._tries = 0
            if self._timer is None and not self._stopped:
                self._arm(self.delay)

    def _arm(self, delay: float) -> None:
        timer = threading.Timer(delay, self._fire)
        timer.daemon = True  # never holds the interpreter's exit
        timer.name = "kdrt-checkpoint"
        self._timer = timer
        timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._stopped or self._timer is not threading.current_thread():
                return
            wait = self._last + self.delay - time.monotonic()
            if wait > 0:  # another commit came meanwhile: the burst goes on
                self._arm(wait)
                return
            self._timer = None
            self._running += 1
            started = self._last
        done = False
        try:
            done = self._passive()
        except Exception:  # noqa: BLE001 - a timer thread has nobody to tell but the log
            log.warning("the checkpoint after a burst of writes failed", exc_info=True)
        finally:
            with self._lock:
                self._running -= 1
                if done and self._last == started:
                    self.pending = False
                elif not done and not self._stopped and self._timer is None:
                    self._tries += 1
                    if self._tries < CHECKPOINT_RETRIES:
                        self._arm(self.delay)
                self._lock.notify_all()

    def _passive(self) -> bool:
        """True when every frame of the WAL is in the file now."""
        try:
            conn = self.creator.existing()
        except sqlcipher3.dbapi2.OperationalError:
            return True  # the file is gone (moved aside by a restore): nothing to move
        try:
            busy, frames, moved = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            conn.close()
        return not busy and frames == moved

    def stop(self) -> None:
        """Nothing more runs until ``resume``; returns once a running checkpoint has ended."""
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            while self._running:
                self._lock.wait()

    def resume(self, *, arm: bool = True) -> None:
        """Checkpoint after commits again; with ``arm``, also for the commits still pending
        (after a rekey; after a close only a new commit arms it)."""
        with self._lock:
            self._stopped = False
            if arm and self.pending and self._timer is None:
                self._arm(self.delay)


def encrypted_engine(path: Path, key: bytes) -> Engine:
    """An engine on the SQLCipher file at ``path``; the caller checks it opens (``verify_open``)."""
    creator = _KeyedCreator(path, key)
    engine = _engine(creator, sqlcipher3.dbapi2)
    engine.kdrt_creator = creator  # type: ignore[attr-defined]
    engine.kdrt_checkpointer = Checkpointer(creator)  # type: ignore[attr-defined]
    return engine


def checkpointer(engine: Engine) -> Checkpointer | None:
    """The engine's burst checkpointer (None for a plain benchmark engine)."""
    found = getattr(engine, "kdrt_checkpointer", None)
    return found if isinstance(found, Checkpointer) else None


def close_checkpoint(engine: Engine) -> None:
    """On close: stop the burst checkpoints and move the whole WAL into the file, emptying it
    (TRUNCATE, waiting at most ``CLOSE_BUSY_MS`` for a reader). A failure is logged, not
    raised: every commit is in the synced WAL, and ``kdrt-desk check`` names a WAL left over."""
    found = checkpointer(engine)
    if found is None:
        return
    found.stop()
    try:
        # only after commits through this engine: a file that failed to open (damaged, a
        # foreign vault) is never written to here
        if found.pending:
            _truncate_on_close(engine, found)
    except Exception:  # noqa: BLE001 - closing goes on; the log says why
        log.warning("the checkpoint on close failed", exc_info=True)
    finally:
        found.resume(arm=False)  # the engine may be used again; nothing is due until it is


def wal_path(database: Path) -> Path:
    """The WAL file SQLite keeps beside ``database`` (``kdrt.db-wal``)."""
    return database.with_name(database.name + "-wal")


def _truncate_on_close(engine: Engine, found: Checkpointer) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {CLOSE_BUSY_MS}")
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            cursor.execute("PRAGMA busy_timeout = 10000")
        finally:
            cursor.close()
        if busy:
            log.warning("a reader kept the WAL busy at close; SQLite moves it later")
        else:
            found.pending = False
    finally:
        raw.close()


def database_folder(engine: Engine) -> Path | None:
    """The folder of a vault engine's file (for telling a full disk from a failing one)."""
    creator = getattr(engine, "kdrt_creator", None)
    return creator.path.parent if creator is not None else None


def rekey_engine(engine: Engine, new_key: bytes) -> None:
    """Re-encrypt the engine's file under ``new_key`` and use it for every new connection."""
    creator: _KeyedCreator = engine.kdrt_creator  # type: ignore[attr-defined]
    found = checkpointer(engine)
    if found is not None:
        found.stop()  # no checkpoint opens the file with the old key midway
    try:
        engine.dispose()
        rekey_file(creator.path, creator.key, new_key)
        creator.key = new_key
    finally:
        if found is not None:
            found.resume()


def engine_key(engine: Engine) -> bytes:
    """The key an encrypted engine opens its file with (a backup's snapshot uses it too)."""
    creator: _KeyedCreator = engine.kdrt_creator  # type: ignore[attr-defined]
    return creator.key


def snapshot(engine: Engine, target: Path) -> dict[str, int]:
    """Copy the engine's database to ``target`` (a new file, encrypted under the same key) as
    one consistent snapshot, on a connection of its own: a read transaction is opened, every
    table counted, and SQLite's backup API copies every page in one step from that same
    transaction, so a writer meanwhile neither waits (WAL) nor restarts the copy. Returns the
    row count of each table as the snapshot holds it."""
    creator: _KeyedCreator = engine.kdrt_creator  # type: ignore[attr-defined]
    source = _connect_sqlcipher(creator.path, creator.key)
    try:
        source.execute("BEGIN")
        tables = [name for (name,) in source.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")]
        counts = {name: int(source.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
                  for name in tables}
        target_conn = _connect_sqlcipher(target, creator.key)
        try:
            source.backup(target_conn, pages=-1)
        finally:
            target_conn.close()
        source.execute("COMMIT")
    finally:
        source.close()
    return counts


def table_counts(engine: Engine) -> dict[str, int]:
    """Every table's row count (a backup's copy is compared with what was counted at its
    snapshot)."""
    with engine.connect() as conn:
        tables = [name for (name,) in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"))]
        return {name: int(conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
                for name in tables}


def plain_engine(path: Path) -> Engine:
    """Plain SQLite with the same settings: only for benchmarks that compare against SQLCipher."""
    return _engine(lambda: sqlite3.connect(str(path), check_same_thread=False,
                                           isolation_level=None))


def verify_open(engine: Engine, path: Path) -> None:
    """Run one statement; turn "file is not a database" into a message the admin can act on."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
        run_outside_transaction(engine, "PRAGMA journal_mode = WAL")
    except DBAPIError as exc:
        engine.dispose()
        if _looks_plain_sqlite(path):
            raise VaultError("error.database_foreign") from exc
        key = sqlite_error_key(exc, path.parent)
        if key is None:
            raise
        raise VaultError(key) from exc


def _looks_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


# -- maintenance: statements that must run outside a transaction -------------------------------
def run_outside_transaction(engine: Engine, statement: str) -> list[tuple[Any, ...]]:
    """Run one PRAGMA or VACUUM on a pooled connection with no transaction open.

    The driver's own errors come back wrapped as SQLAlchemy's, as on every other path, so
    ``storage_errors`` classifies them (a damaged page read here is "damaged", not a bug)."""
    driver_error = engine.dialect.loaded_dbapi.Error
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        try:
            cursor.execute(statement)
            return [tuple(r) for r in cursor.fetchall()]
        except driver_error as exc:
            raise DBAPIError.instance(statement, None, exc, driver_error) from exc
        finally:
            cursor.close()
    finally:
        raw.close()


def checkpoint(engine: Engine) -> bool:
    """Move the WAL into the file and empty it; False when a reader kept it busy."""
    rows = run_outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
    return not (rows and rows[0][0])


def vacuum(engine: Engine) -> None:
    """Rewrite the file without its free pages (nothing erased lingers in them)."""
    run_outside_transaction(engine, "VACUUM")
    checkpoint(engine)


def quick_check(engine: Engine) -> str:
    """SQLite's structural check of every page ("ok" when sound)."""
    rows = run_outside_transaction(engine, "PRAGMA quick_check")
    return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])


def integrity_check(engine: Engine) -> str:
    rows = run_outside_transaction(engine, "PRAGMA integrity_check")
    return "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])


def cipher_version(engine: Engine) -> str:
    rows = run_outside_transaction(engine, "PRAGMA cipher_version")
    return str(rows[0][0]) if rows else ""


def rekey_file(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Re-encrypt the whole file under ``new_key`` (SQLCipher rewrites every page in one
    transaction: the file is under the old key or the new one, never half). Every engine on the
    file must be disposed first, and a new one made with ``new_key`` afterwards."""
    conn = _connect_sqlcipher(path, old_key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def foreign_keys_off_connection(engine: Engine) -> Any:
    """A connection with foreign keys off, for migrations that rebuild tables (a DROP TABLE
    with them on would cascade deletes); the caller turns them back on and closes it."""
    conn = engine.connect()
    set_foreign_keys(conn, on=False)
    return conn


def set_foreign_keys(conn: Any, *, on: bool) -> None:
    """On the driver connection, outside any transaction (inside one SQLite ignores it)."""
    conn.connection.dbapi_connection.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")
