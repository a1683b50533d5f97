"""SQLCipher engines keyed with the raw master key; foreign keys, WAL, secure delete, real
transactions (DDL included), and the SQLite-only maintenance statements of the app."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import QueuePool

from kdrt_desk.db.errors import sqlite_error_key
from kdrt_desk.errors import VaultError

SQLITE_HEADER = b"SQLite format 3\x00"


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
    cursor.execute("PRAGMA synchronous = NORMAL")
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


def encrypted_engine(path: Path, key: bytes) -> Engine:
    """An engine on the SQLCipher file at ``path``; the caller checks it opens (``verify_open``)."""
    creator = _KeyedCreator(path, key)
    engine = _engine(creator, sqlcipher3.dbapi2)
    engine.kdrt_creator = creator  # type: ignore[attr-defined]
    return engine


def database_folder(engine: Engine) -> Path | None:
    """The folder of a vault engine's file (for telling a full disk from a failing one)."""
    creator = getattr(engine, "kdrt_creator", None)
    return creator.path.parent if creator is not None else None


def rekey_engine(engine: Engine, new_key: bytes) -> None:
    """Re-encrypt the engine's file under ``new_key`` and use it for every new connection."""
    creator: _KeyedCreator = engine.kdrt_creator  # type: ignore[attr-defined]
    engine.dispose()
    rekey_file(creator.path, creator.key, new_key)
    creator.key = new_key


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
