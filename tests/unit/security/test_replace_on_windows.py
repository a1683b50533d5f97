"""Windows refuses to replace a file another program holds open for a moment (an antivirus
scan, the search indexer): the replace is retried for about a second, then fails as before (a
workbook kept open in Excel gets its clear message). Simulated here with the replace Windows
would give: PermissionError while the file is held, real ``os.replace`` once it is let go."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kdrt_desk.security.atomic_file import WINDOWS_HOLD_TRIES, replace_file


class HeldFor:
    """``os.replace`` as Windows behaves while another program holds the target ``n`` times."""

    def __init__(self, times: int) -> None:
        self.left = times
        self.calls = 0

    def __call__(self, source: str | Path, target: str | Path) -> None:
        self.calls += 1
        if self.left > 0:
            self.left -= 1
            raise PermissionError(13, "The process cannot access the file because it is being "
                                      "used by another process")
        os.replace(source, target)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    new, target = tmp_path / ".laporan.xlsx.tmp", tmp_path / "laporan.xlsx"
    new.write_bytes(b"new")
    target.write_bytes(b"old")
    return new, target


def test_a_brief_hold_is_waited_out(tmp_path: Path) -> None:
    new, target = _files(tmp_path)
    held, pauses = HeldFor(3), []
    replace_file(new, target, platform="win32", replace=held, sleep=pauses.append)
    assert target.read_bytes() == b"new" and not new.exists()
    assert held.calls == 4 and len(pauses) == 3


def test_a_file_kept_open_still_fails_and_nothing_changes(tmp_path: Path) -> None:
    new, target = _files(tmp_path)
    held, pauses = HeldFor(10**6), []
    with pytest.raises(PermissionError):
        replace_file(new, target, platform="win32", replace=held, sleep=pauses.append)
    assert held.calls == WINDOWS_HOLD_TRIES and sum(pauses) <= 1.0
    assert target.read_bytes() == b"old" and new.read_bytes() == b"new"


def test_other_systems_do_not_wait(tmp_path: Path) -> None:
    new, target = _files(tmp_path)
    held, pauses = HeldFor(1), []
    with pytest.raises(PermissionError):
        replace_file(new, target, platform="linux", replace=held, sleep=pauses.append)
    assert held.calls == 1 and pauses == []
