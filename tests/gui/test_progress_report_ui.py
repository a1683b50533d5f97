"""Her progress report from her training tab, with a real vault: the real button opens the
dialog, "for her" leaves the scores out, the save dialog (monkeypatched) names a file, and the
PDF written on the task runner holds her progress; a role without the restricted key is not
offered the scores at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from support.programme import build, session_on
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.training import AttendanceMark
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.progress_report_dialog import ProgressReportDialog
from kdrt_desk.ui.training_tab import TrainingTab
from kdrt_desk.wiring import Services

TODAY = date(2026, 11, 27)


def _member(admin: Services) -> int:
    programme = build(admin, members=1)
    pid = programme.participants[0]
    made = admin.sessions.create(session_on(programme, date(2026, 11, 23)))
    admin.attendance.mark(made.id, pid, AttendanceMark.PRESENT, today=TODAY)
    return pid


def _tab(qtbot: QtBot, services: Services, runner: TaskRunner, pid: int) -> TrainingTab:
    tab = TrainingTab(services, runner, pid)
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.show()
    return tab


def _press_print(qtbot: QtBot, tab: TrainingTab) -> ProgressReportDialog:
    assert tab.report_button.text() == "Cetak laporan perkembangan…"
    qtbot.mouseClick(tab.report_button, Qt.MouseButton.LeftButton)
    dialog = tab.report_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_printing_her_copy_from_the_training_tab(qtbot: QtBot, admin: Services,
                                                 runner: TaskRunner, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pid = _member(admin)
    target = tmp_path / "untuk-dia"  # the dialog adds the .pdf
    asked: list[str] = []

    def save_as(parent: object, title: str, default: str, *args: object,
                **kwargs: object) -> tuple[str, str]:
        asked.append(title)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    dialog = _press_print(qtbot, _tab(qtbot, admin, runner, pid))
    assert dialog.include_scores.isVisibleTo(dialog) and dialog.include_scores.isChecked()
    qtbot.mouseClick(dialog.for_her, Qt.MouseButton.LeftButton)
    assert dialog.for_her.isChecked() and not dialog.include_scores.isChecked()
    with qtbot.waitSignal(dialog.printed, timeout=15000) as printed:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert asked == ["Simpan laporan perkembangan"]
    written = Path(printed.args[0])
    assert written == tmp_path / "untuk-dia.pdf" and not dialog.isVisible()
    found = " ".join((PdfReader(written).pages[0].extract_text() or "").split())
    assert "Untuk peserta" in found and "Bu 000" in found and "1 dari 1 sesi" in found
    assert "Skor dari waktu ke waktu" not in found and "KDRT" not in found


def test_a_staff_member_is_not_offered_the_scores(qtbot: QtBot, vault: VaultFixture,
                                                  runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        pid = _member(team("admin"))
        dialog = _press_print(qtbot, _tab(qtbot, team("staf1"), runner, pid))
        assert not dialog.include_scores.isVisibleTo(dialog)
        assert dialog.include_income.isVisibleTo(dialog)
        dialog.reject()
    finally:
        team.close()
