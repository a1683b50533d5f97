"""Issue 14: a damaged WAL is detected before SQLite replays it.

SQLite stops replaying a ``-wal`` file at the first frame whose checksum fails and says nothing:
the transactions committed after it vanish, and the next write overwrites them. A crash leaves a
WAL (the test copies the files while a connection with several commits is still open, which is
what a killed app leaves); flipping one byte in an early frame is refused at login with the
"change journal damaged" message and nothing written (the files are byte for byte the same);
the same WAL intact opens with every row; a flip in the last transaction (what a torn write
during a power cut leaves) and stale frames of an older generation are no damage.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.vault_fixture import VaultFixture

from kdrt_desk.db.engine import encrypted_engine, wal_path
from kdrt_desk.db.wal_frames import FRAME_HEADER, HEADER, committed_frames_lost
from kdrt_desk.errors import VaultError
from kdrt_desk.services.vault_access import open_vault

COMMITS = 6
ROW = "x" * 3000  # most of a page: each commit is a few frames


def crashed_copy(vault: VaultFixture, folder: Path, *, commits: int = COMMITS,
                 before: int = 0, table: str = "uji_wal") -> tuple[bytes, bytes]:
    """A copy of the vault's files as a crash with ``commits`` commits still in the WAL leaves
    them (``before`` commits first checkpointed, so the WAL restarts over their frames)."""
    opened = vault.open()
    master = opened.master
    opened.close()
    db = vault.data_dir / "kdrt.db"
    engine: Engine = encrypted_engine(db, master)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
            conn.exec_driver_sql(f"CREATE TABLE {table} (isi TEXT)")
            conn.commit()
            for _ in range(before):
                conn.exec_driver_sql(f"INSERT INTO {table} VALUES (?)", (ROW * 2,))
                conn.commit()
            if before:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(RESTART)")
            for _ in range(commits):
                conn.exec_driver_sql(f"INSERT INTO {table} VALUES (?)", (ROW,))
                conn.commit()
            folder.mkdir()
            for name in ("kdrt.db", "kdrt.db-wal", "kdrt.keys"):
                shutil.copy2(vault.data_dir / name, folder / name)
    finally:
        engine.dispose()
    return master, (folder / "kdrt.db-wal").read_bytes()


def frames(wal: bytes) -> int:
    return (len(wal) - HEADER) // (FRAME_HEADER + 4096)


def flip(wal: bytes, frame: int, at: int = 300) -> bytes:
    data = bytearray(wal)
    data[HEADER + frame * (FRAME_HEADER + 4096) + FRAME_HEADER + at] ^= 0x01
    return bytes(data)


def rows(folder: Path, master: bytes, table: str = "uji_wal") -> int:
    engine = encrypted_engine(folder / "kdrt.db", master)
    try:
        with engine.connect() as conn:
            found = conn.exec_driver_sql(
                f"SELECT count(*) FROM sqlite_master WHERE name = '{table}'").scalar()
            return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()) \
                if found else -1
    finally:
        engine.dispose()


def test_an_intact_wal_left_by_a_crash_opens_with_every_commit(vault: VaultFixture,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "crash"
    master, wal = crashed_copy(vault, folder)
    assert frames(wal) > COMMITS
    assert not committed_frames_lost(folder / "kdrt.db-wal")
    opened = open_vault(folder, ADMIN, PASSWORD, kdf=FAST_KDF)
    opened.close()
    assert rows(folder, master) == COMMITS


def test_a_byte_flipped_in_an_early_frame_is_refused_and_nothing_written(
        vault: VaultFixture, tmp_path: Path) -> None:
    folder = tmp_path / "crash"
    master, wal = crashed_copy(vault, folder)
    wal_file = folder / "kdrt.db-wal"
    wal_file.write_bytes(flip(wal, 1))
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert committed_frames_lost(wal_file)
    with pytest.raises(VaultError) as raised:
        open_vault(folder, ADMIN, PASSWORD, kdf=FAST_KDF)
    assert raised.value.key == "error.wal_damaged"
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "kdrt.lock"}
    assert after == {name: data for name, data in before.items() if name != "kdrt.lock"}

    # what the check prevents: SQLite itself replays the damaged WAL without a word, losing
    # every commit (the table was made in the first frames)
    plain = tmp_path / "tanpa-pemeriksaan"
    shutil.copytree(folder, plain)
    assert rows(plain, master) < COMMITS


def test_the_header_damaged_is_refused(vault: VaultFixture, tmp_path: Path) -> None:
    folder = tmp_path / "crash"
    _master, wal = crashed_copy(vault, folder)
    data = bytearray(wal)
    data[12] ^= 0x10  # the checkpoint sequence: the header's checksum no longer matches
    (folder / "kdrt.db-wal").write_bytes(bytes(data))
    with pytest.raises(VaultError) as raised:
        open_vault(folder, ADMIN, PASSWORD, kdf=FAST_KDF)
    assert raised.value.key == "error.wal_damaged"


def test_a_torn_last_transaction_and_stale_frames_are_no_damage(vault: VaultFixture,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "crash"
    master, wal = crashed_copy(vault, folder)
    wal_file = folder / "kdrt.db-wal"
    wal_file.write_bytes(flip(wal, frames(wal) - 1))  # the last commit's frame, torn
    assert not committed_frames_lost(wal_file)
    open_vault(folder, ADMIN, PASSWORD, kdf=FAST_KDF).close()
    assert rows(folder, master) == COMMITS - 1  # the torn one, never acknowledged

    again = tmp_path / "restarted"
    master, wal = crashed_copy(vault, again, commits=2, before=8, table="uji_ulang")
    stale_after = frames(wal)
    assert stale_after > 4, "the restarted WAL keeps the older generation's frames after its own"
    assert not committed_frames_lost(again / "kdrt.db-wal")
    open_vault(again, ADMIN, PASSWORD, kdf=FAST_KDF).close()
    assert rows(again, master, "uji_ulang") == 8 + 2


@pytest.mark.parametrize("content", [b"", b"\x00" * 20])
def test_an_empty_or_short_wal_is_no_damage(tmp_path: Path, content: bytes) -> None:
    wal = wal_path(tmp_path / "kdrt.db")
    wal.write_bytes(content)
    assert not committed_frames_lost(wal)
    assert not committed_frames_lost(tmp_path / "tidak-ada-wal")
