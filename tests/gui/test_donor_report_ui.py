"""The quarterly donor report from Berkas > Laporan donor triwulanan...: the quarters offered
(the last one that is over chosen), the file dialog answered, the workbook made on the task
runner and read back; Cancel in the progress dialog leaves no file; a facilitator has no entry."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from support.programme import build
from support.team import Team
from support.vault_fixture import VaultFixture

from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.donor_report_dialog import DonorReportDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services


def consenting(services: Services) -> None:
    for pid in build(services, members=6).participants:
        record = services.participants.get(pid)
        edit = replace(record, consent=replace(record.consent, scopes={
            *record.consent.scopes, ConsentScope.STATISTICS}))
        services.participants.update(pid, edit, edit.version)


def opened(qtbot: QtBot, services: Services, runner: TaskRunner) -> DonorReportDialog:
    dialog = DonorReportDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.quarter.count() > 0, timeout=10000)
    return dialog


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_making_the_report_from_its_button(qtbot: QtBot, admin: Services, runner: TaskRunner,
                                           tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    consenting(admin)
    dialog = opened(qtbot, admin, runner)
    quarters = [dialog.quarter.itemData(i) for i in range(dialog.quarter.count())]
    assert quarters == [str(q) for q in admin.donor_report.quarters()]
    dialog.quarter.setCurrentIndex(0)  # the quarter under way
    dialog.language.setCurrentIndex(1)  # English
    target = tmp_path / "donor"  # the suffix is added
    answer_save(monkeypatch, target)
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=30000)
    written = tmp_path / "donor.xlsx"
    assert written.exists() and str(written) in dialog.outcome.text()
    book = load_workbook(written)
    assert book.sheetnames == ["Summary", "Participants", "Programme", "Services", "Charts",
                               "Notes"]
    assert "<5" in dialog.outcome.text()


def test_cancel_leaves_no_file(qtbot: QtBot, admin: Services, runner: TaskRunner,
                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    consenting(admin)
    dialog = opened(qtbot, admin, runner)
    target = tmp_path / "batal.xlsx"
    answer_save(monkeypatch, target)
    gate = threading.Event()
    runner.run(gate.wait)  # the worker is busy: the report waits behind it, its dialog shows
    try:
        qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.findChild(QProgressDialog) is not None
                        and dialog.findChild(QProgressDialog).isVisible(), timeout=5000)
        progress = dialog.findChild(QProgressDialog)
        cancel = progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Batal"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30000)
    assert dialog.error.text() == "Dibatalkan. Tidak ada berkas yang ditulis."
    runner.wait()
    assert not target.exists()
    assert dialog.make_button.isEnabled()


def test_the_menu_entry_is_there_for_export_roles_only(qtbot: QtBot, vault: VaultFixture,
                                                       runner: TaskRunner) -> None:
    team = Team.hired(vault)
    try:
        for name, expected in (("staf1", True), ("fasilitator1", False)):
            services = team(name)
            window = MainWindow(services, runner)
            qtbot.addWidget(window)
            entries = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
            assert ("Laporan donor triwulanan…" in entries) is expected
            window.close()
    finally:
        team.close()


def test_a_report_for_one_programme_or_donor(qtbot: QtBot, admin: Services,
                                             runner: TaskRunner, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import update

    from kdrt_desk.models import TrainingGroup

    funder = "Hibah Dinas PPPA Kota Palembang 2026"
    consenting(admin)
    with admin.vault.db.transaction() as session:
        session.execute(update(TrainingGroup).values(funder=funder))
    dialog = opened(qtbot, admin, runner)
    assert [dialog.scope.itemText(i) for i in range(dialog.scope.count())] == [
        "Seluruh pusat", funder]
    dialog.scope.setFocus()
    qtbot.keyClick(dialog.scope, Qt.Key.Key_Down)  # the keyboard picks the donor
    assert dialog.scope.currentData() == funder
    offered: list[str] = []

    def save_as(*args: object, **kwargs: object) -> tuple[str, str]:
        offered.append(str(args[2]))
        return str(tmp_path / "hibah.xlsx"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=30000)
    assert offered and Path(offered[0]).name.startswith("laporan-donor-") and Path(
        offered[0]).name.endswith("-hibah-dinas-pppa-kota-palembang-2026.xlsx")
    summary = load_workbook(tmp_path / "hibah.xlsx")["Ringkasan"]
    assert funder in str(summary["A2"].value)
