"""Berkas > Ekspor data...: the exports a role may make are offered, the file dialog answered,
the export made on the task runner and read back; the full export asks for the password twice,
warns while there is none, and with one writes Office's encryption (not a plain workbook)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from support.programme import build
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.exports_dialog import ExportsDialog
from kdrt_desk.wiring import Services


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def opened(qtbot: QtBot, services: Services, runner: TaskRunner) -> ExportsDialog:
    dialog = ExportsDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_participant_list_and_the_protected_full_export(
        qtbot: QtBot, admin: Services, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    build(admin, members=3)
    dialog = opened(qtbot, admin, runner)
    assert all(b.isVisible() for b in dialog.kinds.values())
    assert dialog.kinds["participants"].isChecked() and dialog.password_form.isHidden()
    answer_save(monkeypatch, tmp_path / "peserta.xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=30000)
    assert "3 baris" in dialog.outcome.text()
    sheet = load_workbook(tmp_path / "peserta.xlsx").worksheets[0]
    assert sheet.max_row == 4  # the header and three women
    # all data: a password asked twice, the warning while there is none
    qtbot.mouseClick(dialog.kinds["full"], Qt.MouseButton.LeftButton)
    assert dialog.password_form.isVisible() and dialog.unprotected.isVisible()
    qtbot.keyClicks(dialog.password, "sandi-ekspor-panjang-1")
    assert dialog.unprotected.isHidden()
    qtbot.keyClicks(dialog.again, "sandi-lain")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "Kedua kata sandi tidak sama. Ketik ulang."
    dialog.again.clear()
    qtbot.keyClicks(dialog.again, "sandi-ekspor-panjang-1")
    target = tmp_path / "semua.xlsx"
    answer_save(monkeypatch, target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible() or dialog.error.isVisible(), timeout=60000)
    assert not dialog.error.isVisible(), dialog.error.text()
    assert target.read_bytes()[:8] == bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted OLE file
    assert dialog.password.text() == "" and dialog.again.text() == ""


def test_a_facilitator_is_offered_her_lists_only(qtbot: QtBot, vault: VaultFixture,
                                                 runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        dialog = opened(qtbot, team("fasilitator1"), runner)
        shown = {k for k, b in dialog.kinds.items() if b.isVisible()}
        assert shown == {"participants", "attendance"}
        dialog.close()
    finally:
        team.close()
