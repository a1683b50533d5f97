"""Berkas > Masa simpan data, pressed as the admin presses it: the plain-words explanation, the
years saved, the records past the period listed, and the chosen one anonymised only once every
code is typed (into the erasure ledger); the screen grabbed to PNG in both languages."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot
from support.participant_samples import sample

from kdrt_desk import i18n
from kdrt_desk.domain.enums import ConsentScope
from kdrt_desk.domain.participant import Consent
from kdrt_desk.services.backups import ledger_of
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.retention_dialog import RetentionConfirmDialog, RetentionDialog
from kdrt_desk.wiring import Services

OLD, RECENT = date(2018, 5, 2), date(2026, 10, 1)


def _register(services: Services, on: date, name: str) -> tuple[int, str]:
    record = services.participants.register(sample(
        full_name=name, nik="", registered_on=on,
        consent=Consent(on, {ConsentScope.DATA_USE})), today=on)
    return record.id, record.code


@pytest.fixture
def window(qtbot: QtBot, admin: Services, runner: TaskRunner) -> Iterator[MainWindow]:
    main = MainWindow(admin, runner)
    qtbot.addWidget(main)
    main.show()
    yield main
    runner.wait()


def _open(qtbot: QtBot, window: MainWindow) -> RetentionDialog:
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Berkas"]
    assert isinstance(file_menu, QMenu)
    [entry] = [a for a in file_menu.actions() if a.text() == "Masa simpan data\u2026"]
    assert isinstance(entry, QAction)
    entry.trigger()
    [dialog] = [w for w in window.findChildren(RetentionDialog) if w.isVisible()]
    qtbot.waitUntil(lambda: dialog.is_loaded, timeout=5000)
    return dialog


def _grab(dialog: QWidget, name: str) -> None:
    """Saved for a look (``KDRT_SHOTS=folder``); else to a throw-away folder, and checked."""
    folder = Path(os.environ.get("KDRT_SHOTS") or tempfile.mkdtemp(prefix="retention-"))
    folder.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(folder / name))


def test_the_admin_anonymises_a_record_past_the_period(
        qtbot: QtBot, admin: Services, runner: TaskRunner, window: MainWindow) -> None:
    old_id, old_code = _register(admin, OLD, "Siti Lama")
    _register(admin, RECENT, "Ayu Baru")
    dialog = _open(qtbot, window)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert ("Data perempuan yang tidak ada kegiatan selama 5 tahun akan diusulkan untuk "
            "dianonimkan; tidak ada yang dihapus tanpa konfirmasi Anda.") in texts
    assert "paling lama 12 bulan" in texts
    first = dialog.table.item(0, 0)
    assert dialog.table.rowCount() == 1 and first is not None and first.text() == old_code
    assert "Siti" not in texts
    assert not dialog.anonymise_button.isEnabled()  # nothing chosen yet
    _grab(dialog, "retention_id.png")

    qtbot.mouseClick(dialog.select_all, Qt.MouseButton.LeftButton)
    assert dialog.anonymise_button.isEnabled()
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    confirm = dialog.confirm_dialog
    assert isinstance(confirm, RetentionConfirmDialog) and confirm.isVisible()
    assert not confirm.ok_button.isEnabled()
    _grab(confirm, "retention_confirm_id.png")
    qtbot.keyClicks(confirm.typed_codes, "KDRT-9999")
    assert not confirm.ok_button.isEnabled()  # a wrong code does not unlock it
    assert admin.participants.get(old_id).anonymised_on is None
    confirm.typed_codes.clear()
    qtbot.keyClicks(confirm.typed_codes, old_code.lower())
    assert confirm.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.anonymised, timeout=10000) as done:
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
    assert done.args == [[old_code]]
    qtbot.waitUntil(lambda: dialog.is_loaded and dialog.table.rowCount() == 0
                    and dialog.empty.isVisible(), timeout=5000)
    runner.wait()
    assert admin.participants.get(old_id).anonymised_on is not None
    assert old_id in ledger_of(admin.vault.db.engine)
    assert "dianonimkan" in dialog.outcome.text()


def test_the_years_are_saved_and_a_shorter_period_lists_more(
        qtbot: QtBot, admin: Services, runner: TaskRunner, window: MainWindow) -> None:
    _register(admin, OLD, "Siti Lama")
    _register(admin, date(2023, 1, 5), "Rina Sedang")
    dialog = _open(qtbot, window)
    assert dialog.years.value() == 5 and dialog.table.rowCount() == 1
    assert not dialog.save_button.isEnabled()
    dialog.years.setFocus()
    dialog.years.selectAll()
    qtbot.keyClicks(dialog.years, "2")
    assert "selama 2 tahun" in dialog.intro.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=5000)
    runner.wait()
    assert admin.retention.years() == 2
    dialog.years.selectAll()
    qtbot.keyClicks(dialog.years, "0")
    assert dialog.years.value() == 0
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.empty.isVisible(), timeout=5000)
    runner.wait()
    assert admin.retention.years() == 0
    assert dialog.years.text() == "Mati (tanpa batas)"
    assert "dimatikan" in dialog.intro.text()


def test_the_screen_in_english(qtbot: QtBot, admin: Services, window: MainWindow) -> None:
    _register(admin, OLD, "Siti Lama")
    i18n.set_language("en")
    dialog = RetentionDialog(admin, window.runner, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_loaded, timeout=5000)
    assert dialog.windowTitle() == "Data retention"
    assert dialog.anonymise_button.text() == "Anonymise the chosen\u2026"
    _grab(dialog, "retention_en.png")
