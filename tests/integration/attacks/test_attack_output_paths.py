"""Finding 2: an output path can no longer be a vault file.

``attendance sheet --out`` pointed at the database, the key file, a new file in the data folder,
through a symbolic link, a hard link or a path with ``..`` and other letter case: refused with
one line, as an admin and as staf, and afterwards the vault files are byte for byte the same and
``check`` still passes. An existing file is replaced only with ``--overwrite``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from attackers import raw_sql
from cli_harness import CliVault, assert_clean_failure, message
from sqlalchemy import text

VAULT_FILES = ("kdrt.db", "kdrt.keys", "kdrt.keys.prev")


def _first_session(vault: CliVault) -> str:
    with raw_sql(vault, "admin") as (engine, _), engine.connect() as conn:
        return str(conn.execute(text("SELECT min(id) FROM training_session")).scalar_one())


def _targets(data: Path, outside: Path) -> dict[str, Callable[[], Path]]:
    """How she names a vault file (each made just before it is used)."""

    def folder_link() -> Path:
        link = outside / "tautan-folder"
        link.symlink_to(data, target_is_directory=True)
        return link / "daftar-hadir.pdf"

    def file_link() -> Path:
        link = outside / "daftar-hadir-tautan.pdf"
        link.symlink_to(data / "kdrt.keys")
        return link

    def hard_link() -> Path:
        link = outside / "daftar-hadir-keras.pdf"
        os.link(data / "kdrt.db", link)
        return link

    return {
        "database": lambda: data / "kdrt.db",
        "key file": lambda: data / "kdrt.keys",
        "new file in the data folder": lambda: data / "daftar-hadir.pdf",
        "symlink to the data folder": folder_link,
        "symlink to the key file": file_link,
        "hard link to the database": hard_link,
        "dot-dot and other case": lambda: data / ".." / data.name / "KDRT.db",
    }


@pytest.mark.parametrize("user", ["admin", "staf"])
def test_no_output_path_reaches_a_vault_file(demo_copy: CliVault, tmp_path: Path,
                                             user: str) -> None:
    session = _first_session(demo_copy)
    outside = tmp_path / "dokumen"
    outside.mkdir()
    before = {name: (demo_copy.data_dir / name).read_bytes() for name in VAULT_FILES}
    expected = message("error.output_in_data_folder", folder=str(demo_copy.data_dir))

    for what, make in _targets(demo_copy.data_dir, outside).items():
        out = make()
        result = demo_copy.run("attendance", "sheet", "--session", session, "--out", str(out),
                               "--overwrite", user=user)
        assert result.returncode == 2, (what, result.stdout, result.stderr)
        assert_clean_failure(result, expected)
        assert result.stdout == "", what
        after = {name: (demo_copy.data_dir / name).read_bytes() for name in VAULT_FILES}
        assert after == before, f"{what}: a vault file changed"

    assert not (demo_copy.data_dir / "daftar-hadir.pdf").exists()
    assert not (demo_copy.data_dir / "KDRT.db").exists()
    assert (outside / "daftar-hadir-keras.pdf").read_bytes() == before["kdrt.db"]
    left = {p.name for p in demo_copy.data_dir.iterdir()} - {"kdrt.lock", "logs"}
    assert left == set(VAULT_FILES), "a file was written into the data folder"
    check = demo_copy.run("check")
    assert check.returncode == 0, check.stderr
    assert message("cli.check_participants", count=200) in check.stdout


def test_an_existing_file_is_replaced_only_with_overwrite(demo_copy: CliVault,
                                                          tmp_path: Path) -> None:
    session = _first_session(demo_copy)
    out = tmp_path / "daftar-hadir.pdf"
    out.write_bytes(b"berkas lain yang tidak boleh hilang")

    refused = demo_copy.run("attendance", "sheet", "--session", session, "--out", str(out))
    assert refused.returncode == 2
    assert_clean_failure(refused, message("error.output_exists", path=str(out)))
    assert out.read_bytes() == b"berkas lain yang tidak boleh hilang"

    replaced = demo_copy.run("attendance", "sheet", "--session", session, "--out", str(out),
                             "--overwrite")
    assert replaced.returncode == 0, replaced.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
