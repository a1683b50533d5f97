"""SQLCipher engines keyed with the raw master key; foreign keys, WAL and a large page cache on."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import QueuePool

from kdrt_desk.errors import VaultError

SQLITE_HEADER = b"SQLite format 3\x00"


def _connect_sqlcipher(path: Path, key: bytes) -> Any:
    conn = sqlcipher3.dbapi2.connect(str(path), check_same_thread=False, timeout=10)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def _configure(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA cache_size = -65536")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def encrypted_engine(path: Path, key: bytes) -> Engine:
    """An engine on the SQLCipher file at ``path``; the caller checks it opens (``verify_open``)."""
    engine = create_engine(
        "sqlite://", creator=lambda: _connect_sqlcipher(path, key), module=sqlcipher3.dbapi2,
        poolclass=QueuePool, pool_size=2, max_overflow=2,
        hide_parameters=True,  # error texts end up in the log: never names, NIKs or phones
    )
    event.listen(engine, "connect", _configure)
    return engine


def plain_engine(path: Path) -> Engine:
    """Plain SQLite with the same settings: only for benchmarks that compare against SQLCipher."""
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(str(path), check_same_thread=False),
        poolclass=QueuePool, pool_size=2, max_overflow=2,
    )
    event.listen(engine, "connect", _configure)
    return engine


def verify_open(engine: Engine, path: Path) -> None:
    """Run one statement; turn "file is not a database" into a message the admin can act on."""
    try:
        with engine.connect() as conn:
            conn.execute(text("PRAGMA journal_mode = WAL"))
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        if _looks_plain_sqlite(path):
            raise VaultError("error.database_foreign") from exc
        if "locked" in str(exc.orig).lower() if exc.orig else False:
            raise VaultError("error.vault_in_use") from exc
        raise VaultError("error.database_damaged") from exc


def _looks_plain_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False
