"""``kdrt-desk --self-check`` (the installer's and the build's smoke test), run as the build runs
it: every part passes on a real temporary vault, nothing is left in the temporary folder or the
keyring, and a part missing from the installation fails its step, names it and exits 1."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest
from support.fake_os_keyring import MemoryKeyring

from kdrt_desk.__main__ import main
from kdrt_desk.self_check import SelfCheck


def _leftovers() -> list[Path]:
    return sorted(Path(tempfile.gettempdir()).glob("kdrt-self-check-*"))


def test_every_part_passes_and_nothing_is_left(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                               _test_keyring: MemoryKeyring) -> None:
    before = _leftovers()
    report = tmp_path / "report.txt"  # what the Windows build reads: its program has no stdout
    monkeypatch.setenv("KDRT_SELF_CHECK_REPORT", str(report))
    assert main(["--self-check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert report.read_text(encoding="utf-8").splitlines() == lines
    steps = [name for name, _ in SelfCheck(Path(".")).steps()]
    assert len([line for line in lines if line.startswith("  OK ")]) == len(steps) == 11
    assert "GAGAL" not in "\n".join(lines)
    assert lines[-1].startswith("Semua pemeriksaan lulus")
    assert "CP-SAT optimal" in "\n".join(lines) or "CP-SAT feasible" in "\n".join(lines)
    assert _leftovers() == before
    assert _test_keyring.entries == {}  # the installation secret stayed in memory


def test_a_missing_part_fails_its_step_and_the_run(capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyqtgraph", None)  # as if left out of the bundle
    assert main(["--self-check", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("  FAILED ")]
    assert len(failed) == 1 and "chart" in failed[0]
    assert "ModuleNotFoundError" in failed[0] and "pyqtgraph" in failed[0]
    assert "  OK     encrypted vault" in out and "  OK     scheduler" in out
    assert out.splitlines()[-1].startswith("A check failed")
