"""Restoring from a backup: Berkas > Pulihkan dari cadangan… (the admin, staff password) and the
first-run screen's "Pulihkan pusat yang sudah ada…" (the recovery code, an empty data folder on a
PC without the installation secret). Real vaults on disk, a real backup made by the service, the
real menu action and buttons: the check shows what the backup holds, the restore replaces the
vault (what was registered after the backup is gone; the old vault is kept whole in diganti-*)
and leads back to the login; a wrong password or a file that is no backup is said in the dialog
and nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from support.constants import ADMIN, FAST_KDF, PASSWORD
from support.fake_os_keyring import MemoryKeyring
from support.modal_boxes import ModalBoxes
from support.participant_samples import TODAY, sample
from support.vault_fixture import VaultFixture

from kdrt_desk.i18n import t
from kdrt_desk.security.secret_store import SecretStore
from kdrt_desk.services.vault_access import open_vault
from kdrt_desk.tasks.runner import TaskRunner
from kdrt_desk.ui.main_window import MainWindow
from kdrt_desk.ui.restore_dialog import RestoreDialog
from kdrt_desk.ui.setup_wizard import SetupWizard
from kdrt_desk.vault_files import VaultPaths
from kdrt_desk.wiring import Services, build_services

LEFT = Qt.MouseButton.LeftButton
LATE_NAME = "Rini Setiawati"  # registered after the backup


def backed_up(services: Services, folder: Path) -> Path:
    """One participant, a verified backup of her, then a second participant the backup lacks."""
    services.participants.register(sample(), today=TODAY)
    folder.mkdir()
    record, check = services.backups.make(folder / "cadangan.bak")
    assert check.ok
    services.participants.register(sample(full_name=LATE_NAME, nik="1671044506850002",
                                          phone="0812-0000-1111"), today=TODAY)
    return Path(record.path)


def names(services: Services) -> set[str]:
    return {row.full_name for row in services.participants.list_rows()}


def answer_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(path), "")))


def restore_action(window: MainWindow) -> QAction:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    menu = menus["&Berkas"]
    assert isinstance(menu, QMenu)
    [action] = [a for a in menu.actions() if a.text() == "Pulihkan dari cadangan…"]
    return action


def opened_from_menu(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    restore_action(window).trigger()
    def shown() -> bool:
        found = window.findChild(RestoreDialog)
        return found is not None and found.isVisible()

    qtbot.waitUntil(shown, timeout=5000)
    dialog = window.findChild(RestoreDialog)
    assert isinstance(dialog, RestoreDialog)
    return dialog


def checked(qtbot: QtBot, dialog: RestoreDialog, backup: Path,
            monkeypatch: pytest.MonkeyPatch) -> None:
    answer_open(monkeypatch, backup)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert dialog.path.text() == str(backup)
    qtbot.mouseClick(dialog.check_button, LEFT)
    qtbot.waitUntil(lambda: dialog.contents.isVisible() or dialog.error.isVisible(),
                    timeout=30000)


def window_on(qtbot: QtBot, services: Services, runner: TaskRunner) -> MainWindow:
    window = MainWindow(services, runner)
    qtbot.addWidget(window)
    window.show()
    return window


def test_restoring_from_the_menu_replaces_the_vault(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, modal_boxes: ModalBoxes) -> None:
    services = vault.services()
    backup = backed_up(services, tmp_path / "usb")
    assert LATE_NAME in names(services)
    window = window_on(qtbot, services, runner)
    logins: list[str] = []
    window.on_logout = lambda: logins.append("login")
    dialog = opened_from_menu(qtbot, window)
    assert dialog.username.text() == ADMIN and not dialog.restore_button.isEnabled()
    qtbot.keyClicks(dialog.password, PASSWORD)
    checked(qtbot, dialog, backup, monkeypatch)
    text = dialog.contents.text()
    assert "1 peserta" in text and "1 akun" in text and "utuh" in text, text
    assert not dialog.error.isVisible() and dialog.restore_button.isEnabled()

    modal_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.restore_button, LEFT)
    qtbot.waitUntil(dialog.outcome.isVisible, timeout=60000)
    kind, title, asked = modal_boxes.shown[-1]
    assert (kind, title) == ("question", "Pulihkan dari cadangan")
    assert "TIDAK dihapus" in asked and str(vault.data_dir / "diganti-") in asked
    [aside] = list(vault.data_dir.glob("diganti-*"))
    outcome = dialog.outcome.text()
    assert str(aside) in outcome and "0 anonimisasi" in outcome, outcome
    assert window.vault_released
    assert dialog.close_button.text() == "Masuk ke brankas yang dipulihkan"
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: logins == ["login"], timeout=10000)
    assert not window.isVisible()

    restored = vault.services()  # the login, into the restored vault
    try:
        assert names(restored) == {"Siti Aminah Lestari"}
    finally:
        restored.close()
    old = build_services(open_vault(aside, ADMIN, PASSWORD, store=SecretStore(), kdf=FAST_KDF))
    try:  # the replaced vault, kept whole
        assert LATE_NAME in names(old)
    finally:
        old.close()
    QApplication.processEvents()


def test_a_wrong_password_or_a_file_that_is_no_backup_changes_nothing(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, modal_boxes: ModalBoxes) -> None:
    services = vault.services()
    backup = backed_up(services, tmp_path / "usb")
    before = sorted(p.name for p in vault.data_dir.iterdir())
    window = window_on(qtbot, services, runner)
    logins: list[str] = []
    window.on_logout = lambda: logins.append("login")
    dialog = opened_from_menu(qtbot, window)
    qtbot.keyClicks(dialog.password, "salah-sekali-123")
    checked(qtbot, dialog, backup, monkeypatch)
    assert dialog.error.isVisible() and not dialog.contents.isVisible()
    assert dialog.error.text() == f"{t('error.backup_wrong_login')} Brankas tidak diubah."
    assert not dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, LEFT)  # greyed out: nothing asked, nothing done

    not_a_backup = tmp_path / "usb" / "catatan.bak"
    not_a_backup.write_text("bukan cadangan", encoding="utf-8")
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, PASSWORD)
    checked(qtbot, dialog, not_a_backup, monkeypatch)
    assert dialog.error.text() == f"{t('error.backup_not_a_backup')} Brankas tidak diubah."
    assert not dialog.restore_button.isEnabled()

    assert modal_boxes.shown == []
    assert sorted(p.name for p in vault.data_dir.iterdir()) == before
    assert not window.vault_released and LATE_NAME in names(services)  # still open, unchanged
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    QApplication.processEvents()
    assert logins == [] and window.isVisible()
    window.close()
    QApplication.processEvents()


def test_the_first_run_restores_an_existing_centre_with_the_recovery_code(
        qtbot: QtBot, vault: VaultFixture, runner: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, modal_boxes: ModalBoxes,
        _test_keyring: MemoryKeyring) -> None:
    services = vault.services()
    try:
        backup = backed_up(services, tmp_path / "usb")
    finally:
        services.close()
    _test_keyring.entries.clear()  # a new PC: no installation secret in its keyring
    new_pc = tmp_path / "pc-baru" / "KDRT Desk"
    wizard = SetupWizard(new_pc, runner, FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    button = wizard.centre_page.restore_button
    assert button.text() == "Pulihkan pusat yang sudah ada…" and button.isVisible()
    qtbot.mouseClick(button, LEFT)
    dialog = wizard.restore_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.username.text() == ""
    qtbot.mouseClick(dialog.by_code, LEFT)
    assert dialog.code.isVisible() and not dialog.password.isVisible()
    qtbot.keyClicks(dialog.code, vault.recovery_code)
    checked(qtbot, dialog, backup, monkeypatch)
    assert "1 peserta" in dialog.contents.text(), dialog.error.text()

    modal_boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.restore_button, LEFT)
    qtbot.waitUntil(dialog.outcome.isVisible, timeout=60000)
    assert modal_boxes.shown[-1][2] == t("ui.restore.confirm_empty", folder=str(new_pc),
                                         made=dialog.contents.text().split("Dibuat ")[1]
                                         .split(". Isi")[0])
    assert "diganti" not in dialog.outcome.text() and "0 anonimisasi" in dialog.outcome.text()
    assert VaultPaths(new_pc).exists() and not list(new_pc.glob("diganti-*"))
    qtbot.mouseClick(dialog.close_button, LEFT)
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)
    assert wizard.restored and wizard.result() == QDialog.DialogCode.Accepted  # on to the login

    # the login on the new PC: the admin's password works (the code put the secret back)
    restored = build_services(open_vault(new_pc, ADMIN, PASSWORD, store=SecretStore(),
                                         kdf=FAST_KDF))
    try:
        assert names(restored) == {"Siti Aminah Lestari"}
    finally:
        restored.close()
    QApplication.processEvents()
