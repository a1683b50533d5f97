"""Finding 10: a full disk says "disk penuh" and leaves nothing half made.

A real ENOSPC: the vault folder sits on a tmpfs of a few hundred kilobytes (the tests run as
root; ``mount`` and ``umount`` are the only commands used). ``init`` must end with the disk-full
line and no ``kdrt.db`` or ``kdrt.keys`` left behind; ``demo`` must end the same way, or have
printed its recovery code before the long work began.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_harness import RECOVERY_CODE, make_env, message, run_cli

LEFTOVERS = ("kdrt.db", "kdrt.db-wal", "kdrt.db-shm", "kdrt.keys", "kdrt.keys.prev")


@pytest.fixture
def small_disk(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    mount = tmp_path / "kecil"
    mount.mkdir()
    size = request.param
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    assert done.returncode == 0, f"cannot mount a small tmpfs: {done.stderr}"
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def _left(folder: Path) -> list[str]:
    return sorted(n for n in LEFTOVERS if (folder / n).exists())


@pytest.mark.parametrize("small_disk", ["20k", "256k", "400k"], indirect=True)
def test_init_on_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    vault = small_disk / "brankas"
    sheet = tmp_path / "lembar-pemulihan.pdf"
    env = make_env(tmp_path / "keyring.json", tmp_path, KDRT_PASSWORD="kata sandi panjang 1")
    result = run_cli("init", "--data-dir", str(vault), "--admin", "sari", "--centre",
                     "Pusat Uji", "--recovery-sheet", str(sheet), env=env)
    lines = result.stderr.splitlines()
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert lines and message("error.disk_full") in lines[-1], lines
    assert "Traceback" not in result.stderr
    assert _left(vault) == [], "a half-made vault is left behind"
    assert not sheet.exists()


@pytest.mark.parametrize("small_disk", ["1m"], indirect=True)
def test_demo_on_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    vault = small_disk / "demo"
    env = make_env(tmp_path / "keyring.json", tmp_path)
    result = run_cli("demo", "--data-dir", str(vault), "--participants", "50", env=env)
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert message("error.disk_full") in result.stderr.splitlines()[-1]
    assert "Traceback" not in result.stderr
    printed = RECOVERY_CODE.search(result.stdout) is not None
    assert _left(vault) == [] or printed, "a vault whose recovery code nobody saw"
