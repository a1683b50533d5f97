"""The neighbouring-kecamatan editor, opened with the real button in the settings dialog: a
tick adds the pair both ways and is saved, reopening shows it, "Kembalikan ke tabel bawaan"
restores the shipped table; bridge pairs are labelled; other roles see it read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from kdrt_desk.domain.enums import Role
from kdrt_desk.domain.places import KECAMATAN
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.neighbours_dialog import NeighboursDialog
from kdrt_desk.ui.settings_dialog import SettingsDialog
from kdrt_desk.wiring import Services

if TYPE_CHECKING:  # imported by name only: other test folders have a conftest too
    from support.vault_fixture import VaultFixture


def _settings(services: Services, runner: TaskRunner, qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(services, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.is_loaded)
    return dialog


def _open(settings: SettingsDialog, qtbot: QtBot) -> NeighboursDialog:
    qtbot.mouseClick(settings.neighbours_button, Qt.MouseButton.LeftButton)
    editor = settings.neighbours_dialog
    assert isinstance(editor, NeighboursDialog)
    qtbot.waitUntil(lambda: editor.is_loaded and editor.isVisible())
    return editor


def _pick(editor: NeighboursDialog, qtbot: QtBot, name: str) -> None:
    [item] = editor.kecamatan.findItems(f"{name} (", Qt.MatchFlag.MatchStartsWith)
    editor.kecamatan.scrollToItem(item)
    qtbot.mouseClick(editor.kecamatan.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.kecamatan.visualItemRect(item).center())
    assert editor.selected() == name
    assert editor.heading.text() == f"Bertetangga dengan {name}:"


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box where its tick is, once the dialog has laid it out."""
    qtbot.waitUntil(lambda: box.isVisible() and box.width() > 20)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_tick_save_reopen_and_reset(admin: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    settings = _settings(admin, runner, qtbot)
    editor = _open(settings, qtbot)
    _pick(editor, qtbot, "Plaju")
    assert len(editor.boxes) == 17 and "Plaju" not in editor.boxes
    assert editor.boxes["Jakabaring"].isChecked()
    assert not editor.boxes["Kertapati"].isChecked()
    _tick(qtbot, editor.boxes["Kertapati"])
    assert editor.boxes["Kertapati"].isChecked()
    _pick(editor, qtbot, "Kertapati")  # both ways
    assert editor.boxes["Plaju"].isChecked()
    assert editor.boxes["Gandus"].text() == "Gandus (lewat jembatan)"
    assert [name for name, box in editor.boxes.items() if box.isVisible()] == [
        k for k in KECAMATAN if k != "Kertapati"]
    assert editor.kecamatan.currentItem().text() == "Kertapati (5)"
    editor.grab().save("/tmp/neighbours.png")
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    runner.wait()
    assert "Kertapati" in admin.neighbours.current()["Plaju"]
    assert not admin.neighbours.is_shipped()

    editor = _open(settings, qtbot)
    assert editor.state.text() == "Tabel ini sudah diubah pusat."
    _pick(editor, qtbot, "Plaju")
    assert editor.boxes["Kertapati"].isChecked()
    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    assert not editor.boxes["Kertapati"].isChecked()
    assert editor.boxes["Jakabaring"].isChecked()
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    runner.wait()
    assert admin.neighbours.is_shipped()
    assert "Kertapati" not in admin.neighbours.current()["Plaju"]
    assert len(admin.audit.entries(action="kecamatan_neighbours_reset")) == 1


def test_bridge_pairs_are_labelled_and_cancel_keeps_the_table(
        admin: Services, runner: TaskRunner, qtbot: QtBot) -> None:
    editor = _open(_settings(admin, runner, qtbot), qtbot)
    _pick(editor, qtbot, "Bukit Kecil")
    assert editor.boxes["Seberang Ulu I"].text() == "Seberang Ulu I (lewat jembatan)"
    assert editor.boxes["Ilir Barat II"].text() == "Ilir Barat II"
    _tick(qtbot, editor.boxes["Ilir Barat II"])
    assert not editor.boxes["Ilir Barat II"].isChecked()
    cancel = editor.buttons.button(editor.buttons.StandardButton.Cancel)
    assert cancel.text() == "Batal"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    runner.wait()
    assert "Ilir Barat II" in admin.neighbours.current()["Bukit Kecil"]
    assert admin.neighbours.is_shipped()


def test_a_role_without_settings_permission_sees_it_read_only(
        admin: Services, vault: VaultFixture, qtbot: QtBot) -> None:
    admin.accounts.add_account("sari.konselor", Role.KONSELOR, "kata sandi pertama")
    admin.close()
    konselor = vault.services("sari.konselor", "kata sandi pertama")
    runner = TaskRunner(on_unhandled=lambda e: pytest.fail(repr(e)))
    try:
        editor = _open(_settings(konselor, runner, qtbot), qtbot)
        assert editor.selected() == "Alang-Alang Lebar"
        assert editor.boxes["Sukarami"].isChecked()
        assert not editor.boxes["Sukarami"].isEnabled()
        assert not editor.save_button.isVisible() and not editor.reset_button.isVisible()
    finally:
        runner.wait()
        konselor.close()
