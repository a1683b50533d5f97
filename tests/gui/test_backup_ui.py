"""Berkas > Cadangan…: the last good backup and the warnings, "Cadangkan sekarang…" answered with a
file and made (verified) beside the vault worker, Cancel leaving no file, the automatic settings
saved from their check boxes; and a window closing with "on close" on makes a verified automatic
backup in the data folder before it goes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from kdrt_desk.services.backups import AutoSettings, check_backup
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.backup_dialog import BackupDialog
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.wiring import Services


def opened(qtbot: QtBot, services: Services, runner: TaskRunner) -> BackupDialog:
    dialog = BackupDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.daily.isEnabled(), timeout=10000)
    return dialog


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_backing_up_now_from_its_button(qtbot: QtBot, admin: Services, runner: TaskRunner,
                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        vault: object) -> None:
    dialog = opened(qtbot, admin, runner)
    assert "belum pernah" in dialog.last_good.text()
    assert "7 hari" in dialog.warnings.text() and dialog.warnings.isVisible()
    target = tmp_path / "usb" / "cadangan"  # the suffix is added
    target.parent.mkdir()
    answer_save(monkeypatch, target)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome.isVisible(), timeout=30000)
    written = target.with_suffix(".bak")
    assert written.exists() and str(written) in dialog.outcome.text()
    qtbot.waitUntil(lambda: str(written) in dialog.last_good.text(), timeout=10000)
    assert "7 hari" not in dialog.warnings.text()
    found = check_backup(written, recovery_code=vault.recovery_code)  # type: ignore[attr-defined]
    assert found.ok


def test_cancel_leaves_no_file(qtbot: QtBot, admin: Services, runner: TaskRunner,
                               tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = opened(qtbot, admin, runner)
    target = tmp_path / "usb" / "batal.bak"
    target.parent.mkdir()
    answer_save(monkeypatch, target)
    gate = threading.Event()
    runner.run_aside(gate.wait)  # the backup waits behind this: its progress dialog shows
    try:
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.findChild(QProgressDialog) is not None
                        and dialog.findChild(QProgressDialog).isVisible(), timeout=5000)
        cancel = dialog.findChild(QProgressDialog).findChild(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    finally:
        gate.set()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30000)
    assert dialog.error.text() == "Dibatalkan. Tidak ada berkas yang ditulis."
    runner.wait()
    assert list(target.parent.iterdir()) == []


def test_the_automatic_settings_are_saved(qtbot: QtBot, admin: Services,
                                          runner: TaskRunner) -> None:
    dialog = opened(qtbot, admin, runner)
    assert not dialog.daily.isChecked() and not dialog.on_close.isChecked()
    for box in (dialog.daily, dialog.on_close):  # a click on the box, a press of the space bar
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.daily.isChecked() and dialog.on_close.isChecked()
    dialog.on_close.setFocus()
    qtbot.keyClick(dialog.on_close, Qt.Key.Key_Space)
    assert not dialog.on_close.isChecked()
    qtbot.keyClick(dialog.on_close, Qt.Key.Key_Space)
    assert dialog.daily.isChecked() and dialog.on_close.isChecked()
    runner.wait()
    assert admin.backups.auto_settings() == AutoSettings(daily=True, on_close=True)
    assert any("12 bulan" in label.text() for label in dialog.findChildren(QLabel))


def test_closing_the_window_backs_up_first(qtbot: QtBot, vault: object,
                                           runner: TaskRunner) -> None:
    services = vault.services()  # type: ignore[attr-defined]
    services.backups.set_auto_settings(AutoSettings(daily=False, on_close=True))
    folder = services.backups.auto_folder
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.backup_on_close, timeout=10000)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    made = list(folder.glob("cadangan-*.bak"))
    assert len(made) == 1
    assert check_backup(made[0], recovery_code=vault.recovery_code).ok  # type: ignore[attr-defined]
    QApplication.processEvents()
