"""Maintenance statements (PRAGMA, VACUUM) run on the raw driver connection: their errors must
reach ``storage_errors`` like every other database error, so a damaged page read by the
structural check is "damaged, restore a backup", never the internal-error dialog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from kdrt_desk.db.engine import encrypted_engine, quick_check, run_outside_transaction
from kdrt_desk.db.errors import storage_errors
from kdrt_desk.errors import VaultError

PAGE = 4096


def _filled_file(path: Path, key: bytes) -> None:
    engine = encrypted_engine(path, key)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
        for n in range(400):
            conn.execute(text("INSERT INTO t (body) VALUES (:b)"), {"b": f"baris {n} " * 40})
    run_outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def test_a_driver_error_comes_back_as_sqlalchemy_error(tmp_path: Path) -> None:
    engine = encrypted_engine(tmp_path / "x.db", os.urandom(32))
    with pytest.raises(DBAPIError):
        run_outside_transaction(engine, "PRAGMA this is not sql")
    engine.dispose()


def test_a_damaged_page_met_by_the_structural_check_reads_as_damage(tmp_path: Path) -> None:
    path, key = tmp_path / "x.db", os.urandom(32)
    _filled_file(path, key)
    data = bytearray(path.read_bytes())
    for number in range(1, len(data) // PAGE):  # every page but the first: reads must fail
        data[number * PAGE + 64: number * PAGE + 192] = bytes(128)
    path.write_bytes(bytes(data))
    engine = encrypted_engine(path, key)
    try:
        with pytest.raises(VaultError) as caught, storage_errors(tmp_path):
            if quick_check(engine) != "ok":
                raise VaultError("error.database_damaged")
        assert caught.value.key == "error.database_damaged"
    finally:
        engine.dispose()
